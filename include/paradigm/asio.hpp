#pragma once

// Asio for paradigm-cpp: optional and header-only; the library itself does
// not use Asio. Two things, usable apart or together (docs/async.md, "Asio"):
//
// - paradigm::AsioClient: every asynchronous operation of the operations
//   table (<paradigm/operations.hpp>) as an Asio initiating function taking
//   a completion token (a callback, asio::use_future, asio::use_awaitable,
//   asio::deferred, ...). The handler runs on its associated executor (the
//   AsioClient's when it has none), never inside the initiating function;
//   the completion signature is `void(std::exception_ptr, Result)` (or
//   `void(std::exception_ptr)`), the exception being the one the blocking
//   call would throw; the handler's cancellation slot cancels the call.
//
//       asio::io_context io;
//       paradigm::AsioClient api(io, paradigm::ThreadsClient());
//       paradigm::Turn turn = co_await api.async_create_thread_with_turn(ask, asio::use_awaitable);
//
// - paradigm::asio_loop(executor): ClientOptions::external_loop on an Asio
//   executor, so that the SDK has no thread of its own: libcurl's sockets and
//   the engine's timer are watched by the io_context, and the engine runs on
//   a strand of it (POSIX).
//
// Standalone Asio (<asio.hpp>; Debian's libasio-dev, 1.22) by default; define
// PARADIGM_BOOST_ASIO before including this header for Boost.Asio
// (<boost/asio.hpp>). Per-operation cancellation needs Asio 1.19 (Boost
// 1.77), asio::deferred Asio 1.22 (Boost 1.80); this header compiles as
// C++17, and asio::use_awaitable needs C++20 coroutines.

#include <paradigm/client.hpp>
#include <paradigm/detail/asio_completion.hpp>
#include <paradigm/detail/asio_config.hpp>
#include <paradigm/external_loop.hpp>
#include <paradigm/future.hpp>
#include <paradigm/operations.hpp>
#include <paradigm/options.hpp>
#ifndef _WIN32
#include <paradigm/detail/asio_loop_hooks.hpp>
#endif

#include <memory>
#include <type_traits>
#include <utility>

namespace paradigm {

namespace detail {

/// Runs an operation's asynchronous form on a connection from its request.
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                    \
  inline Future<Result> call_async_operation(ThreadsConnection& connection,                  \
                                             [[maybe_unused]] const ops::Request& forwarded, \
                                             const CallOptions& forwarded_call) {            \
    return connection.async_##name(PARADIGM_PARAMS(PARADIGM_MEMBER_, params, optional));     \
  }
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

/// A completion token: anything but the CallOptions that may stand before it.
template <class Token>
using IfToken = std::enable_if_t<!std::is_same_v<std::decay_t<Token>, CallOptions>>;

}  // namespace detail

// The shapes of the initiating functions (see <paradigm/detail/operation_macros.hpp>):
// every parameter, then the call and the token; without the call; the
// required ones only, then the token.
#define PARADIGM_ASIO_ALL_PARADIGM_IN(T, n) T n,
#define PARADIGM_ASIO_ALL_PARADIGM_OPTIONAL(T, n) T n,
#define PARADIGM_ASIO_ALL_PARADIGM_NO_OPTIONAL
#define PARADIGM_ASIO_ALL_PARADIGM_CALL const ::paradigm::CallOptions &call, Token &&token
#define PARADIGM_ASIO_ALL_PARADIGM_NONE
#define PARADIGM_ASIO_NOCALL_PARADIGM_IN(T, n) T n,
#define PARADIGM_ASIO_NOCALL_PARADIGM_OPTIONAL(T, n) T n,
#define PARADIGM_ASIO_NOCALL_PARADIGM_NO_OPTIONAL
#define PARADIGM_ASIO_NOCALL_PARADIGM_CALL Token&& token
#define PARADIGM_ASIO_NOCALL_PARADIGM_NONE
#define PARADIGM_ASIO_REQUIRED_PARADIGM_IN(T, n) T n,
#define PARADIGM_ASIO_REQUIRED_PARADIGM_OPTIONAL(T, n)
#define PARADIGM_ASIO_REQUIRED_PARADIGM_NO_OPTIONAL
#define PARADIGM_ASIO_REQUIRED_PARADIGM_CALL Token&& token
#define PARADIGM_ASIO_REQUIRED_PARADIGM_NONE

/// A ThreadsClient as an Asio I/O object: for every operation `name` of the
/// table, `async_name(arguments..., [optional], [call], token)`, e.g.
///
///     template <class Token> auto async_get_turn(std::string_view thread_id, std::string_view turn_id,
///                                                const CallOptions& call, Token&& token);
///     template <class Token> auto async_get_turn(std::string_view thread_id, std::string_view turn_id,
///                                                Token&& token);
///
/// and the same without a token for the executor's default completion token
/// (`asio::use_awaitable_t<>::as_default_on(api)`). The arguments are copied
/// when the operation is initiated (with asio::deferred, when it is
/// launched). The operation runs on the client's connection; its handlers
/// (stream events, download sinks and progress, on_update) run where the
/// connection runs them: on its event loop, which is the io_context itself
/// with paradigm::asio_loop. Cheap to copy.
template <class Executor = detail::asio::any_io_executor>
class BasicAsioClient {
 public:
  using executor_type = Executor;

  /// The same client on another executor type (for `as_default_on`).
  template <class Other>
  struct rebind_executor {
    using other = BasicAsioClient<Other>;
  };

  /// `executor`: where handlers without an executor of their own run.
  BasicAsioClient(const executor_type& executor, ThreadsClient client)
      : executor_(executor), client_(std::move(client)) {}
  /// On an execution context (an io_context): its executor.
  template <class Context,
            std::enable_if_t<std::is_convertible_v<Context&, detail::asio::execution_context&>, int> = 0>
  BasicAsioClient(Context& context, ThreadsClient client)
      : BasicAsioClient(context.get_executor(), std::move(client)) {}
  /// From a client on another executor type (as_default_on).
  template <class Other, std::enable_if_t<!std::is_same_v<Other, Executor> &&
                                              std::is_constructible_v<Executor, const Other&>,
                                          int> = 0>
  BasicAsioClient(const BasicAsioClient<Other>& other)  // NOLINT(google-explicit-constructor)
      : executor_(other.get_executor()), client_(other.client()) {}

  executor_type get_executor() const noexcept { return executor_; }
  const ThreadsClient& client() const noexcept { return client_; }

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                          \
  template <class Token, class = detail::IfToken<Token>>                                           \
  auto async_##name(PARADIGM_PARAMS(PARADIGM_ASIO_ALL_, params, optional)) {                       \
    ops::Request op;                                                                               \
    PARADIGM_PARAMS(PARADIGM_STORE_, params, optional)                                             \
    return start(std::move(op), call, token);                                                      \
  }                                                                                                \
  template <class Token, class = detail::IfToken<Token>>                                           \
  auto async_##name(PARADIGM_PARAMS(PARADIGM_ASIO_NOCALL_, params, optional)) {                    \
    return async_##name(PARADIGM_PARAMS(PARADIGM_ARG_NOCALL_, params, optional),                   \
                        std::forward<Token>(token));                                               \
  }                                                                                                \
  PARADIGM_IF_OPTIONAL(                                                                            \
      optional, template <class Token, class = detail::IfToken<Token>>                             \
                auto async_##name(PARADIGM_PARAMS(PARADIGM_ASIO_REQUIRED_, params, optional)) {    \
                  return async_##name(PARADIGM_PARAMS(PARADIGM_FILLED_, params, optional),         \
                                      std::forward<Token>(token));                                 \
                })                                                                                 \
  auto async_##name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) {                          \
    return async_##name(PARADIGM_PARAMS(PARADIGM_ARG_, params, optional), default_token());        \
  }                                                                                                \
  auto async_##name(PARADIGM_PARAMS(PARADIGM_NOCALL_, params, optional)) {                         \
    return async_##name(PARADIGM_PARAMS(PARADIGM_ARG_NOCALL_, params, optional), default_token()); \
  }                                                                                                \
  PARADIGM_IF_OPTIONAL(                                                                            \
      optional, auto async_##name(PARADIGM_PARAMS(PARADIGM_REQUIRED_, params, optional)) {         \
        return async_##name(PARADIGM_PARAMS(PARADIGM_FILLED_, params, optional), default_token()); \
      })
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

  /// Any paradigm::Future as an Asio operation: `co_await
  /// api.async_get(set.async_next_completed(), asio::use_awaitable)` (a
  /// TurnSet, an EventStream, a future you chained). The token's
  /// cancellation cancels the future.
  template <class T, class Token, class = detail::IfToken<Token>>
  auto async_get(Future<T> future, Token&& token) {
    return detail::asio::async_initiate<Token, typename detail::AsioSignature<T>::type>(
        detail::AsioInitiation<executor_type>{executor_}, token,
        [future = std::move(future)] { return future; });
  }
  template <class T>
  auto async_get(Future<T> future) {
    return async_get(std::move(future), default_token());
  }

 private:
  template <class Request, class Token>
  auto start(Request op, const CallOptions& call, Token& token) {
    CallOptions on_loop = call;
    on_loop.executor = inline_executor();  // the completion hops to the token's executor itself
    using Signature = typename detail::AsioSignature<typename Request::Result>::type;
    return detail::asio::async_initiate<Token, Signature>(
        detail::AsioInitiation<executor_type>{executor_}, token,
        [connection = client_.connection(), op = std::move(op), call = std::move(on_loop)] {
          return detail::call_async_operation(*connection, op, call);
        });
  }
  static auto default_token() {
    return typename detail::asio::default_completion_token<executor_type>::type();
  }

  executor_type executor_;
  ThreadsClient client_;
};

/// A ThreadsClient as an Asio I/O object on any I/O executor.
using AsioClient = BasicAsioClient<>;

#ifndef _WIN32
/// ClientOptions::external_loop on an Asio executor: the connection's engine
/// runs on a strand of it, with no thread of the SDK's own; libcurl's sockets
/// (through duplicates of their descriptors) and the engine's timer are
/// watched by its execution context. While a call is in flight the context
/// has work; destroy the clients before the io_context.
///
///     asio::io_context io;
///     paradigm::ClientOptions options = paradigm::ClientOptions::from_env();
///     options.external_loop = paradigm::asio_loop(io.get_executor());
///     paradigm::AsioClient api(io, paradigm::ThreadsClient(options));
///     ...
///     io.run();   // this thread runs the SDK, and every handler
template <class Executor>
ExternalLoop asio_loop(const Executor& executor) {
  return [executor](std::weak_ptr<LoopDriver> driver) -> std::unique_ptr<LoopHooks> {
    return std::make_unique<detail::AsioLoopHooks<Executor>>(executor, std::move(driver));
  };
}
#endif

}  // namespace paradigm
