#include <paradigm/future.hpp>

namespace paradigm {

bool FutureCore::ready() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ready_;
}

void FutureCore::wait() const {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this] { return ready_; });
}

bool FutureCore::wait_for(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return done_.wait_for(lock, timeout, [this] { return ready_; });
}

std::exception_ptr FutureCore::error() const {
  wait();
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

void FutureCore::cancel() {
  std::function<void()> cancel;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (ready_) return;
    cancel = cancel_;
  }
  if (cancel) cancel();  // outside the lock: it may finish this future
}

std::optional<TurnRef> FutureCore::turn() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return turn_;
}

ResponseInfo FutureCore::response() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return response_;
}

void FutureCore::on_cancel(std::function<void()> cancel) {
  std::lock_guard<std::mutex> lock(mutex_);
  cancel_ = std::move(cancel);
}

void FutureCore::set_turn(TurnRef turn) {
  std::lock_guard<std::mutex> lock(mutex_);
  turn_ = std::move(turn);
}

void FutureCore::set_response(ResponseInfo response) {
  std::lock_guard<std::mutex> lock(mutex_);
  response_ = std::move(response);
}

bool FutureCore::finish(std::unique_lock<std::mutex>& lock, std::exception_ptr error) {
  if (ready_) return false;
  ready_ = true;
  error_ = std::move(error);
  cancel_ = nullptr;  // what it held (a token, a connection) is no longer needed
  lock.unlock();
  done_.notify_all();
  return true;
}

}  // namespace paradigm
