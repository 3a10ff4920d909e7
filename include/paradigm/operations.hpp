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
