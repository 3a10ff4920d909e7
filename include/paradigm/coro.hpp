#pragma once

// C++20 coroutines over paradigm::Future (optional; the library is C++17 and
// C++17 code simply does not include this header). See docs/async.md,
// "Coroutines".
//
// - `co_await future` in any coroutine: the value, or the exception the
//   blocking call would throw. The coroutine resumes where the future's
//   continuations run (the call's executor, else the event loop's thread,
//   or at once when the result is already there). Destroying the suspended
//   coroutine cancels the call, and it is not resumed.
// - A function returning paradigm::Future<T> may itself be a coroutine
//   (`co_await`, `co_return`): it runs at once up to its first suspension,
//   and cancelling its Future cancels the call it awaits (the awaited call
//   then throws CancelledError into it).
// - `co_await paradigm::with_stop_token(future, token)`: a std::stop_token
//   cancels the call; in a Future coroutine, `co_await
//   paradigm::this_coro::stop_token` is the token its cancellation stops.
//
//     paradigm::Future<std::string> capital(paradigm::ThreadsClient client) {
//       paradigm::Turn turn = co_await client.async_create_thread_with_turn(ask("Capital of France?"));
//       co_return turn.final_answer();
//     }
//
// TurnSet::async_next_completed() and EventStream::next() are Futures too:
// `while (auto finished = co_await set.async_next_completed()) ...`.

#include <paradigm/future.hpp>

#if !defined(__cpp_impl_coroutine) && !defined(__cpp_coroutines)
#error "<paradigm/coro.hpp> needs C++20 coroutines (-std=c++20)"
#endif

#include <concepts>
#include <coroutine>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#if __has_include(<stop_token>)
#include <stop_token>
#endif
#if defined(__cpp_lib_jthread)
#define PARADIGM_CORO_HAS_STOP_TOKEN 1
#else
#define PARADIGM_CORO_HAS_STOP_TOKEN 0
#endif

namespace paradigm {

namespace detail {

/// Resumes a suspended coroutine once, unless it was forgotten first (its
/// frame is being destroyed).
class CoroutineResumer {
 public:
  explicit CoroutineResumer(std::coroutine_handle<> handle) noexcept : handle_(handle) {}
  void resume() {
    std::coroutine_handle<> handle;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      handle = std::exchange(handle_, {});
    }
    if (handle) handle.resume();
  }
  void forget() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    handle_ = {};
  }

 private:
  std::mutex mutex_;
  std::coroutine_handle<> handle_;
};

/// What cancels the call a coroutine awaits: the cancellation of a Future
/// coroutine, or a std::stop_token. Shared by the awaiters of that coroutine.
class AwaitCancellation {
 public:
  /// Cancels the call awaited now, and every call awaited from now on.
  void cancel() noexcept {
    std::shared_ptr<StateBase> awaited;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      cancelled_ = true;
      awaited = awaited_;
    }
    if (awaited) cancel_quietly(*awaited);
  }
  /// `call` is awaited now (cancelled at once if this was cancelled).
  void enter(std::shared_ptr<StateBase> call) noexcept {
    bool now = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      awaited_ = call;
      now = cancelled_;
    }
    if (now) cancel_quietly(*call);
  }
  void leave() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    awaited_.reset();
  }

 private:
  static void cancel_quietly(StateBase& call) noexcept {
    try {
      call.cancel();
    } catch (...) {
      // A cancel hook that throws leaves the call to end by itself.
    }
  }

  std::mutex mutex_;
  bool cancelled_ = false;
  std::shared_ptr<StateBase> awaited_;
};

template <class T>
struct IsFuture : std::false_type {};
template <class T>
struct IsFuture<Future<T>> : std::true_type {};

}  // namespace detail

/// The awaiter of a Future: what `co_await future` suspends on.
template <class T>
class [[nodiscard]] FutureAwaiter {
 public:
  explicit FutureAwaiter(Future<T> future) : future_(std::move(future)) {}
  /// `cancellation` cancels the call while it is awaited.
  FutureAwaiter(Future<T> future, std::shared_ptr<detail::AwaitCancellation> cancellation)
      : future_(std::move(future)), cancellation_(std::move(cancellation)) {}
  /// Movable until awaited (compilers may move an awaitable into the frame).
  FutureAwaiter(FutureAwaiter&& other) noexcept
      : future_(std::move(other.future_)),
        cancellation_(std::move(other.cancellation_)),
        resumer_(std::move(other.resumer_)) {}
  FutureAwaiter& operator=(FutureAwaiter&&) = delete;
  ~FutureAwaiter() {
    if (cancellation_) cancellation_->leave();
    if (!resumer_ || !future_.valid()) return;
    // The coroutine was destroyed while suspended here: it is not resumed,
    // and the call it waited for stops.
    resumer_->forget();
    if (!future_.ready()) future_.cancel();
  }

  bool await_ready() {
    const auto& state = detail::FutureAccess::state(future_);
    if (!state) detail::StateBase::throw_empty();
    if (cancellation_) cancellation_->enter(state);
    return future_.ready();
  }
  void await_suspend(std::coroutine_handle<> coroutine) {
    resumer_ = std::make_shared<detail::CoroutineResumer>(coroutine);
    const auto& state = detail::FutureAccess::state(future_);
    Executor executor = state->executor();
    // Resumed where the future's continuations run; when its connection goes
    // (no continuation runs then), resumed all the same, with CancelledError.
    // Last: the coroutine may be resumed (and this awaiter gone) before add returns.
    state->add({[resumer = resumer_] { resumer->resume(); },
                [resumer = resumer_, executor = std::move(executor)](std::exception_ptr) {
                  if (executor) return executor([resumer] { resumer->resume(); });
                  resumer->resume();
                }});
  }
  T await_resume() {
    resumer_.reset();
    if (cancellation_) cancellation_->leave();
    return std::move(future_).get();
  }

 private:
  Future<T> future_;
  std::shared_ptr<detail::AwaitCancellation> cancellation_;
  std::shared_ptr<detail::CoroutineResumer> resumer_;  // set while suspended
};

/// `co_await future` in any coroutine.
template <class T>
FutureAwaiter<T> operator co_await(Future<T> future) {
  return FutureAwaiter<T>(std::move(future));
}

#if PARADIGM_CORO_HAS_STOP_TOKEN
/// The awaiter of with_stop_token: cancels the call once `token` is stopped.
template <class T>
class [[nodiscard]] StoppableAwaiter {
 public:
  StoppableAwaiter(Future<T> future, std::stop_token token)
      : cancellation_(std::make_shared<detail::AwaitCancellation>()),
        awaiter_(std::move(future), cancellation_),
        token_(std::move(token)) {}
  /// Movable until awaited.
  StoppableAwaiter(StoppableAwaiter&& other) noexcept
      : cancellation_(std::move(other.cancellation_)),
        awaiter_(std::move(other.awaiter_)),
        token_(std::move(other.token_)) {}
  StoppableAwaiter& operator=(StoppableAwaiter&&) = delete;

  bool await_ready() {
    // Here, where it stays while awaited (it may have been moved before).
    on_stop_.emplace(token_, Stop{cancellation_});
    return awaiter_.await_ready();
  }
  void await_suspend(std::coroutine_handle<> coroutine) { awaiter_.await_suspend(coroutine); }
  T await_resume() { return awaiter_.await_resume(); }

 private:
  struct Stop {
    std::shared_ptr<detail::AwaitCancellation> cancellation;
    void operator()() const noexcept { cancellation->cancel(); }
  };
  std::shared_ptr<detail::AwaitCancellation> cancellation_;
  FutureAwaiter<T> awaiter_;
  std::stop_token token_;
  std::optional<std::stop_callback<Stop>> on_stop_;
};

/// `co_await with_stop_token(future, token)`: as `co_await future`, and a
/// stop requested on `token` (before or while waiting) cancels the call.
template <class T>
StoppableAwaiter<T> with_stop_token(Future<T> future, std::stop_token token) {
  return StoppableAwaiter<T>(std::move(future), std::move(token));
}
#endif

namespace this_coro {
/// `co_await paradigm::this_coro::stop_token` in a coroutine returning a
/// Future: the std::stop_token its Future's cancel() stops.
struct StopTokenTag {
  explicit StopTokenTag() = default;
};
inline constexpr StopTokenTag stop_token{};
}  // namespace this_coro

namespace detail {

/// The promise of a coroutine returning Future<T>: it starts at once, its
/// result or exception fulfils the Future, and the Future's cancel() cancels
/// the call it awaits.
template <class T>
class FuturePromiseBase {
 public:
  FuturePromiseBase()
      : promise_([cancellation = cancellation_
#if PARADIGM_CORO_HAS_STOP_TOKEN
                  ,
                  stop = stop_
#endif
  ]() mutable {
#if PARADIGM_CORO_HAS_STOP_TOKEN
          stop.request_stop();
#endif
          cancellation->cancel();
        }) {
  }

  Future<T> get_return_object() {
    return promise_.future();
  }
  std::suspend_never initial_suspend() noexcept {
    return {};
  }
  std::suspend_never final_suspend() noexcept {
    return {};
  }
  void unhandled_exception() {
    promise_.set_exception(std::current_exception());
  }

  template <class U>
  FutureAwaiter<U> await_transform(Future<U> future) {
    return FutureAwaiter<U>(std::move(future), cancellation_);
  }
#if PARADIGM_CORO_HAS_STOP_TOKEN
  auto await_transform(this_coro::StopTokenTag) noexcept {
    struct Ready {
      std::stop_token token;
      bool await_ready() const noexcept { return true; }
      void await_suspend(std::coroutine_handle<>) const noexcept {}
      std::stop_token await_resume() const noexcept { return token; }
    };
    return Ready{stop_.get_token()};
  }
#endif
  template <class Awaitable>
  requires(!IsFuture<std::remove_cvref_t<Awaitable>>::value &&
           !std::is_same_v<std::remove_cvref_t<Awaitable>, this_coro::StopTokenTag>) Awaitable &&
      await_transform(Awaitable&& awaitable)
  noexcept {
    return std::forward<Awaitable>(awaitable);
  }

 protected:
  std::shared_ptr<AwaitCancellation> cancellation_ = std::make_shared<AwaitCancellation>();
#if PARADIGM_CORO_HAS_STOP_TOKEN
  std::stop_source stop_;
#endif
  Promise<T> promise_;
};

template <class T>
class FuturePromise final : public FuturePromiseBase<T> {
 public:
  template <class U>
  requires std::convertible_to<U&&, T>
  void return_value(U&& value) { this->promise_.set_value(T(std::forward<U>(value))); }
};

template <>
class FuturePromise<void> final : public FuturePromiseBase<void> {
 public:
  void return_void() { this->promise_.set_value(); }
};

}  // namespace detail

}  // namespace paradigm

/// A function returning paradigm::Future<T> may be a coroutine.
template <class T, class... Args>
struct std::coroutine_traits<paradigm::Future<T>, Args...> {
  using promise_type = paradigm::detail::FuturePromise<T>;
};
