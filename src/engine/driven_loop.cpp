#include "engine/driven_loop.hpp"

#include <paradigm/errors.hpp>

#include <algorithm>

namespace paradigm::detail {

namespace {

// The loop whose call runs on this thread, if any.
thread_local const DrivenLoop* current_loop = nullptr;

class Inside {
 public:
  explicit Inside(const DrivenLoop* loop) noexcept : previous_(current_loop) { current_loop = loop; }
  ~Inside() { current_loop = previous_; }
  Inside(const Inside&) = delete;
  Inside& operator=(const Inside&) = delete;

 private:
  const DrivenLoop* previous_;
};

// Rounds of work one call may run before it yields to the application's
// loop (a task that keeps posting tasks must not starve the loop's other work).
constexpr int kRoundsPerCall = 64;
// How often a transport that cannot report its sockets is polled while
// exchanges are in flight.
constexpr std::chrono::milliseconds kPollInterval{5};

}  // namespace

std::shared_ptr<EventLoop> DrivenLoop::make(std::unique_ptr<AsyncTransport> transport,
                                            std::shared_ptr<Clock> clock, const ExternalLoop& external) {
  auto loop = std::make_shared<DrivenLoop>(std::move(transport), std::move(clock));
  loop->hooks_ = external(std::weak_ptr<LoopDriver>(loop));
  if (!loop->hooks_) throw InvalidRequestError("ClientOptions::external_loop made no LoopHooks");
  std::weak_ptr<DrivenLoop> weak = loop;
  loop->driven_ = loop->transport_->drive(
      [raw = loop.get()](NativeSocket socket, SocketEvents events) { raw->watch(socket, events); },
      [weak] {
        if (auto self = weak.lock()) self->wake();
      });
  return loop;
}

DrivenLoop::~DrivenLoop() {
  stop();
}

void DrivenLoop::stop() {
  if (!begin_stopping()) return;
  if (current_loop == this) {
    stop_pending_ = true;  // the call in progress tears down when it returns
    return;
  }
  std::lock_guard<std::mutex> lock(busy_);
  tear_down();
}

void DrivenLoop::post(Task task) {
  if (!enqueue(task)) return;
  if (current_loop != this) schedule_drain();  // within a call, service() runs it
}

bool DrivenLoop::on_loop_thread() const noexcept {
  return current_loop == this;
}

void DrivenLoop::socket_ready(NativeSocket socket, SocketEvents ready) {
  enter([this, socket, ready] {
    if (driven_) transport_->on_socket(socket, ready);
  });
}

void DrivenLoop::timer_expired() {
  enter([this] { timer_due_.reset(); });  // the application's timer is spent
}

void DrivenLoop::enter(Action action) {
  if (current_loop == this) {
    // Re-entered (a hook ran work at once): after the action running, never
    // inside a libcurl callback.
    deferred_.push_back(std::move(action));
    return;
  }
  std::lock_guard<std::mutex> lock(busy_);
  if (torn_down_) return;
  Inside inside(this);
  action();
  do {
    service();
    if (stop_pending_) return tear_down();
    set_next_timer();  // a hook firing at once comes back as a deferred action
  } while (!deferred_.empty());
}

void DrivenLoop::service() {
  for (int round = 0; round < kRoundsPerCall; ++round) {
    if (!service_round()) return;
  }
  schedule_drain();  // more to do: let the application's loop breathe, then go on
}

// One pass over everything that may be due; true if anything ran.
bool DrivenLoop::service_round() {
  bool ran = false;
  while (!deferred_.empty()) {
    std::vector<Action> actions;
    actions.swap(deferred_);
    for (auto& action : actions)
      action();
    ran = true;
  }
  const int tasks = run_posted();
  if (tasks < 0) return false;  // stopping
  ran = ran || tasks > 0;
  ran = run_due_timers() || ran;
  if (driven_) {
    const auto deadline = transport_->deadline();
    if (woken_.exchange(false) || (deadline && *deadline <= SteadyClock::now())) {
      transport_->on_deadline();
      ran = true;
    }
  } else if (transport_->in_flight() > 0) {
    transport_->poll(std::chrono::milliseconds(0));
    ran = true;
  }
  return ran;
}

void DrivenLoop::set_next_timer() {
  std::optional<SteadyClock::time_point> due = next_due();
  const auto earliest = [&due](SteadyClock::time_point when) { due = due ? std::min(*due, when) : when; };
  if (driven_) {
    if (const auto deadline = transport_->deadline()) earliest(*deadline);
  } else if (transport_->in_flight() > 0) {
    earliest(SteadyClock::now() + kPollInterval);
  }
  if (due == timer_due_) return;
  timer_due_ = due;
  if (!due) return hooks_->set_timer(std::nullopt);
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(*due - SteadyClock::now());
  hooks_->set_timer(std::max(left, std::chrono::milliseconds(0)));
}

void DrivenLoop::schedule_drain() {
  if (drain_scheduled_.exchange(true)) return;
  std::weak_ptr<EventLoop> weak = weak_from_this();
  hooks_->post([weak] {
    auto self = weak.lock();
    if (!self) return;
    auto& loop = static_cast<DrivenLoop&>(*self);
    loop.enter([&loop] { loop.drain_scheduled_ = false; });
  });
}

void DrivenLoop::wake() {
  woken_ = true;
  if (current_loop != this) schedule_drain();
}

void DrivenLoop::watch(NativeSocket socket, SocketEvents events) {
  if (events == SocketEvents::none) {
    watched_.erase(socket);
  } else {
    watched_[socket] = events;
  }
  hooks_->watch(socket, events);
}

// Under busy_: drops what is pending, and leaves the application's loop
// watching nothing for this connection.
void DrivenLoop::tear_down() {
  if (torn_down_) return;
  torn_down_ = true;
  Inside inside(this);
  abandon_pending();
  transport_->drive({}, {});
  if (!hooks_) return;  // make() failed
  for (const auto& [socket, events] : watched_)
    hooks_->watch(socket, SocketEvents::none);
  watched_.clear();
  timer_due_.reset();
  hooks_->set_timer(std::nullopt);
}

}  // namespace paradigm::detail
