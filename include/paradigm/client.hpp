#pragma once

#include <paradigm/connection.hpp>
#include <paradigm/export.hpp>
#include <paradigm/pagination.hpp>
#include <paradigm/structured.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paradigm {

/// A blocking client for the Paradigm v3 Threads API.
///
///     paradigm::ThreadsClient client;   // PARADIGM_API_KEY, PARADIGM_BASE_URL
///     paradigm::TurnRequest ask;
///     ask.query = "What is the capital of France?";
///     paradigm::Turn turn = client.create_thread_with_turn(ask);
///     std::cout << turn.final_answer() << '\n';
///
/// A thin handle on a ThreadsConnection: copies share it (and its pool of
/// connections), and every call is safe from many threads at once. Errors are
/// exceptions derived from paradigm::Error (see <paradigm/errors.hpp>).
/// Every call takes a CallOptions last, for timeouts, retries, extra headers,
/// cancellation and the metadata of the answer (CallOptions::response_info).
class PARADIGM_API ThreadsClient {
 public:
  /// Configured from the environment (ClientOptions::from_env()).
  /// Throws InvalidRequestError when PARADIGM_API_KEY is not set.
  ThreadsClient();
  /// The default connection with these options. Throws InvalidRequestError
  /// for an empty api_key or a malformed base_url.
  explicit ThreadsClient(ClientOptions options);
  /// Any connection: a fake or a mock in tests, a decorator of the default one.
  /// Throws InvalidRequestError for a null connection.
  explicit ThreadsClient(std::shared_ptr<ThreadsConnection> connection);

  // --- The operations --------------------------------------------------------
  //
  // Every row of the operations table (<paradigm/operation_list.inc>, where each is
  // documented) is two methods here, e.g. for get_turn:
  //
  //     Turn get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call = {});
  //     Future<Turn> async_get_turn(std::string_view thread_id, std::string_view turn_id,
  //                                 const CallOptions& call);      // and without the call
  //
  // The blocking form returns the result or throws. The asynchronous form
  // returns a Future at once; the call runs on the connection's event loop
  // (one thread for every copy of the client, started on first use), waiting
  // through 202s and polling on timers, never a thread per call. Arguments
  // are copied; handlers (stream events, download sinks and progress,
  // on_update) run on the loop's thread. See docs/async.md. A paged listing
  // (PARADIGM_PAGED) also has its range, e.g. `all_turns(thread_id, list = {},
  // call = {})`: every item, the next page fetched when the loop reaches it.
  // (Its defaulted
  // arguments are overloads: GCC 12 mishandles default arguments inside a
  // co_await expression.)
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                                  \
  Result name(PARADIGM_PARAMS(PARADIGM_DECL, params, optional));                                           \
  Future<Result> async_##name(PARADIGM_PARAMS(PARADIGM_PARAM, params, optional));                          \
  Future<Result> async_##name(PARADIGM_PARAMS(PARADIGM_NOCALL, params, optional));                         \
  PARADIGM_IF_OPTIONAL(optional,                                                                           \
                       Future<Result> async_##name(PARADIGM_PARAMS(PARADIGM_REQUIRED, params, optional));) \
  PARADIGM_IF_PAGED(kind, PageRange<detail::PageItem<Result>> PARADIGM_PAGED_RANGE(kind)(                  \
                              PARADIGM_PARAMS(PARADIGM_DECL, params, optional)) const;)
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

  // --- Conveniences over the operations ----------------------------------------

  /// cancel_running_turn by its 0.2 name: cancels whatever turn runs in the thread.
  Thread cancel_turn(std::string_view thread_id, const CallOptions& call = {}) {
    return cancel_running_turn(thread_id, call);
  }
  Future<Thread> async_cancel_turn(std::string_view thread_id, const CallOptions& call);
  Future<Thread> async_cancel_turn(std::string_view thread_id);

  /// Streams only the answer text (see paradigm::on_text).
  Turn stream_turn_text(std::string_view thread_id, const TurnRequest& request, const TextHandler& on_text,
                        const StreamOptions& stream = {}, const CallOptions& call = {});
  Future<Turn> async_stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                      const TextHandler& on_text, const StreamOptions& stream,
                                      const CallOptions& call);
  Future<Turn> async_stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                      const TextHandler& on_text);
  /// The bytes of an artifact, in memory (download_artifact_content without the metadata).
  std::string download_artifact_bytes(std::string_view artifact_id, const CallOptions& call = {});
  Future<std::string> async_download_artifact_bytes(std::string_view artifact_id, const CallOptions& call);
  Future<std::string> async_download_artifact_bytes(std::string_view artifact_id);
  /// download_artifact_to_file for a std::filesystem::path (any type with
  /// u8string()), without this header including <filesystem>.
  template <class Path, class = decltype(std::declval<const Path&>().u8string())>
  DownloadInfo download_artifact_to_file(std::string_view artifact_id, const Path& destination,
                                         const ProgressCallback& progress = {},
                                         const CallOptions& call = {}) {
    const auto utf8 = destination.u8string();  // std::string before C++20, std::u8string since
    return download_artifact_to_file(artifact_id, std::string(utf8.begin(), utf8.end()), progress, call);
  }

  // --- Every page of a listing, fetched as the loop reaches it ------------------

  // The paged listings of the table (all_turns, all_threads, all_agents,
  // all_agent_files...) are generated above; the sources page by kind:
  /// Every document source matching the filter (`source_type` is set to "document").
  PageRange<DocumentSource> all_document_sources(const SourceFilter& filter = {},
                                                 const CallOptions& call = {}) const;
  /// Every web source matching the filter (`source_type` is set to "web").
  PageRange<WebSource> all_web_sources(const SourceFilter& filter = {}, const CallOptions& call = {}) const;

  // --- Structured output into your own types (<paradigm/structured.hpp>) ----
  //
  // The same calls with a described type T: `response_format` is set to
  // schema_of<T>() (unless the request sets one), and the turn comes back
  // with its answer read as a T once it completed. An answer that is not JSON
  // or does not match is a StructuredOutputError (a DecodeError) carrying the turn.
  //
  //     paradigm::Structured<Capital> answer = client.create_thread_with_turn<Capital>(ask);

  template <class T>
  Structured<T> create_thread_with_turn(const TurnRequest& request, const CreateOptions& create = {},
                                        const CallOptions& call = {}) {
    return detail::structured<T>(
        create_thread_with_turn(detail::with_response_format<T>(request), create, call));
  }
  template <class T>
  Structured<T> create_turn(std::string_view thread_id, const TurnRequest& request,
                            const CreateOptions& create = {}, const CallOptions& call = {}) {
    return detail::structured<T>(
        create_turn(thread_id, detail::with_response_format<T>(request), create, call));
  }
  /// Waits for a turn created with T's schema (e.g. in the background) and reads its answer.
  template <class T>
  Structured<T> wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                              const WaitOptions& wait = {}, const CallOptions& call = {}) {
    return detail::structured<T>(wait_for_turn(thread_id, turn_id, wait, call));
  }
  /// Streams the turn; `on_event` may be empty (progress: `stream.waiting.on_progress`).
  template <class T>
  Structured<T> stream_turn(std::string_view thread_id, const TurnRequest& request,
                            const StreamHandler& on_event = {}, const StreamOptions& stream = {},
                            const CallOptions& call = {}) {
    return detail::structured<T>(stream_turn(thread_id, detail::with_response_format<T>(request),
                                             detail::or_ignore(on_event), stream, call));
  }
  template <class T>
  Structured<T> stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event = {},
                                        const StreamOptions& stream = {}, const CallOptions& call = {}) {
    return detail::structured<T>(stream_thread_with_turn(detail::with_response_format<T>(request),
                                                         detail::or_ignore(on_event), stream, call));
  }
  // The asynchronous forms: the same, chained on the plain call's Future
  // (overloads rather than default arguments, as for the operations).
  template <class T>
  Future<Structured<T>> async_create_thread_with_turn(const TurnRequest& request, const CreateOptions& create,
                                                      const CallOptions& call) {
    return async_create_thread_with_turn(detail::with_response_format<T>(request), create, call)
        .then(&ThreadsClient::read_structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_create_thread_with_turn(const TurnRequest& request,
                                                      const CreateOptions& create) {
    return async_create_thread_with_turn<T>(request, create, CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_create_thread_with_turn(const TurnRequest& request) {
    return async_create_thread_with_turn<T>(request, CreateOptions(), CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                          const CreateOptions& create, const CallOptions& call) {
    return async_create_turn(thread_id, detail::with_response_format<T>(request), create, call)
        .then(&ThreadsClient::read_structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                          const CreateOptions& create) {
    return async_create_turn<T>(thread_id, request, create, CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_create_turn(std::string_view thread_id, const TurnRequest& request) {
    return async_create_turn<T>(thread_id, request, CreateOptions(), CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                            const WaitOptions& wait, const CallOptions& call) {
    return async_wait_for_turn(thread_id, turn_id, wait, call).then(&ThreadsClient::read_structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                            const WaitOptions& wait) {
    return async_wait_for_turn<T>(thread_id, turn_id, wait, CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_wait_for_turn(std::string_view thread_id, std::string_view turn_id) {
    return async_wait_for_turn<T>(thread_id, turn_id, WaitOptions(), CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                          const StreamHandler& on_event, const StreamOptions& stream,
                                          const CallOptions& call) {
    return async_stream_turn(thread_id, detail::with_response_format<T>(request), detail::or_ignore(on_event),
                             stream, call)
        .then(&ThreadsClient::read_structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                          const StreamHandler& on_event, const StreamOptions& stream) {
    return async_stream_turn<T>(thread_id, request, on_event, stream, CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                          const StreamHandler& on_event) {
    return async_stream_turn<T>(thread_id, request, on_event, StreamOptions(), CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_stream_turn(std::string_view thread_id, const TurnRequest& request) {
    return async_stream_turn<T>(thread_id, request, StreamHandler(), StreamOptions(), CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_stream_thread_with_turn(const TurnRequest& request,
                                                      const StreamHandler& on_event,
                                                      const StreamOptions& stream, const CallOptions& call) {
    return async_stream_thread_with_turn(detail::with_response_format<T>(request),
                                         detail::or_ignore(on_event), stream, call)
        .then(&ThreadsClient::read_structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_stream_thread_with_turn(const TurnRequest& request,
                                                      const StreamHandler& on_event,
                                                      const StreamOptions& stream) {
    return async_stream_thread_with_turn<T>(request, on_event, stream, CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_stream_thread_with_turn(const TurnRequest& request,
                                                      const StreamHandler& on_event) {
    return async_stream_thread_with_turn<T>(request, on_event, StreamOptions(), CallOptions());
  }
  template <class T>
  Future<Structured<T>> async_stream_thread_with_turn(const TurnRequest& request) {
    return async_stream_thread_with_turn<T>(request, StreamHandler(), StreamOptions(), CallOptions());
  }

  /// The options of the connection (the API key prints as [REDACTED]).
  const ClientOptions& options() const noexcept;
  /// The connection the client forwards to.
  const std::shared_ptr<ThreadsConnection>& connection() const noexcept {
    return connection_;
  }

 private:
  template <class T>
  static Structured<T> read_structured(Future<Turn> done) {
    return detail::structured<T>(std::move(done).get());
  }

  std::shared_ptr<ThreadsConnection> connection_;
};

}  // namespace paradigm
