#pragma once

#include <paradigm/export.hpp>
#include <paradigm/options.hpp>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace paradigm {

/// The thread and the turn an operation is about: with them another call, or
/// another process, can wait for the turn (`wait_for_turn`).
struct TurnRef {
  std::string thread_id;
  std::string turn_id;
};

template <class T>
class Future;

/// The part of a Future's shared state that does not depend on T, compiled in
/// the library (so exported from it). Reached only through Future<T>.
class PARADIGM_API FutureCore {
 public:
  bool ready() const;
  void wait() const;
  bool wait_for(std::chrono::milliseconds timeout) const;
  std::exception_ptr error() const;
  void cancel();
  std::optional<TurnRef> turn() const;
  ResponseInfo response() const;

  /// For the engine: what cancel() does, the turn once known, the answer.
  void on_cancel(std::function<void()> cancel);
  void set_turn(TurnRef turn);
  void set_response(ResponseInfo response);

 protected:
  FutureCore() = default;
  ~FutureCore() = default;
  // Marks the result set (under the lock) and wakes the waiters; false if it was already.
  bool finish(std::unique_lock<std::mutex>& lock, std::exception_ptr error);

  mutable std::mutex mutex_;
  mutable std::condition_variable done_;
  bool ready_ = false;
  std::exception_ptr error_;
  std::function<void()> cancel_;
  std::optional<TurnRef> turn_;
  ResponseInfo response_;
};

namespace detail {

// The state a Future<T> and the operation producing it share.
template <class T>
class FutureState final : public FutureCore, public std::enable_shared_from_this<FutureState<T>> {
 public:
  using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;
  using Callback = std::function<void(const Future<T>&)>;

  /// The operation's value; runs the callbacks (outside the lock).
  void succeed(Stored value) { settle(std::move(value), nullptr, true); }
  /// The operation's error; runs the callbacks.
  void fail(std::exception_ptr error) { settle(std::nullopt, std::move(error), true); }
  /// Ends with `error` without running a callback (the connection is going away).
  void abandon(std::exception_ptr error) { settle(std::nullopt, std::move(error), false); }

  void then(Callback callback) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!ready_) {
        callbacks_.push_back(std::move(callback));
        return;
      }
    }
    run(callback);
  }

  const Stored& value() const {
    wait();
    if (error_) std::rethrow_exception(error_);
    return *value_;
  }

 private:
  void settle(std::optional<Stored> value, std::exception_ptr error, bool run_callbacks) {
    std::vector<Callback> callbacks;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (ready_) return;
      value_ = std::move(value);
      callbacks.swap(callbacks_);
      finish(lock, std::move(error));
    }
    if (!run_callbacks) return;
    for (auto& callback : callbacks)
      run(callback);
  }

  void run(const Callback& callback) {
    try {
      callback(Future<T>(this->shared_from_this()));
    } catch (...) {
      // A callback's failure is its own: it must not stop the engine that runs it.
    }
  }

  std::optional<Stored> value_;
  std::vector<Callback> callbacks_;
};

}  // namespace detail

/// The result of an asynchronous call, to come: wait for it (with a
/// deadline), read it, cancel it, or have a callback run when it is done.
///
///     paradigm::Future<paradigm::Turn> pending = client.async_create_thread_with_turn(ask);
///     if (pending.wait_for(std::chrono::seconds(30))) std::cout << pending.get().final_answer();
///
/// Copies share one result. Callbacks (`then`) run once, on the connection's
/// event-loop thread (or at once on the caller's thread when the result is
/// already there), never under a lock of the SDK: they may start new calls.
/// A slow callback delays every other call of that connection; hand long work
/// to a thread of yours. When the last copy of the client is destroyed, calls
/// still running end with CancelledError and their callbacks do not run.
template <class T>
class Future {
 public:
  /// No result will ever come (`valid()` is false).
  Future() = default;
  explicit Future(std::shared_ptr<detail::FutureState<T>> state) noexcept : state_(std::move(state)) {}

  bool valid() const noexcept { return static_cast<bool>(state_); }
  /// True once the value or the error is there.
  bool ready() const { return state_->ready(); }
  void wait() const { state_->wait(); }
  /// Waits at most `timeout`; true when the result is there.
  bool wait_for(std::chrono::milliseconds timeout) const { return state_->wait_for(timeout); }
  /// Waits; the value, or throws the call's error (as the blocking call would).
  decltype(auto) get() const {
    if constexpr (std::is_void_v<T>) {
      state_->value();
    } else {
      return state_->value();
    }
  }
  /// Waits; the call's error, or null when it succeeded.
  std::exception_ptr error() const { return state_->error(); }
  /// Stops the call's waiting and transfers: it ends with CancelledError
  /// unless it finished first. (Cancelling a turn on the server is
  /// `cancel_turn`.)
  void cancel() const { state_->cancel(); }
  /// The turn the call is about, once known: at once for `async_wait_for_turn`,
  /// after the server's first answer for a create or a stream.
  std::optional<TurnRef> turn() const { return state_->turn(); }
  /// Waits; what the answer that produced the result said (see CallOptions::response_info).
  ResponseInfo response() const {
    state_->wait();
    return state_->response();
  }
  /// Runs `on_done(*this)` once the result is there.
  void then(std::function<void(const Future&)> on_done) const { state_->then(std::move(on_done)); }

 private:
  std::shared_ptr<detail::FutureState<T>> state_;
};

/// A future whose value is already there (fakes and mocks of a connection use it).
template <class T>
Future<T> make_ready_future(T value) {
  auto state = std::make_shared<detail::FutureState<T>>();
  state->succeed(std::move(value));
  return Future<T>(std::move(state));
}

/// A Future<void> already done.
inline Future<void> make_ready_future() {
  auto state = std::make_shared<detail::FutureState<void>>();
  state->succeed(std::monostate{});
  return Future<void>(std::move(state));
}

/// A future whose error is already there.
template <class T>
Future<T> make_failed_future(std::exception_ptr error) {
  auto state = std::make_shared<detail::FutureState<T>>();
  state->fail(std::move(error));
  return Future<T>(std::move(state));
}

}  // namespace paradigm
