#pragma once

// One thread that runs the asynchronous engine of a connection: the tasks
// posted to it, its timers (retry backoff, poll intervals), and the exchanges
// of its transport. Started on first use; stopped (and joined) by its owner.
// It is also the runtime of asynchronous calls: their steps run on its thread.

#include <paradigm/cancellation.hpp>

#include "retry/clock.hpp"
#include "transport/async_transport.hpp"
#include "workflow/runtime.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace paradigm::detail {

class EventLoop final : public Runtime, public std::enable_shared_from_this<EventLoop> {
 public:
  using Task = std::function<void()>;
  using SteadyClock = std::chrono::steady_clock;

  EventLoop(std::unique_ptr<AsyncTransport> transport, std::shared_ptr<Clock> clock);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  /// Stops the loop: tasks, timers and exchanges still pending are dropped
  /// without running, and the thread is joined (or, when stop() is called
  /// from the loop's own thread, left to end once the task running returns).
  /// Idempotent; nothing posted afterwards runs.
  void stop();

  /// Runs `task` on the loop's thread (starting the thread on first use). Any thread.
  void post(Task task);
  /// True on the loop's own thread.
  bool on_loop_thread() const noexcept;

  /// Runs `done(true)` after `delay`, or `done(false)` as soon as `token` is
  /// cancelled. Loop thread only.
  void add_timer(std::chrono::milliseconds delay, const CancellationToken& token,
                 std::function<void(bool)> done);

  // Runtime, for the steps of asynchronous calls (loop thread only).
  void perform(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) override;
  void sleep(std::chrono::milliseconds delay, const CancellationToken& token,
             std::function<void(bool)> done) override;
  Clock& clock() override { return *clock_; }

 private:
  struct Timer;

  void run();
  bool run_posted();
  void run_due_timers();
  std::chrono::milliseconds until_next_timer() const;

  std::unique_ptr<AsyncTransport> transport_;
  std::shared_ptr<Clock> clock_;
  mutable std::mutex mutex_;
  std::deque<Task> posted_;
  bool stopping_ = false;
  std::thread thread_;
  std::thread::id thread_id_;
  // Loop thread only.
  std::multimap<SteadyClock::time_point, std::shared_ptr<Timer>> timers_;
};

}  // namespace paradigm::detail
