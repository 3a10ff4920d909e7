#include "engine/thread_loop.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {

// How long the loop may sleep with nothing scheduled: short enough that a
// missed wake-up would only delay, never hang.
constexpr std::chrono::milliseconds kIdlePoll{1000};

}  // namespace

ThreadLoop::~ThreadLoop() {
  stop();
}

void ThreadLoop::stop() {
  std::thread thread;
  {
    std::lock_guard<std::mutex> lock(thread_mutex_);
    begin_stopping();
    thread = std::move(thread_);
  }
  transport_->wake();
  if (!thread.joinable()) return;
  // From a callback on the loop's thread: the thread holds the loop alive
  // (see post) and ends when that callback returns.
  if (thread.get_id() == std::this_thread::get_id()) {
    thread.detach();
  } else {
    thread.join();
  }
}

void ThreadLoop::post(Task task) {
  {
    std::lock_guard<std::mutex> lock(thread_mutex_);
    if (!enqueue(task)) return;
    if (!thread_.joinable()) {
      thread_ = std::thread([self = shared_from_this()] { static_cast<ThreadLoop&>(*self).run(); });
      thread_id_ = thread_.get_id();
    }
  }
  transport_->wake();
}

bool ThreadLoop::on_loop_thread() const noexcept {
  std::lock_guard<std::mutex> lock(thread_mutex_);
  return std::this_thread::get_id() == thread_id_;
}

void ThreadLoop::run() {
  for (;;) {
    if (run_posted() < 0) break;
    run_due_timers();
    std::chrono::milliseconds wait = kIdlePoll;
    if (const auto due = next_due()) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(*due - SteadyClock::now());
      wait = std::clamp(left, std::chrono::milliseconds(0), kIdlePoll);
    }
    transport_->poll(wait);
  }
  // Stopping: nothing more runs; what is pending is dropped.
  abandon_pending();
}

}  // namespace paradigm::detail
