#pragma once

// What every route of the emulator shares.

#include <paradigm/testing/mock_server.hpp>

#include "mock_clock.hpp"
#include "store.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace paradigm::mock {

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

/// The longest outage or refusal window: "now + duration" stays within the
/// steady clock's range (ten years is forever, for a test).
inline std::chrono::milliseconds bounded_window(std::chrono::milliseconds duration) {
  return std::min<std::chrono::milliseconds>(duration, std::chrono::hours(24 * 365 * 10));
}

struct Context {
  /// `clock_speed`: the emulator's clock runs at it from the start (a frozen
  /// clock must not move while the server is being set up).
  explicit Context(double clock_speed = 1.0) : emulator_clock(clock_speed) {}

  Store store;
  /// The emulator's time: turn durations, cancel delays, sync_timeout.
  MockClock emulator_clock;
  std::string scheme = "http";
  std::string host = "127.0.0.1";
  int port = 0;

  MockConfig config() const {
    std::lock_guard<std::mutex> lock(config_mutex);
    return config_;
  }
  void set_config(const MockConfig& config) {
    std::lock_guard<std::mutex> lock(config_mutex);
    config_ = config;
  }
  std::string base_url() const { return scheme + "://" + host + ":" + std::to_string(port); }

  /// The emulator's time now.
  SteadyTime now() const { return emulator_clock.now(); }
  /// Moves the clock forward, and wakes the requests waiting for a turn.
  void advance_clock(MockClock::duration by) {
    emulator_clock.advance(by);
    wake_waiters();
  }
  /// Changes the clock's speed, and wakes the requests waiting for a turn.
  void set_clock_speed(double speed) {
    emulator_clock.set_speed(speed);
    wake_waiters();
  }
  /// Waits on store.changed until `deadline` of the emulator's clock (or
  /// until notified). Caller holds `lock` on store.mutex.
  void wait_until(std::unique_lock<std::mutex>& lock, SteadyTime deadline) {
    if (const auto real = emulator_clock.real_time_until(deadline)) {
      store.changed.wait_for(lock, *real);
    } else {
      store.changed.wait(lock);  // frozen: until the clock moves or a turn finishes
    }
  }

  /// Waits `duration` (0 = until interrupted). Returns false when the
  /// server is stopping or dropping its connections (interrupted()).
  bool pause(std::chrono::milliseconds duration) {
    std::unique_lock<std::mutex> lock(stop_mutex);
    if (duration.count() <= 0) {
      stop_cv.wait(lock, [&] { return interrupted(); });
    } else {
      stop_cv.wait_for(lock, duration, [&] { return interrupted(); });
    }
    return !interrupted();
  }
  void request_stop() {
    set_flag(stopping, true);
    wake_waiters();
  }
  /// While the listener and its connections are dropped (a restart), every
  /// handler's wait ends at once, so that their threads can be joined.
  void begin_drain() {
    set_flag(draining, true);
    wake_waiters();
  }
  void end_drain() { set_flag(draining, false); }
  /// Stopping or draining: a handler stops waiting and gives up its answer.
  bool interrupted() const { return stopping || draining; }

  // --- Outages: requests are held, unanswered, until the window ends ---

  /// Holds the requests that arrive during the next `duration` (replacing any outage).
  void start_outage(std::chrono::milliseconds duration, OutageEnd then) {
    {
      std::lock_guard<std::mutex> lock(stop_mutex);
      outage_until_ = std::chrono::steady_clock::now() + bounded_window(duration);
      outage_end_ = then;
    }
    stop_cv.notify_all();
  }
  /// Ends the outage now: the requests it holds end as it said.
  void end_outage() {
    {
      std::lock_guard<std::mutex> lock(stop_mutex);
      outage_until_.reset();
    }
    stop_cv.notify_all();
  }
  /// Waits while an outage lasts. True: handle the request; false: close its
  /// connection unanswered (the outage ended with OutageEnd::close, or the
  /// server is stopping or draining).
  bool admit() {
    std::unique_lock<std::mutex> lock(stop_mutex);
    bool held = false;
    while (!interrupted() && outage_until_ && std::chrono::steady_clock::now() < *outage_until_) {
      held = true;
      stop_cv.wait_until(lock, *outage_until_);
    }
    return !interrupted() && !(held && outage_end_ == OutageEnd::close);
  }
  void wake_waiters() {
    std::lock_guard<std::mutex> lock(store.mutex);
    store.changed.notify_all();
  }

  std::atomic<bool> stopping{false};
  std::atomic<bool> draining{false};

 private:
  void set_flag(std::atomic<bool>& flag, bool value) {
    {
      std::lock_guard<std::mutex> lock(stop_mutex);
      flag = value;
    }
    stop_cv.notify_all();
  }

  mutable std::mutex config_mutex;
  MockConfig config_;
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  std::optional<std::chrono::steady_clock::time_point> outage_until_;
  OutageEnd outage_end_ = OutageEnd::close;
};

/// Registers a route: method ("GET", ...) and a regex over the path.
using RouteAdder =
    std::function<void(const std::string& method, const std::string& pattern, Handler handler)>;

void send_json(httplib::Response& res, int status, const json& body);
void send_detail(httplib::Response& res, int status, const std::string& detail);
/// The request body as a JSON object, or a 400 sent and nullopt.
std::optional<json> json_body(const httplib::Request& req, httplib::Response& res);

void add_thread_routes(Context& context, const RouteAdder& add);
void add_catalog_routes(Context& context, const RouteAdder& add);
/// What the admin routes of one listener ask of the server.
struct ServerControl {
  /// Run by POST /_mock/shutdown once it has answered; empty: that route answers 404.
  std::function<void()> on_shutdown_request;
  /// Closes this listener's socket now: new connections are refused.
  std::function<void()> close_listener;
  /// Drops every connection and listens again after `down` (asked once the
  /// route has answered: it returns at once).
  std::function<void(std::chrono::milliseconds down)> go_down_later;
};

void add_admin_routes(Context& context, class FaultBook& faults, class RequestLog& log,
                      httplib::Server& server, const ServerControl& control);
/// The admin routes that hold requests or stop listening: /_mock/outage,
/// /_mock/refuse, /_mock/restart, /_mock/shutdown.
void add_lifecycle_routes(Context& context, httplib::Server& server, const ServerControl& control);
/// An admin route whose exceptions (bad JSON, a bad value) answer 400 {"detail"}.
Handler guarded(Handler route);

/// Answers with the stored turn as Server-Sent Events, the way an agent
/// working on it would report (see sse_stream.cpp for the vocabulary).
void stream_turn(Context& context, httplib::Response& res, const std::string& turn_id,
                 const std::vector<json>& tool_progress, const StreamOptions& options);

}  // namespace paradigm::mock
