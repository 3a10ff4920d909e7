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

  // --- Turns ---------------------------------------------------------------

  /// POST /api/v3/threads/turns: a new thread with its first turn. Waits through
  /// a 202 until the turn finishes, unless `request.background` is set or
  /// `create.wait` is false (the `running` turn is then returned at once).
  Turn create_thread_with_turn(const TurnRequest& request, const CreateOptions& create = {},
                               const CallOptions& call = {});
  /// POST /api/v3/threads/{thread_id}/turns: a follow-up turn in a thread. Same waiting rules.
  Turn create_turn(std::string_view thread_id, const TurnRequest& request, const CreateOptions& create = {},
                   const CallOptions& call = {});
  /// The current state of a turn (GET /api/v3/threads/{id}/turns/{turn_id}; on
  /// servers without that route, found through the thread's turn list).
  Turn get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call = {});
  /// GET /api/v3/threads/{thread_id}/turns, one page.
  Page<Turn> list_turns(std::string_view thread_id, const ListOptions& list = {},
                        const CallOptions& call = {});
  /// Every turn of a thread, page after page as the loop reaches them.
  PageRange<Turn> all_turns(std::string_view thread_id, const ListOptions& list = {},
                            const CallOptions& call = {}) const;
  /// Polls a turn until it is completed, failed or cancelled. Throws
  /// WaitTimeoutError (with the last turn seen) after the deadline and
  /// CancelledError when the call's token fires.
  Turn wait_for_turn(std::string_view thread_id, std::string_view turn_id, const WaitOptions& wait = {},
                     const CallOptions& call = {});

  /// Streams a follow-up turn (POST /api/v3/threads/{thread_id}/turns with
  /// `stream: true`): `on_event` receives every server-sent event in order, as
  /// it arrives. Returns the final turn as the server holds it, fetched when
  /// the stream ends (and waited for if still running). A handler returning
  /// false stops the stream: the turn is returned as far as it is known (and
  /// cancelled on the server with `stream.cancel_on_stop`). An `error` event
  /// throws StreamError.
  Turn stream_turn(std::string_view thread_id, const TurnRequest& request, const StreamHandler& on_event,
                   const StreamOptions& stream = {}, const CallOptions& call = {});
  /// Streams only the answer text (see paradigm::on_text).
  Turn stream_turn_text(std::string_view thread_id, const TurnRequest& request, const TextHandler& on_text,
                        const StreamOptions& stream = {}, const CallOptions& call = {});
  /// Creates a thread (named after `request.name`, with its agent) then streams
  /// its first turn: the streaming counterpart of create_thread_with_turn.
  Turn stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                               const StreamOptions& stream = {}, const CallOptions& call = {});

  // --- Threads -------------------------------------------------------------

  /// POST /api/v3/threads: an empty thread.
  Thread create_thread(const ThreadRequest& request = {}, const CallOptions& call = {});
  /// GET /api/v3/threads/{thread_id}.
  Thread get_thread(std::string_view thread_id, const CallOptions& call = {});
  /// GET /api/v3/threads, one page.
  Page<Thread> list_threads(const ThreadListOptions& list = {}, const CallOptions& call = {});
  /// Every thread, page after page as the loop reaches them.
  PageRange<Thread> all_threads(const ThreadListOptions& list = {}, const CallOptions& call = {}) const;
  /// PATCH /api/v3/threads/{thread_id}: rename, archive.
  Thread update_thread(std::string_view thread_id, const ThreadUpdate& update, const CallOptions& call = {});
  /// PATCH /api/v3/threads/{thread_id}?cancel=true: cancels whatever turn runs
  /// in the thread. The turn goes `cancelling` then `cancelled`; wait for it with wait_for_turn.
  Thread cancel_turn(std::string_view thread_id, const CallOptions& call = {});
  /// Cancels turn `turn_id`: refused with InvalidRequestError (nothing cancelled)
  /// when the thread's latest turn is another one. The check and the cancel are
  /// two requests: a turn started in between by someone else is not detected.
  Thread cancel_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call = {});
  /// PATCH /api/v3/threads/{thread_id}/turns/{turn_id}?action=...
  void send_feedback(std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
                     const CallOptions& call = {});

  // --- Artifacts -----------------------------------------------------------

  /// GET /api/v3/artifacts/{id}: the artifact's metadata.
  Artifact get_artifact(std::string_view artifact_id, const CallOptions& call = {});
  /// GET /api/v3/artifacts/{id}/content: the bytes, in memory (at most
  /// `max_response_bytes`, else DecodeError: larger artifacts go to a file or a sink).
  std::string download_artifact_bytes(std::string_view artifact_id, const CallOptions& call = {});
  /// The bytes with Content-Type and Content-Disposition (same limit).
  ArtifactContent download_artifact_content(std::string_view artifact_id, const CallOptions& call = {});
  /// Streams the bytes to the file `destination` (a UTF-8 path) in constant
  /// memory. The file appears only when complete (written to a temporary file
  /// beside it, then renamed): on any failure the destination is untouched and
  /// nothing is left behind. Like curl, it does not fsync: after a power loss
  /// the file may be missing or short.
  DownloadInfo download_artifact_to_file(std::string_view artifact_id, const std::string& destination,
                                         const ProgressCallback& progress = {}, const CallOptions& call = {});
  /// The same for a std::filesystem::path (any type with u8string()), without
  /// this header including <filesystem>.
  template <class Path, class = decltype(std::declval<const Path&>().u8string())>
  DownloadInfo download_artifact_to_file(std::string_view artifact_id, const Path& destination,
                                         const ProgressCallback& progress = {},
                                         const CallOptions& call = {}) {
    const auto utf8 = destination.u8string();  // std::string before C++20, std::u8string since
    return download_artifact_to_file(artifact_id, std::string(utf8.begin(), utf8.end()), progress, call);
  }
  /// Passes the bytes to `sink` chunk by chunk as they arrive. A sink returning
  /// false stops the transfer (the result then has `complete == false`).
  DownloadInfo download_artifact_to_sink(std::string_view artifact_id, const ChunkSink& sink,
                                         const CallOptions& call = {});

  // --- Agents and sources (to pick a scope) --------------------------------

  /// GET /api/v3/agents, one page.
  Page<Agent> list_agents(const AgentFilter& filter = {}, const CallOptions& call = {});
  /// Every agent the key can see, page after page as the loop reaches them.
  PageRange<Agent> all_agents(const AgentFilter& filter = {}, const CallOptions& call = {}) const;
  /// GET /api/v3/agents/{agent_id}.
  Agent get_agent(std::int64_t agent_id, const CallOptions& call = {});
  /// The company's default agent (GET /api/v3/agents?is_default=true). Throws
  /// NotFoundError when there is none.
  Agent default_agent(const CallOptions& call = {});
  /// GET /api/v3/agents/{agent_id}/files, one page.
  Page<AgentFile> list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter = {},
                                   const CallOptions& call = {});
  /// Every file an agent can see, page after page as the loop reaches them.
  PageRange<AgentFile> all_agent_files(std::int64_t agent_id, const AgentFileFilter& filter = {},
                                       const CallOptions& call = {}) const;
  /// GET /api/v3/agents/{agent_id}/tags (not paginated).
  std::vector<AgentTag> list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter = {},
                                        const CallOptions& call = {});
  /// GET /api/v3/agents/{agent_id}/tools: native tools and MCP servers.
  AgentTools list_agent_tools(std::int64_t agent_id, const CallOptions& call = {});
  /// GET /api/v3/sources, one page of each kind.
  SourceList list_sources(const SourceFilter& filter = {}, const CallOptions& call = {});
  /// Every document source matching the filter (`source_type` is set to "document").
  PageRange<DocumentSource> all_document_sources(const SourceFilter& filter = {},
                                                 const CallOptions& call = {}) const;
  /// Every web source matching the filter (`source_type` is set to "web").
  PageRange<WebSource> all_web_sources(const SourceFilter& filter = {}, const CallOptions& call = {}) const;

  // --- Asynchronous calls ----------------------------------------------------
  //
  // Each returns a Future at once; the call runs on the connection's event
  // loop (one thread for every copy of the client, started on first use),
  // waiting through 202s and polling on timers, never a thread per call.
  // Arguments are copied; handlers (stream events, download sinks and
  // progress, on_update) run on the loop's thread. See docs/async.md.

  Future<Turn> async_create_thread_with_turn(const TurnRequest& request, const CreateOptions& create = {},
                                             const CallOptions& call = {});
  Future<Turn> async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                 const CreateOptions& create = {}, const CallOptions& call = {});
  Future<Turn> async_get_turn(std::string_view thread_id, std::string_view turn_id,
                              const CallOptions& call = {});
  Future<Page<Turn>> async_list_turns(std::string_view thread_id, const ListOptions& list = {},
                                      const CallOptions& call = {});
  Future<Turn> async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                   const WaitOptions& wait = {}, const CallOptions& call = {});
  Future<Turn> async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                 const StreamHandler& on_event, const StreamOptions& stream = {},
                                 const CallOptions& call = {});
  Future<Turn> async_stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                      const TextHandler& on_text, const StreamOptions& stream = {},
                                      const CallOptions& call = {});
  Future<Turn> async_stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                                             const StreamOptions& stream = {}, const CallOptions& call = {});
  Future<Thread> async_create_thread(const ThreadRequest& request = {}, const CallOptions& call = {});
  Future<Thread> async_get_thread(std::string_view thread_id, const CallOptions& call = {});
  Future<Page<Thread>> async_list_threads(const ThreadListOptions& list = {}, const CallOptions& call = {});
  Future<Thread> async_update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                     const CallOptions& call = {});
  Future<Thread> async_cancel_turn(std::string_view thread_id, const CallOptions& call = {});
  Future<Thread> async_cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                   const CallOptions& call = {});
  Future<void> async_send_feedback(std::string_view thread_id, std::string_view turn_id,
                                   FeedbackAction action, const CallOptions& call = {});
  Future<Artifact> async_get_artifact(std::string_view artifact_id, const CallOptions& call = {});
  Future<std::string> async_download_artifact_bytes(std::string_view artifact_id,
                                                    const CallOptions& call = {});
  Future<ArtifactContent> async_download_artifact_content(std::string_view artifact_id,
                                                          const CallOptions& call = {});
  Future<DownloadInfo> async_download_artifact_to_file(std::string_view artifact_id,
                                                       const std::string& destination,
                                                       const ProgressCallback& progress = {},
                                                       const CallOptions& call = {});
  Future<DownloadInfo> async_download_artifact_to_sink(std::string_view artifact_id, const ChunkSink& sink,
                                                       const CallOptions& call = {});
  Future<Page<Agent>> async_list_agents(const AgentFilter& filter = {}, const CallOptions& call = {});
  Future<Agent> async_get_agent(std::int64_t agent_id, const CallOptions& call = {});
  Future<Agent> async_default_agent(const CallOptions& call = {});
  Future<Page<AgentFile>> async_list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter = {},
                                                 const CallOptions& call = {});
  Future<std::vector<AgentTag>> async_list_agent_tags(std::int64_t agent_id,
                                                      const AgentTagFilter& filter = {},
                                                      const CallOptions& call = {});
  Future<AgentTools> async_list_agent_tools(std::int64_t agent_id, const CallOptions& call = {});
  Future<SourceList> async_list_sources(const SourceFilter& filter = {}, const CallOptions& call = {});

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
  template <class T>
  Future<Structured<T>> async_create_thread_with_turn(const TurnRequest& request,
                                                      const CreateOptions& create = {},
                                                      const CallOptions& call = {}) {
    return detail::then_map<Structured<T>>(
        async_create_thread_with_turn(detail::with_response_format<T>(request), create, call),
        &detail::structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                          const CreateOptions& create = {}, const CallOptions& call = {}) {
    return detail::then_map<Structured<T>>(
        async_create_turn(thread_id, detail::with_response_format<T>(request), create, call),
        &detail::structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                            const WaitOptions& wait = {}, const CallOptions& call = {}) {
    return detail::then_map<Structured<T>>(async_wait_for_turn(thread_id, turn_id, wait, call),
                                           &detail::structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                          const StreamHandler& on_event = {},
                                          const StreamOptions& stream = {}, const CallOptions& call = {}) {
    return detail::then_map<Structured<T>>(
        async_stream_turn(thread_id, detail::with_response_format<T>(request), detail::or_ignore(on_event),
                          stream, call),
        &detail::structured<T>);
  }
  template <class T>
  Future<Structured<T>> async_stream_thread_with_turn(const TurnRequest& request,
                                                      const StreamHandler& on_event = {},
                                                      const StreamOptions& stream = {},
                                                      const CallOptions& call = {}) {
    return detail::then_map<Structured<T>>(
        async_stream_thread_with_turn(detail::with_response_format<T>(request), detail::or_ignore(on_event),
                                      stream, call),
        &detail::structured<T>);
  }

  /// The options of the connection (the API key prints as [REDACTED]).
  const ClientOptions& options() const noexcept;
  /// The connection the client forwards to.
  const std::shared_ptr<ThreadsConnection>& connection() const noexcept { return connection_; }

 private:
  std::shared_ptr<ThreadsConnection> connection_;
};

}  // namespace paradigm
