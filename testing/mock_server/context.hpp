#pragma once

// What every route of the emulator shares.

#include <paradigm/testing/mock_server.hpp>

#include "mock_clock.hpp"
#include "store.hpp"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>

namespace paradigm::mock {

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

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

  /// Waits `duration` (0 = until stop). Returns false when the server is stopping.
  bool pause(std::chrono::milliseconds duration) {
    std::unique_lock<std::mutex> lock(stop_mutex);
    if (duration.count() <= 0) {
      stop_cv.wait(lock, [&] { return stopping.load(); });
    } else {
      stop_cv.wait_for(lock, duration, [&] { return stopping.load(); });
    }
    return !stopping.load();
  }
  void request_stop() {
    {
      std::lock_guard<std::mutex> lock(stop_mutex);
      stopping = true;
    }
    stop_cv.notify_all();
    wake_waiters();
  }
  void wake_waiters() {
    std::lock_guard<std::mutex> lock(store.mutex);
    store.changed.notify_all();
  }

  std::atomic<bool> stopping{false};

 private:
  mutable std::mutex config_mutex;
  MockConfig config_;
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
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
void add_admin_routes(Context& context, class FaultBook& faults, class RequestLog& log,
                      httplib::Server& server, std::function<void()> on_shutdown_request);

/// Answers with the stored turn as Server-Sent Events, the way an agent
/// working on it would report (see sse_stream.cpp for the vocabulary).
void stream_turn(Context& context, httplib::Response& res, const std::string& turn_id,
                 const std::vector<json>& tool_progress, const StreamOptions& options);

}  // namespace paradigm::mock
