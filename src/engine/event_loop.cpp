#include "engine/event_loop.hpp"

#include "core/cancellation_state.hpp"
#include "engine/driven_loop.hpp"
#include "engine/thread_loop.hpp"

#include <algorithm>

namespace paradigm::detail {

struct EventLoop::Timer {
  std::function<void(bool)> done;
  std::shared_ptr<CancellationState> cancellation;
  std::uint64_t listener = 0;
  bool fired = false;
};

std::shared_ptr<EventLoop> EventLoop::make(std::unique_ptr<AsyncTransport> transport,
                                           std::shared_ptr<Clock> clock, const ExternalLoop& external) {
  if (external) return DrivenLoop::make(std::move(transport), std::move(clock), external);
  return std::make_shared<ThreadLoop>(std::move(transport), std::move(clock));
}

EventLoop::EventLoop(std::unique_ptr<AsyncTransport> transport, std::shared_ptr<Clock> clock)
    : transport_(std::move(transport)), clock_(std::move(clock)) {}

EventLoop::~EventLoop() = default;

void EventLoop::add_timer(std::chrono::milliseconds delay, const CancellationToken& token,
                          std::function<void(bool)> done) {
  auto timer = std::make_shared<Timer>();
  timer->done = std::move(done);
  timer->cancellation = token.state();
  // A cancelled token fires the timer early: through a posted task, on the loop.
  std::weak_ptr<Timer> weak = timer;
  timer->listener = timer->cancellation->add_listener([this, weak] {
    post([weak] {
      auto alive = weak.lock();
      if (!alive || alive->fired) return;
      alive->fired = true;
      alive->done(false);
    });
  });
  timers_.emplace(SteadyClock::now() + delay, std::move(timer));
}

void EventLoop::perform(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) {
  try {
    transport_->start(exchange, sink, done);
  } catch (const std::exception& e) {
    // A step never throws into the loop: the exchange fails instead.
    Outcome outcome;
    outcome.kind = OutcomeKind::failed;
    outcome.error = TransferError::other;
    outcome.message = e.what();
    post([done = std::move(done), outcome = std::move(outcome)]() mutable { done(std::move(outcome)); });
  }
}

void EventLoop::sleep(std::chrono::milliseconds delay, const CancellationToken& token,
                      std::function<void(bool)> done) {
  if (clock_->virtual_time()) {
    // A test's clock: time moves when the code sleeps, so the pause is
    // recorded and over at once.
    const bool slept = clock_->sleep_for(delay, token);
    post([done = std::move(done), slept] { done(slept); });
    return;
  }
  add_timer(delay, token, std::move(done));
}

bool EventLoop::enqueue(Task& task) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) return false;
  posted_.push_back(std::move(task));
  return true;
}

bool EventLoop::begin_stopping() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) return false;
  stopping_ = true;
  return true;
}

int EventLoop::run_posted() {
  std::deque<Task> tasks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return -1;
    tasks.swap(posted_);
  }
  for (auto& task : tasks)
    task();
  return static_cast<int>(tasks.size());
}

bool EventLoop::run_due_timers() {
  bool ran = false;
  const auto now = SteadyClock::now();
  while (!timers_.empty() && timers_.begin()->first <= now) {
    std::shared_ptr<Timer> timer = std::move(timers_.begin()->second);
    timers_.erase(timers_.begin());
    timer->cancellation->remove_listener(timer->listener);
    if (timer->fired) continue;
    timer->fired = true;
    timer->done(true);
    ran = true;
  }
  return ran;
}

std::optional<EventLoop::SteadyClock::time_point> EventLoop::next_due() const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!posted_.empty()) return SteadyClock::now();
  }
  if (timers_.empty()) return std::nullopt;
  return timers_.begin()->first;
}

void EventLoop::abandon_pending() {
  transport_->abandon_all();
  auto timers = std::move(timers_);
  timers_.clear();
  for (auto& [when, timer] : timers)
    timer->cancellation->remove_listener(timer->listener);
  std::deque<Task> tasks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks.swap(posted_);
  }
  // Destroyed here, outside the lock: what they held (a call's completion)
  // ends its future with CancelledError.
}

}  // namespace paradigm::detail
