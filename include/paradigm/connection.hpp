#pragma once

#include <paradigm/agent.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/detail/operation_macros.hpp>
#include <paradigm/download.hpp>
#include <paradigm/export.hpp>
#include <paradigm/future.hpp>
#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/source.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>

#include <memory>

namespace paradigm {

/// The operations of the Threads API, two virtual functions each: what a
/// ThreadsClient forwards its calls to. `make_threads_connection(options)`
/// makes the default one (libcurl, with retries, waiting and streaming).
///
/// For every row of the operations table (<paradigm/operation_list.inc>), e.g.
/// get_turn, a connection has
///
///     virtual Turn get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call);
///     virtual Future<Turn> async_get_turn(std::string_view thread_id, std::string_view turn_id,
///                                         const CallOptions& call);
///
/// with the meaning, arguments and errors of the ThreadsClient method of the
/// same name. To test code that uses a ThreadsClient without a server,
/// implement either form of what the code calls (a fake), mock the class with
/// gMock (<paradigm/testing/mock_connection.hpp>), or wrap a connection in a
/// decorator (<paradigm/decorate.hpp>):
///
///     struct FakeConnection : paradigm::ThreadsConnection {
///       paradigm::Turn create_thread_with_turn(const paradigm::TurnRequest&, const paradigm::CreateOptions&,
///                                              const paradigm::CallOptions&) override { ... }
///     };
///     paradigm::ThreadsClient client(std::make_shared<FakeConnection>());
///
/// A connection that implements only the blocking form gets an asynchronous
/// one that runs it on the calling thread and returns a ready Future; one that
/// implements only the asynchronous form gets a blocking one that waits for
/// it (so a fake may return a pending Future, from a Promise). An operation
/// implemented in neither form throws paradigm::Error naming itself.
/// Implementations must be safe to call from many threads at once.
class PARADIGM_API ThreadsConnection {
 public:
  virtual ~ThreadsConnection();

  /// The options the connection was made with (default ones for a connection that has none).
  virtual const ClientOptions& options() const;

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional) \
  virtual Result name(PARADIGM_PARAMS(PARADIGM_PARAM, params, optional)); \
  virtual Future<Result> async_##name(PARADIGM_PARAMS(PARADIGM_PARAM, params, optional));
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION
};

/// The default connection: libcurl with a pool of reused connections (at most
/// `max_connections` open), the retry rules, waiting through 202s and
/// streaming; asynchronous calls run on one event-loop thread, started on
/// first use and joined when the last client copy goes. Throws
/// InvalidRequestError for an empty api_key or a malformed base_url.
PARADIGM_API std::shared_ptr<ThreadsConnection> make_threads_connection(ClientOptions options);

}  // namespace paradigm
