#pragma once

// What runs the asynchronous engine of a connection: the tasks posted to it,
// its timers (retry backoff, poll intervals) and the exchanges of its
// transport. It is the runtime of asynchronous calls: their steps run on the
// loop. Two ways to turn it: a thread of the SDK's own (ThreadLoop, the
// default) or the application's event loop (DrivenLoop, with
// ClientOptions::external_loop). This class holds what both share.

#include <paradigm/cancellation.hpp>
#include <paradigm/external_loop.hpp>

#include "retry/clock.hpp"
#include "transport/async_transport.hpp"
#include "workflow/runtime.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace paradigm::detail {

class EventLoop : public Runtime, public std::enable_shared_from_this<EventLoop> {
 public:
  using Task = std::function<void()>;
  using SteadyClock = std::chrono::steady_clock;

  /// A loop on a thread of its own (started on first post), or, with
  /// `external`, one the application's loop drives.
  static std::shared_ptr<EventLoop> make(std::unique_ptr<AsyncTransport> transport,
                                         std::shared_ptr<Clock> clock, const ExternalLoop& external);

  ~EventLoop() override;
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  /// Stops the loop: tasks, timers and exchanges still pending are dropped
  /// without running, and no callback of the loop runs once it returns
  /// (called from the loop itself, what is running finishes first).
  /// Idempotent; nothing posted afterwards runs.
  virtual void stop() = 0;
  /// Runs `task` on the loop. Any thread.
  virtual void post(Task task) = 0;
  /// True on the loop's own thread (within one of its callbacks).
  virtual bool on_loop_thread() const noexcept = 0;
  /// Whether blocking calls may hand their exchanges to this loop and wait:
  /// not when the application drives it (its thread may be the caller's).
  virtual bool relays_blocking_calls() const noexcept = 0;

  /// Runs `done(true)` after `delay`, or `done(false)` as soon as `token` is
  /// cancelled. Loop thread only.
  void add_timer(std::chrono::milliseconds delay, const CancellationToken& token,
                 std::function<void(bool)> done);

  // Runtime, for the steps of asynchronous calls (loop thread only).
  void perform(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) override;
  void sleep(std::chrono::milliseconds delay, const CancellationToken& token,
             std::function<void(bool)> done) override;
  Clock& clock() override { return *clock_; }

 protected:
  EventLoop(std::unique_ptr<AsyncTransport> transport, std::shared_ptr<Clock> clock);

  /// Queues `task`; false when the loop is stopping (the task is dropped).
  bool enqueue(Task& task);
  /// Marks the loop stopping; false if it already was.
  bool begin_stopping();
  /// Runs the tasks posted so far: how many, or -1 once the loop is stopping.
  int run_posted();
  /// Runs the timers that are due; true if any ran.
  bool run_due_timers();
  /// When the first timer is due, or a task waits (now).
  std::optional<SteadyClock::time_point> next_due() const;
  /// Drops what is pending (exchanges, timers, tasks) without running it. Loop thread only.
  void abandon_pending();

  std::unique_ptr<AsyncTransport> transport_;
  std::shared_ptr<Clock> clock_;

 private:
  struct Timer;

  mutable std::mutex mutex_;
  std::deque<Task> posted_;
  bool stopping_ = false;
  // Loop thread only.
  std::multimap<SteadyClock::time_point, std::shared_ptr<Timer>> timers_;
};

}  // namespace paradigm::detail
