#pragma once

#include <paradigm/executor.hpp>
#include <paradigm/export.hpp>
#include <paradigm/options.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
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
template <class T>
class Promise;

namespace detail {

/// A move-only `void()` callable (std::function needs copyable ones).
using Task = Work;

/// What runs when a future is done: `run` with its result, or `drop` when the
/// future was abandoned (its connection went away: no user code runs then).
struct Continuation {
  Task run;
  std::function<void(std::exception_ptr)> drop;
};

}  // namespace detail

// Outside detail: the library exports it (header templates call its compiled
// members), and detail names stay private to the shared library.
namespace future_support {

/// The part of a future's shared state that does not depend on T, compiled in
/// the library. Reached only through Future, Promise and the SDK's engine.
class PARADIGM_API StateBase {
 public:
  StateBase(const StateBase&) = delete;
  StateBase& operator=(const StateBase&) = delete;

  bool ready() const;
  void wait() const;
  bool wait_for(std::chrono::milliseconds timeout) const;
  /// Waits; the error, or null.
  std::exception_ptr error() const;
  /// Runs the cancel hook once and cancels the linked states, unless done.
  void cancel();
  std::optional<TurnRef> turn() const;
  ResponseInfo response() const;

  // The producing side.
  void on_cancel(std::function<void()> cancel);
  void set_turn(TurnRef turn);
  void set_response(ResponseInfo response);
  /// `other` is part of this result (upstream of a `then`, an inner future):
  /// cancelling this cancels it, and turn() falls back to its turn.
  void link(std::shared_ptr<StateBase> other);
  /// Where continuations run from now on (null: where the result is set, or
  /// at once when it already is). With an executor they are always handed
  /// to it, even when the result is already there.
  void set_executor(Executor executor) {
    std::lock_guard<std::mutex> lock(mutex_);
    executor_ = std::move(executor);
  }
  Executor executor() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return executor_;
  }

  /// Consumers of the result (Future handles, continuations not run yet):
  /// with one, `std::move(future).get()` may move the value out.
  void acquire() noexcept;
  void release() noexcept;
  bool sole_consumer() const noexcept;
  /// Counts down to zero (when_all): true for the call that reaches it.
  bool count_down() noexcept;
  void set_countdown(std::size_t count) noexcept;

  /// The errors of a misused future or promise (paradigm::Error, compiled here).
  [[noreturn]] static void throw_empty();
  [[noreturn]] static void throw_already_satisfied();
  [[noreturn]] static void throw_usage(const char* message);
  static std::exception_ptr broken_promise();

 protected:
  StateBase() = default;
  ~StateBase() = default;
  /// Marks the result there (the lock held) and wakes waiters; false if it already was.
  bool finish(std::unique_lock<std::mutex>& lock, std::exception_ptr error);

  mutable std::mutex mutex_;
  mutable std::condition_variable done_;
  bool ready_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
  Executor executor_;

 private:
  std::function<void()> cancel_;
  std::optional<TurnRef> turn_;
  ResponseInfo response_;
  std::vector<std::shared_ptr<StateBase>> links_;
  int consumers_ = 0;
  std::size_t countdown_ = 0;
};

}  // namespace future_support

namespace detail {

using future_support::StateBase;

/// The state a Future<T> and the operation producing it share.
template <class T>
class SharedState final : public StateBase {
 public:
  using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

  SharedState() = default;

  /// The value; runs the continuations (outside the lock). False if already done.
  bool succeed(Stored value) { return settle(std::move(value), nullptr, true); }
  /// The error; runs the continuations.
  bool fail(std::exception_ptr error) { return settle(std::nullopt, std::move(error), true); }
  /// Ends with `error` running no user code (the connection is going away);
  /// what was chained to it is abandoned alike.
  void abandon(std::exception_ptr error) { settle(std::nullopt, std::move(error), false); }

  /// Runs `next` once the result is there (at once, here, when it already is).
  void add(Continuation next) {
    Executor executor;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!ready_) {
        continuations_.push_back(std::move(next));
        return;
      }
      executor = executor_;
    }
    run_on(executor, std::move(next.run));
  }

  /// Waits; the value, or throws the error.
  const Stored& value() const {
    wait();
    if (error_) std::rethrow_exception(error_);
    return *value_;
  }
  /// Waits; moves the value out (the caller is its only consumer).
  Stored take() {
    wait();
    if (error_) std::rethrow_exception(error_);
    return std::move(*value_);
  }

 private:
  bool settle(std::optional<Stored> value, std::exception_ptr error, bool run) {
    std::vector<Continuation> next;
    Executor executor;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (ready_) return false;
      value_ = std::move(value);
      next.swap(continuations_);
      executor = executor_;
      finish(lock, error);
    }
    for (auto& continuation : next) {
      if (run) {
        run_on(executor, std::move(continuation.run));
      } else if (continuation.drop) {
        continuation.drop(error);
      }
    }
    return true;
  }
  static void run_on(const Executor& executor, Task task) {
    if (executor) {
      executor(std::move(task));
    } else {
      task();
    }
  }

  std::optional<Stored> value_;
  std::vector<Continuation> continuations_;
};

/// The engine's and the combinators' access to a future's state.
struct FutureAccess {
  template <class T>
  static const std::shared_ptr<SharedState<T>>& state(const Future<T>& future) noexcept {
    return future.state_;
  }
  template <class T>
  static Future<T> make(std::shared_ptr<SharedState<T>> state) noexcept {
    return Future<T>(std::move(state));
  }
};

/// What Future<void> is made from: nothing a user can make from `{}`.
struct NoValue {
  explicit NoValue() = default;
};
template <class T>
using ValueOf = std::conditional_t<std::is_void_v<T>, NoValue, T>;

template <class R>
struct Unwrapped {
  using type = R;
};
template <class V>
struct Unwrapped<Future<V>> {
  using type = V;
};

}  // namespace detail

/// The result of an asynchronous call, to come: wait for it (with a
/// deadline), read it, cancel it, or chain what happens next.
///
///     paradigm::Future<paradigm::Turn> pending = client.async_create_thread_with_turn(ask);
///     if (pending.wait_for(std::chrono::seconds(30))) std::cout << pending.get().final_answer();
///
///     // A background create, then waiting for its turn, as one future:
///     paradigm::Future<paradigm::Turn> done = client.async_create_thread_with_turn(ask).then(
///         [&](paradigm::Future<paradigm::Turn> created) {
///           paradigm::Turn turn = created.get();
///           return client.async_wait_for_turn(turn.thread, turn.id);
///         });
///
/// Copies share one result. Continuations (`then`) run once, on the thread
/// that completes the call (a connection's event loop), or at once on the
/// caller's thread when the result is already there, never under a lock of
/// the SDK: they may start new calls. A call given an Executor
/// (ClientOptions::executor, CallOptions::executor) hands them to it instead,
/// always, and so do the futures chained to it. A slow continuation delays every other
/// call of that connection; hand long work to a thread of yours. When the last
/// copy of the client is destroyed, calls still running end with
/// CancelledError and their continuations do not run (what was chained to
/// them ends with the same error).
///
/// Every member but `valid()` throws paradigm::Error on an empty future
/// (default-constructed or moved from).
template <class T>
class Future {
 public:
  using value_type = T;

  /// No result will ever come (`valid()` is false).
  Future() = default;
  /// A future whose value is already there: a fake connection may `return turn;`.
  Future(detail::ValueOf<T> value)  // NOLINT(google-explicit-constructor)
      : Future(make_state(std::move(value))) {}
  Future(const Future& other) noexcept : state_(other.state_) { acquire(); }
  Future(Future&& other) noexcept : state_(std::move(other.state_)) {}
  Future& operator=(const Future& other) noexcept {
    Future(other).swap(*this);
    return *this;
  }
  Future& operator=(Future&& other) noexcept {
    Future(std::move(other)).swap(*this);
    return *this;
  }
  ~Future() { release(); }

  bool valid() const noexcept { return static_cast<bool>(state_); }
  /// True once the value or the error is there.
  bool ready() const { return state().ready(); }
  void wait() const { state().wait(); }
  /// Waits at most `timeout`; true when the result is there.
  bool wait_for(std::chrono::milliseconds timeout) const { return state().wait_for(timeout); }
  /// Waits; the value, or throws the call's error (as the blocking call would).
  decltype(auto) get() const& {
    if constexpr (std::is_void_v<T>) {
      state().value();
    } else {
      return state().value();
    }
  }
  /// Waits; the value moved out when no other copy of this future shares it
  /// (else copied), or throws the call's error.
  auto get() && {
    if constexpr (std::is_void_v<T>) {
      state().value();
    } else {
      if (state().sole_consumer()) return T(state().take());
      return T(state().value());
    }
  }
  /// Waits; the call's error, or null when it succeeded.
  std::exception_ptr error() const { return state().error(); }
  /// Stops the call's waiting and transfers: it ends with CancelledError
  /// unless it finished first. Through a chain, cancels what runs now.
  /// (Cancelling a turn on the server is `cancel_turn`.)
  void cancel() const { state().cancel(); }
  /// The turn the call is about, once known: at once for `async_wait_for_turn`,
  /// after the server's first answer for a create or a stream.
  std::optional<TurnRef> turn() const { return state().turn(); }
  /// Waits; what the answer that produced the result said (see CallOptions::response_info).
  ResponseInfo response() const {
    wait();
    return state().response();
  }

  /// Runs `next(future)` once this result is there (`future` is a copy of
  /// this one, ready) and returns a future of what `next` returns; when
  /// `next` returns a Future, of that future's result. An exception from
  /// `next` becomes the returned future's error.
  template <class F>
  auto then(F&& next) const -> Future<typename detail::Unwrapped<std::invoke_result_t<F&, Future<T>>>::type>;

  void swap(Future& other) noexcept { state_.swap(other.state_); }

 private:
  friend struct detail::FutureAccess;
  template <class>
  friend class Future;

  explicit Future(std::shared_ptr<detail::SharedState<T>> state) noexcept : state_(std::move(state)) {
    acquire();
  }
  static std::shared_ptr<detail::SharedState<T>> make_state(detail::ValueOf<T> value) {
    auto state = std::make_shared<detail::SharedState<T>>();
    if constexpr (std::is_void_v<T>) {
      state->succeed(std::monostate{});
    } else {
      state->succeed(std::move(value));
    }
    return state;
  }
  detail::SharedState<T>& state() const {
    if (!state_) detail::StateBase::throw_empty();
    return *state_;
  }
  void acquire() noexcept {
    if (state_) state_->acquire();
  }
  void release() noexcept {
    if (state_) state_->release();
  }

  std::shared_ptr<detail::SharedState<T>> state_;
};

/// The producing side of a Future, for fakes of a connection and adapters:
///
///     paradigm::Promise<paradigm::Turn> promise;
///     paradigm::Future<paradigm::Turn> pending = promise.future();   // hand it out
///     ...
///     promise.set_value(turn);                                       // later, from any thread
///
/// A promise destroyed before it was fulfilled fails its future with
/// paradigm::Error. Move-only; its futures are copies of one result.
template <class T>
class Promise {
 public:
  Promise() : state_(std::make_shared<detail::SharedState<T>>()) {}
  /// `on_cancel` runs (once, on the thread that calls it) when a future of
  /// this promise is cancelled before it is fulfilled.
  explicit Promise(std::function<void()> on_cancel) : Promise() { state_->on_cancel(std::move(on_cancel)); }
  Promise(Promise&&) noexcept = default;
  Promise& operator=(Promise&& other) noexcept {
    Promise(std::move(other)).swap(*this);
    return *this;
  }
  Promise(const Promise&) = delete;
  Promise& operator=(const Promise&) = delete;
  ~Promise() {
    if (state_ && !state_->ready()) state_->fail(detail::StateBase::broken_promise());
  }

  /// A future of this promise's result.
  Future<T> future() const { return detail::FutureAccess::make(state()); }
  /// Fulfils the promise (its futures' continuations run here). Throws
  /// paradigm::Error when it was already fulfilled.
  template <class U = T, class = std::enable_if_t<!std::is_void_v<U>>>
  void set_value(U value) {
    if (!state()->succeed(std::move(value))) detail::StateBase::throw_already_satisfied();
  }
  template <class U = T, class = std::enable_if_t<std::is_void_v<U>>>
  void set_value() {
    if (!state()->succeed(std::monostate{})) detail::StateBase::throw_already_satisfied();
  }
  void set_exception(std::exception_ptr error) {
    if (!state()->fail(std::move(error))) detail::StateBase::throw_already_satisfied();
  }
  /// What Future::turn() reports from now on.
  void set_turn(TurnRef turn) { state()->set_turn(std::move(turn)); }
  /// What Future::response() reports.
  void set_response(ResponseInfo response) { state()->set_response(std::move(response)); }

  void swap(Promise& other) noexcept { state_.swap(other.state_); }

 private:
  const std::shared_ptr<detail::SharedState<T>>& state() const {
    if (!state_) detail::StateBase::throw_empty();
    return state_;
  }
  std::shared_ptr<detail::SharedState<T>> state_;
};

namespace detail {

// Completes `next` with what `f` makes of the ready `done`.
template <class V, class F, class T>
void complete_then(const std::shared_ptr<SharedState<V>>& next, F& f, Future<T> done) {
  using R = std::invoke_result_t<F&, Future<T>>;
  try {
    if constexpr (!std::is_same_v<R, V>) {  // f returned a Future<V>: adopt its result
      Future<V> inner = f(std::move(done));
      const auto& state = FutureAccess::state(inner);
      if (!state) StateBase::throw_empty();
      next->link(state);
      state->add({[next, inner] {
                    next->set_response(inner.response());
                    if (auto error = inner.error()) return void(next->fail(error));
                    if constexpr (std::is_void_v<V>) {
                      next->succeed(std::monostate{});
                    } else {
                      next->succeed(inner.get());
                    }
                  },
                  [next](std::exception_ptr error) { next->abandon(error); }});
    } else {
      next->set_response(done.response());
      if constexpr (std::is_void_v<V>) {
        f(std::move(done));
        next->succeed(std::monostate{});
      } else {
        next->succeed(f(std::move(done)));
      }
    }
  } catch (...) {
    next->fail(std::current_exception());
  }
}

}  // namespace detail

template <class T>
template <class F>
auto Future<T>::then(F&& next) const
    -> Future<typename detail::Unwrapped<std::invoke_result_t<F&, Future<T>>>::type> {
  using V = typename detail::Unwrapped<std::invoke_result_t<F&, Future<T>>>::type;
  if (!state_) detail::StateBase::throw_empty();
  auto chained = std::make_shared<detail::SharedState<V>>();
  chained->set_executor(state_->executor());  // a chain runs where it started
  chained->link(state_);
  state_->add({[chained, f = std::forward<F>(next), done = *this]() mutable {
                 detail::complete_then(chained, f, std::move(done));
               },
               [chained](std::exception_ptr error) { chained->abandon(error); }});
  return Future<V>(std::move(chained));
}

/// A future whose value is already there.
template <class T>
Future<T> make_ready_future(T value) {
  return Future<T>(std::move(value));
}

/// A Future<void> already done.
PARADIGM_API Future<void> make_ready_future();

/// A future whose error is already there.
template <class T>
Future<T> make_failed_future(std::exception_ptr error) {
  Promise<T> promise;
  promise.set_exception(std::move(error));
  return promise.future();
}

/// A future of every input, once all are done (whatever their outcome):
/// read each with get() or error(). Cancelling it cancels them all.
template <class T>
Future<std::vector<Future<T>>> when_all(std::vector<Future<T>> futures) {
  using All = std::vector<Future<T>>;
  auto all = std::make_shared<detail::SharedState<All>>();
  if (futures.empty()) {
    all->succeed(All());
    return detail::FutureAccess::make(all);
  }
  all->set_countdown(futures.size());
  auto inputs = std::make_shared<All>(futures);
  for (const auto& future : futures) {
    const auto& state = detail::FutureAccess::state(future);
    if (!state) detail::StateBase::throw_empty();
    all->link(state);
  }
  all->set_executor(detail::FutureAccess::state(futures.front())->executor());
  for (const auto& future : futures) {
    detail::FutureAccess::state(future)->add({[all, inputs] {
                                                if (all->count_down()) all->succeed(std::move(*inputs));
                                              },
                                              [all](std::exception_ptr error) { all->abandon(error); }});
  }
  return detail::FutureAccess::make(all);
}

/// The same for futures of different types: a future of their tuple.
template <class... T>
Future<std::tuple<Future<T>...>> when_all(Future<T>... futures) {
  using All = std::tuple<Future<T>...>;
  auto all = std::make_shared<detail::SharedState<All>>();
  all->set_countdown(sizeof...(T));
  auto inputs = std::make_shared<All>(futures...);
  const auto each = [&](auto&& f) { (f(futures), ...); };
  each([&](const auto& future) {
    if (!detail::FutureAccess::state(future)) detail::StateBase::throw_empty();
    all->link(detail::FutureAccess::state(future));
  });
  if constexpr (sizeof...(T) > 0) {
    all->set_executor(detail::FutureAccess::state(std::get<0>(std::tie(futures...)))->executor());
  }
  if constexpr (sizeof...(T) == 0) all->succeed(All());
  each([&](const auto& future) {
    detail::FutureAccess::state(future)->add({[all, inputs] {
                                                if (all->count_down()) all->succeed(std::move(*inputs));
                                              },
                                              [all](std::exception_ptr error) { all->abandon(error); }});
  });
  return detail::FutureAccess::make(all);
}

/// What when_any returns: which input finished first, and all of them.
template <class T>
struct WhenAny {
  std::size_t index = 0;
  std::vector<Future<T>> futures;
};

/// A future of the first input to finish (the others go on: cancel them if
/// they are not wanted). Cancelling it cancels them all. An empty input is
/// refused with paradigm::Error.
template <class T>
Future<WhenAny<T>> when_any(std::vector<Future<T>> futures) {
  if (futures.empty()) detail::StateBase::throw_usage("paradigm::when_any: no future given");
  auto any = std::make_shared<detail::SharedState<WhenAny<T>>>();
  auto inputs = std::make_shared<std::vector<Future<T>>>(futures);
  for (const auto& future : futures) {
    const auto& state = detail::FutureAccess::state(future);
    if (!state) detail::StateBase::throw_empty();
    any->link(state);
  }
  any->set_executor(detail::FutureAccess::state(futures.front())->executor());
  for (std::size_t i = 0; i < futures.size(); ++i) {
    detail::FutureAccess::state(futures[i])
        ->add({[any, inputs, i] {
                 any->succeed(WhenAny<T>{i, *inputs});
               },
               [any](std::exception_ptr error) { any->abandon(error); }});
  }
  return detail::FutureAccess::make(any);
}

}  // namespace paradigm
