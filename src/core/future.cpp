// The type-independent part of a future's state.

#include <paradigm/errors.hpp>
#include <paradigm/future.hpp>

namespace paradigm::future_support {

bool StateBase::ready() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ready_;
}

void StateBase::wait() const {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this] { return ready_; });
}

bool StateBase::wait_for(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return done_.wait_for(lock, timeout, [this] { return ready_; });
}

std::exception_ptr StateBase::error() const {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this] { return ready_; });
  return error_;
}

void StateBase::cancel() {
  std::function<void()> hook;
  std::vector<std::shared_ptr<StateBase>> links;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (ready_) return;
    cancelled_ = true;
    hook = std::move(cancel_);
    cancel_ = nullptr;
    links = links_;
  }
  // Outside the lock: a hook or a link may finish this future.
  if (hook) hook();
  for (const auto& link : links)
    link->cancel();
}

std::optional<TurnRef> StateBase::turn() const {
  std::vector<std::shared_ptr<StateBase>> links;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (turn_) return turn_;
    links = links_;
  }
  for (const auto& link : links) {
    if (auto turn = link->turn()) return turn;
  }
  return std::nullopt;
}

ResponseInfo StateBase::response() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return response_;
}

void StateBase::on_cancel(std::function<void()> cancel) {
  bool now = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (ready_) return;
    now = cancelled_;
    if (!now) cancel_ = std::move(cancel);
  }
  if (now && cancel) cancel();  // cancelled before the hook was known
}

void StateBase::set_turn(TurnRef turn) {
  std::lock_guard<std::mutex> lock(mutex_);
  turn_ = std::move(turn);
}

void StateBase::set_response(ResponseInfo response) {
  std::lock_guard<std::mutex> lock(mutex_);
  response_ = std::move(response);
}

void StateBase::link(std::shared_ptr<StateBase> other) {
  if (!other) return;
  bool cancel_it = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    cancel_it = cancelled_ && !ready_;
    links_.push_back(other);
  }
  if (cancel_it) other->cancel();  // linked after this was cancelled (a chain's next step)
}

bool StateBase::finish(std::unique_lock<std::mutex>& lock, std::exception_ptr error) {
  if (ready_) return false;
  ready_ = true;
  error_ = std::move(error);
  cancel_ = nullptr;  // what it held (a token, a connection) is no longer needed
  lock.unlock();
  done_.notify_all();
  return true;
}

void StateBase::acquire() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  ++consumers_;
}

void StateBase::release() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  --consumers_;
}

bool StateBase::sole_consumer() const noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return consumers_ == 1;
}

void StateBase::set_countdown(std::size_t count) noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  countdown_ = count;
}

bool StateBase::count_down() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return countdown_ > 0 && --countdown_ == 0;
}

void StateBase::throw_empty() {
  throw Error("paradigm::Future: this future has no state (default-constructed or moved from)");
}

void StateBase::throw_already_satisfied() {
  throw Error("paradigm::Promise: the promise was already fulfilled");
}

void StateBase::throw_usage(const char* message) {
  throw Error(message);
}

std::exception_ptr StateBase::broken_promise() {
  return std::make_exception_ptr(Error("paradigm::Promise: destroyed before it was fulfilled"));
}

}  // namespace paradigm::future_support

namespace paradigm {

Future<void> make_ready_future() {
  return Future<void>(detail::NoValue());
}

}  // namespace paradigm
