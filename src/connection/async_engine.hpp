#pragma once

// The asynchronous side of the default connection: an event loop (started on
// first use) whose thread runs every asynchronous call's steps, and the
// futures those calls complete. Destroying it stops the loop: calls still
// running end with CancelledError and run no callback.

#include <paradigm/errors.hpp>
#include <paradigm/future.hpp>

#include "core/cancellation_state.hpp"
#include "engine/event_loop.hpp"
#include "trace/traced_operation.hpp"
#include "workflow/context.hpp"
#include "workflow/operations.hpp"
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

/// Completes a call's future once; if the call is dropped unfinished (the
/// loop stopped), the future ends with CancelledError and runs no
/// continuation.
template <class T>
class Completion {
 public:
  explicit Completion(std::shared_ptr<SharedState<T>> state) noexcept : state_(std::move(state)) {}
  ~Completion() {
    if (!done_) {
      state_->abandon(
          std::make_exception_ptr(CancelledError("the connection was destroyed before the call finished")));
    }
  }
  Completion(const Completion&) = delete;
  Completion& operator=(const Completion&) = delete;

  const std::shared_ptr<SharedState<T>>& state() const noexcept { return state_; }

  void complete(Result<Produced<T>> result, const Call& call) {
    done_ = true;
    if (!result.ok()) return void(state_->fail(result.error()));
    state_->set_response(call.last_response);
    if (call.options.response_info) *call.options.response_info = call.last_response;
    if constexpr (std::is_void_v<T>) {
      state_->succeed(std::monostate{});
    } else {
      state_->succeed(std::move(result).value());
    }
  }

 private:
  std::shared_ptr<SharedState<T>> state_;
  bool done_ = false;
};

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

  /// Starts `request`'s operation on the loop; its result comes through the future.
  template <class Request>
  Future<typename Request::Result> start(const CallOptions& options, Request request);

  /// The event loop, started on first use.
  std::shared_ptr<EventLoop> loop();

 private:
  std::shared_ptr<const ConnectionContext> context_;
  MakeTransport make_transport_;
  std::once_flag started_;
  std::shared_ptr<EventLoop> loop_;
};

template <class Request>
Future<typename Request::Result> AsyncEngine::start(const CallOptions& options, Request request) {
  using Value = typename Request::Result;
  auto state = std::make_shared<SharedState<Value>>();
  // Before the call can finish: where its continuations run.
  state->set_executor(options.executor ? options.executor : context_->options().executor);
  auto link = std::make_shared<LinkedToken>(options.cancellation);
  state->on_cancel([link] { link->cancel(); });
  auto completion = std::make_shared<Completion<Value>>(state);
  std::shared_ptr<EventLoop> loop = this->loop();
  CallOptions call_options = options;
  call_options.cancellation = link->token();
  loop->post([context = context_, loop = loop.get(), call_options = std::move(call_options), completion, link,
              request = std::move(request)]() mutable {
    auto call = std::make_shared<Call>(context, *loop, call_options);
    call->on_turn_known = [state = completion->state()](const TurnRef& turn) { state->set_turn(turn); };
    Callback<Produced<Value>> done([completion, call, link](Result<Produced<Value>> result) {
      completion->complete(std::move(result), *call);
    });
    try {
      start_traced(call, request, std::move(done));
    } catch (...) {
      completion->complete(std::current_exception(), *call);
    }
  });
  return FutureAccess::make(std::move(state));
}

}  // namespace paradigm::detail
