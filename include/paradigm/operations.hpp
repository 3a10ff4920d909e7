#pragma once

// The operations of the Threads API, as data. The table is
// <paradigm/operation_list.inc>: one row per operation, with its
// documentation, its name, its result, its parameters and whether it streams.
// Everything that has one entry per operation follows from it: the
// ThreadsClient's blocking and asynchronous methods (<paradigm/client.hpp>),
// ThreadsConnection's virtual functions and their defaults
// (<paradigm/connection.hpp>), the default connection, decorators
// (<paradigm/decorate.hpp>), the gMock MockThreadsConnection and the tests that
// enumerate operations. Adding an endpoint is a row, its types, and its
// workflow in the library (src/workflow/ops_*.cpp).
//
// For a row `PARADIGM_OPERATION(GetTurn, get_turn, Turn, false, (PARADIGM_IN(std::string,
// thread_id), PARADIGM_IN(std::string, turn_id)), PARADIGM_NO_OPTIONAL)`:
// - `ThreadsClient::get_turn(thread_id, turn_id, call = {})` blocks and returns
//   a Turn; `ThreadsClient::async_get_turn(thread_id, turn_id[, call])` returns
//   a Future<Turn> at once;
// - `ThreadsConnection::get_turn` and `async_get_turn` are what a connection implements;
// - `paradigm::ops::GetTurn{thread_id, turn_id}` holds the arguments (what a
//   decorator sees of the call).

#include <paradigm/agent.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/detail/operation_macros.hpp>
#include <paradigm/download.hpp>
#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/source.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace paradigm {

namespace detail {

/// How an operation takes a parameter it holds as T: strings as views,
/// numbers and enums by value, anything else by const reference.
template <class T>
using Param = std::conditional_t<std::is_same_v<T, std::string>, std::string_view,
                                 std::conditional_t<std::is_scalar_v<T>, T, const T&>>;

/// How a paged listing asks for its next page: after the last id, or the next page number.
enum class Paging { by_cursor, by_number };

/// The item type of a page: T for Page<T>.
template <class P>
struct PageOf;
template <class T>
struct PageOf<Page<T>> {
  using type = T;
};
template <class P>
using PageItem = typename PageOf<P>::type;

/// The trailing parameter of an overload that leaves the CallOptions out. It
/// cannot be made from `{}`, so `f(a, {})` still means the CallOptions.
struct Omitted {
  explicit Omitted() = default;
};

}  // namespace detail

/// One type per operation, holding its arguments: what a decorator
/// (<paradigm/decorate.hpp>) sees of a call. `name` is the operation's name,
/// `Result` what it returns, `streams` whether its answer is delivered as it
/// arrives (streams and downloads).
namespace ops {
#define PARADIGM_OPERATION(Request, operation, ResultType, kind, params, optional) \
  struct Request {                                                                 \
    using Result = ResultType;                                                     \
    static constexpr const char* name = #operation;                                \
    static constexpr bool streams = PARADIGM_STREAMS_OF(kind);                     \
    PARADIGM_PARAMS(PARADIGM_FIELD, params, optional)                              \
  };
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION
}  // namespace ops

}  // namespace paradigm
