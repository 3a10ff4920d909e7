#pragma once

// Decorators: wrap a connection in one function that sees every operation.

#include <paradigm/connection.hpp>
#include <paradigm/future.hpp>
#include <paradigm/operations.hpp>
#include <paradigm/options.hpp>

#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace paradigm {

/// What a decorator sees of one call: the operation (its request type and
/// name), its arguments and options, and which form was called. Valid only
/// while the decorator runs: copy what a continuation needs.
template <class Request>
struct Invocation {
  /// The operation's name, e.g. "get_turn" (the row of <paradigm/operations.hpp>).
  static constexpr const char* name = Request::name;
  /// The call's arguments, e.g. ops::GetTurn{thread_id, turn_id}.
  const Request& request;
  const CallOptions& options;
  /// True for `async_<name>`, false for the blocking form.
  bool asynchronous = false;
};

namespace detail {

// A blocking call's outcome as a ready future.
template <class Result, class Blocking>
Future<Result> ready(Blocking&& blocking) {
  try {
    if constexpr (std::is_void_v<Result>) {
      blocking();
      return make_ready_future();
    } else {
      return make_ready_future<Result>(blocking());
    }
  } catch (...) {
    return make_failed_future<Result>(std::current_exception());
  }
}

template <class Wrap>
class Decorated final : public ThreadsConnection {
 public:
  Decorated(std::shared_ptr<ThreadsConnection> inner, Wrap wrap)
      : inner_(std::move(inner)), wrap_(std::move(wrap)) {}

  const ClientOptions& options() const override { return inner_->options(); }

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                                 \
  Result name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) override {                                  \
    ops::Request op;                                                                                         \
    PARADIGM_PARAMS(PARADIGM_STORE_, params, optional)                                                        \
    Future<Result> result =                                                                                  \
        wrap_(Invocation<ops::Request>{op, call, false},                                                     \
              [this]([[maybe_unused]] const ops::Request& forwarded, const CallOptions& forwarded_call) {    \
                return ready<Result>(                                                                        \
                    [&] { return inner_->name(PARADIGM_PARAMS(PARADIGM_MEMBER_, params, optional)); });       \
              });                                                                                            \
    return std::move(result).get();                                                                          \
  }                                                                                                          \
  Future<Result> async_##name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) override {                  \
    ops::Request op;                                                                                         \
    PARADIGM_PARAMS(PARADIGM_STORE_, params, optional)                                                        \
    return wrap_(Invocation<ops::Request>{op, call, true},                                                   \
                 [this]([[maybe_unused]] const ops::Request& forwarded, const CallOptions& forwarded_call) { \
                   return inner_->async_##name(PARADIGM_PARAMS(PARADIGM_MEMBER_, params, optional));          \
                 });                                                                                         \
  }
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

 private:
  std::shared_ptr<ThreadsConnection> inner_;
  Wrap wrap_;
};

}  // namespace detail

/// Wraps `inner` so that every call of every operation, blocking or
/// asynchronous, goes through one function of yours:
///
///     auto logged = paradigm::decorate(paradigm::make_threads_connection(options),
///         [](const auto& call, auto next) {
///           std::clog << call.name << '\n';
///           return next(call.request, call.options).then([name = call.name](auto done) {
///             std::clog << name << (done.error() ? " failed\n" : " done\n");
///             return std::move(done).get();
///           });
///         });
///     paradigm::ThreadsClient client(logged);
///
/// `wrap(const Invocation<Request>& call, Next next)` is called with each
/// operation's request type (a generic lambda sees them all) and returns the
/// Future of its result; `next(request, options)` runs the operation on
/// `inner` (with the same or changed arguments and options) and returns that
/// Future. For a blocking call the future `next` returns is already done, and
/// what `wrap` returns is waited for. `wrap` must be safe to call from many
/// threads at once.
template <class Wrap>
std::shared_ptr<ThreadsConnection> decorate(std::shared_ptr<ThreadsConnection> inner, Wrap wrap) {
  return std::make_shared<detail::Decorated<Wrap>>(std::move(inner), std::move(wrap));
}

}  // namespace paradigm
