#include "engine/event_loop.hpp"

#include "core/cancellation_state.hpp"

#include <algorithm>
#include <atomic>

namespace paradigm::detail {

namespace {

// How long the loop may sleep with nothing scheduled: short enough that a
// missed wake-up would only delay, never hang.
constexpr std::chrono::milliseconds kIdlePoll{1000};

}  // namespace

struct EventLoop::Timer {
  std::function<void(bool)> done;
  std::shared_ptr<CancellationState> cancellation;
  std::uint64_t listener = 0;
  bool fired = false;
};

EventLoop::EventLoop(std::unique_ptr<AsyncTransport> transport, std::shared_ptr<Clock> clock)
    : transport_(std::move(transport)), clock_(std::move(clock)) {}

EventLoop::~EventLoop() {
  stop();
}

void EventLoop::stop() {
  std::thread thread;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
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

void EventLoop::post(Task task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    posted_.push_back(std::move(task));
    if (!thread_.joinable()) {
      thread_ = std::thread([self = shared_from_this()] { self->run(); });
      thread_id_ = thread_.get_id();
    }
  }
  transport_->wake();
}

bool EventLoop::on_loop_thread() const noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::this_thread::get_id() == thread_id_;
}

void EventLoop::add_timer(std::chrono::milliseconds delay, const CancellationToken& token,
                          std::function<void(bool)> done) {
  auto timer = std::make_shared<Timer>();
  timer->done = std::move(done);
  timer->cancellation = token.state();
  // A cancelled token fires the timer early: through a posted task, on this thread.
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

void EventLoop::run() {
  for (;;) {
    if (!run_posted()) break;
    run_due_timers();
    transport_->poll(std::min(until_next_timer(), kIdlePoll));
  }
  // Stopping: nothing more runs; what is pending is dropped.
  transport_->abandon_all();
  for (auto& [when, timer] : timers_)
    timer->cancellation->remove_listener(timer->listener);
  timers_.clear();
}

// Runs the tasks posted so far; false once the loop is stopping.
bool EventLoop::run_posted() {
  std::deque<Task> tasks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return false;
    tasks.swap(posted_);
  }
  for (auto& task : tasks)
    task();
  return true;
}

void EventLoop::run_due_timers() {
  const auto now = SteadyClock::now();
  while (!timers_.empty() && timers_.begin()->first <= now) {
    std::shared_ptr<Timer> timer = std::move(timers_.begin()->second);
    timers_.erase(timers_.begin());
    timer->cancellation->remove_listener(timer->listener);
    if (timer->fired) continue;
    timer->fired = true;
    timer->done(true);
  }
}

std::chrono::milliseconds EventLoop::until_next_timer() const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!posted_.empty()) return std::chrono::milliseconds(0);
  }
  if (timers_.empty()) return kIdlePoll;
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(timers_.begin()->first - SteadyClock::now());
  return std::max(left, std::chrono::milliseconds(0));
}

}  // namespace paradigm::detail
