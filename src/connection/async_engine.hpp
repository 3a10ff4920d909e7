#pragma once

// The asynchronous side of the default connection: an event loop (started on
// first use) whose thread runs every asynchronous call's steps, and the
// futures those calls complete. Destroying it stops the loop: calls still
// running end with CancelledError and run no callback.

#include <paradigm/errors.hpp>
#include <paradigm/future.hpp>

#include "core/cancellation_state.hpp"
#include "engine/event_loop.hpp"
#include "workflow/context.hpp"
#include "workflow/result.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace paradigm::detail {

/// A token of a call's own: cancelled by Future::cancel, or with the caller's token.
class LinkedToken {
 public:
  explicit LinkedToken(const CancellationToken& parent)
      : parent_(parent.state()), listener_(parent_->add_listener([own = own_.state()] { own->cancel(); })) {}
  ~LinkedToken() { parent_->remove_listener(listener_); }
  LinkedToken(const LinkedToken&) = delete;
  LinkedToken& operator=(const LinkedToken&) = delete;

  const CancellationToken& token() const noexcept { return own_; }
  void cancel() noexcept { own_.cancel(); }

 private:
  CancellationToken own_;
  std::shared_ptr<CancellationState> parent_;
  std::uint64_t listener_;
};

/// What a call produces for a Future<T>: T, or Done for Future<void>.
template <class T>
using Produced = std::conditional_t<std::is_void_v<T>, Done, T>;

/// Completes a future once; if the call is dropped unfinished (the loop
/// stopped), the future ends with CancelledError and runs no callback.
template <class T>
class Promise {
 public:
  explicit Promise(std::shared_ptr<FutureState<T>> state) noexcept : state_(std::move(state)) {}
  ~Promise() {
    if (!done_) {
      state_->abandon(
          std::make_exception_ptr(CancelledError("the connection was destroyed before the call finished")));
    }
  }
  Promise(const Promise&) = delete;
  Promise& operator=(const Promise&) = delete;

  const std::shared_ptr<FutureState<T>>& state() const noexcept { return state_; }

  void complete(Result<Produced<T>> result, const Call& call) {
    done_ = true;
    if (!result.ok()) return state_->fail(result.error());
    state_->set_response(call.last_response);
    if (call.options.response_info) *call.options.response_info = call.last_response;
    if constexpr (std::is_void_v<T>) {
      state_->succeed({});
    } else {
      state_->succeed(std::move(result).value());
    }
  }

 private:
  std::shared_ptr<FutureState<T>> state_;
  bool done_ = false;
};

// What a call's task keeps of an argument: strings it owns instead of views.
template <class A>
auto owned(A&& argument) {
  if constexpr (std::is_convertible_v<A, std::string_view> && !std::is_same_v<std::decay_t<A>, std::string>) {
    return std::string(std::string_view(argument));
  } else {
    return std::decay_t<A>(std::forward<A>(argument));
  }
}

class AsyncEngine {
 public:
  using MakeTransport = std::function<std::unique_ptr<AsyncTransport>()>;

  AsyncEngine(std::shared_ptr<const ConnectionContext> context, MakeTransport make_transport)
      : context_(std::move(context)), make_transport_(std::move(make_transport)) {}
  ~AsyncEngine() {
    if (loop_) loop_->stop();
  }
  AsyncEngine(const AsyncEngine&) = delete;
  AsyncEngine& operator=(const AsyncEngine&) = delete;

  /// Starts `op(call, args..., done)` on the loop; its result comes through the future.
  template <class Value, class Op, class... Args>
  Future<Value> start(const CallOptions& options, Op op, Args&&... args);

  /// The event loop, started on first use.
  std::shared_ptr<EventLoop> loop();

 private:
  std::shared_ptr<const ConnectionContext> context_;
  MakeTransport make_transport_;
  std::once_flag started_;
  std::shared_ptr<EventLoop> loop_;
};

template <class Value, class Op, class... Args>
Future<Value> AsyncEngine::start(const CallOptions& options, Op op, Args&&... args) {
  auto state = std::make_shared<FutureState<Value>>();
  auto link = std::make_shared<LinkedToken>(options.cancellation);
  state->on_cancel([link] { link->cancel(); });
  auto promise = std::make_shared<Promise<Value>>(state);
  std::shared_ptr<EventLoop> loop = this->loop();
  CallOptions call_options = options;
  call_options.cancellation = link->token();
  loop->post([context = context_, loop = loop.get(), call_options = std::move(call_options), promise, link,
              op, arguments = std::make_tuple(owned(std::forward<Args>(args))...)]() mutable {
    auto call = std::make_shared<Call>(context, *loop, call_options);
    call->on_turn_known = [state = promise->state()](const TurnRef& turn) { state->set_turn(turn); };
    Callback<Produced<Value>> done([promise, call, link](Result<Produced<Value>> result) {
      promise->complete(std::move(result), *call);
    });
    try {
      std::apply([&](auto&... argument) { op(call, argument..., std::move(done)); }, arguments);
    } catch (...) {
      promise->complete(std::current_exception(), *call);
    }
  });
  return Future<Value>(std::move(state));
}

}  // namespace paradigm::detail
