#pragma once

#include <paradigm/agent.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/download.hpp>
#include <paradigm/export.hpp>
#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/source.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/turn.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paradigm {

namespace detail {
class ClientCore;
}  // namespace detail

/// A blocking client for the Paradigm v3 Threads API.
///
///     paradigm::ThreadsClient client;   // PARADIGM_API_KEY, PARADIGM_BASE_URL
///     paradigm::TurnRequest ask;
///     ask.query = "What is the capital of France?";
///     paradigm::Turn turn = client.create_thread_with_turn(ask);
///     std::cout << turn.final_answer() << '\n';
///
/// Safe to use from many threads at once; copies share one connection pool.
/// Errors are exceptions derived from paradigm::Error (see <paradigm/errors.hpp>).
class PARADIGM_API ThreadsClient {
 public:
  /// Configured from the environment (ClientOptions::from_env()).
  /// Throws InvalidRequestError when PARADIGM_API_KEY is not set.
  ThreadsClient();
  /// Throws InvalidRequestError for an empty api_key or a malformed base_url.
  explicit ThreadsClient(ClientOptions options);

  // --- Turns ---------------------------------------------------------------

  /// POST /api/v3/threads/turns: a new thread with its first turn. Waits through
  /// a 202 until the turn finishes, unless `request.background` is set or
  /// `call.wait` is false (the `running` turn is then returned at once).
  Turn create_thread_with_turn(const TurnRequest& request, const CallOptions& call = {});
  /// POST /api/v3/threads/{thread_id}/turns: a follow-up turn in a thread. Same waiting rules.
  Turn create_turn(std::string_view thread_id, const TurnRequest& request, const CallOptions& call = {});
  /// The current state of a turn (GET /api/v3/threads/{id}/turns/{turn_id}; on
  /// servers without that route, found through the thread's turn list).
  Turn get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call = {});
  /// GET /api/v3/threads/{thread_id}/turns, one page.
  Page<Turn> list_turns(std::string_view thread_id, const ListOptions& list = {},
                        const CallOptions& call = {});
  /// Polls a turn until it is completed, failed or cancelled. Throws
  /// WaitTimeoutError (with the last turn seen) after the deadline and
  /// CancelledError when the call's token fires.
  Turn wait_for_turn(std::string_view thread_id, std::string_view turn_id, const WaitOptions& wait = {},
                     const CallOptions& call = {});

  /// Streams a follow-up turn (POST /api/v3/threads/{thread_id}/turns with
  /// `stream: true`): `on_event` receives every server-sent event in order.
  /// Returns the final turn as the server holds it, fetched when the stream
  /// ends (and waited for if still running). A handler returning false stops
  /// the stream: the turn is returned as far as it is known (and cancelled on
  /// the server when `call.cancel_on_stop`). An `error` event throws StreamError.
  Turn stream_turn(std::string_view thread_id, const TurnRequest& request, const StreamHandler& on_event,
                   const CallOptions& call = {});
  /// Streams only the answer text (see paradigm::on_text).
  Turn stream_turn_text(std::string_view thread_id, const TurnRequest& request, const TextHandler& on_text,
                        const CallOptions& call = {});
  /// Creates a thread (named after `request.name`, with its agent) then streams
  /// its first turn: the streaming counterpart of create_thread_with_turn.
  Turn stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                               const CallOptions& call = {});

  // --- Threads -------------------------------------------------------------

  /// POST /api/v3/threads: an empty thread.
  Thread create_thread(const ThreadRequest& request = {}, const CallOptions& call = {});
  /// GET /api/v3/threads/{thread_id}.
  Thread get_thread(std::string_view thread_id, const CallOptions& call = {});
  /// GET /api/v3/threads, one page.
  Page<Thread> list_threads(const ThreadListOptions& list = {}, const CallOptions& call = {});
  /// PATCH /api/v3/threads/{thread_id}: rename, archive.
  Thread update_thread(std::string_view thread_id, const ThreadUpdate& update, const CallOptions& call = {});
  /// PATCH /api/v3/threads/{thread_id}?cancel=true: cancels the turn running in
  /// the thread. The turn goes `cancelling` then `cancelled`; wait for it with wait_for_turn.
  Thread cancel_turn(std::string_view thread_id, const CallOptions& call = {});
  /// PATCH /api/v3/threads/{thread_id}/turns/{turn_id}?action=...
  void send_feedback(std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
                     const CallOptions& call = {});

  // --- Artifacts -----------------------------------------------------------

  /// GET /api/v3/artifacts/{id}: the artifact's metadata.
  Artifact get_artifact(std::string_view artifact_id, const CallOptions& call = {});
  /// GET /api/v3/artifacts/{id}/content: the bytes, in memory (at most
  /// `max_response_bytes`, else DecodeError: larger artifacts go to a file).
  std::string download_artifact(std::string_view artifact_id, const CallOptions& call = {});
  /// The bytes with Content-Type / Content-Disposition (same limit).
  ArtifactContent download_artifact_content(std::string_view artifact_id, const CallOptions& call = {});
  /// Streams the bytes to the file `destination` (a UTF-8 path) in constant
  /// memory. The file appears only when complete (written to a temporary file
  /// beside it, then renamed): on any failure the destination is untouched and
  /// nothing is left behind. Like curl, it does not fsync: after a power loss
  /// the file may be missing or short.
  DownloadInfo download_artifact(std::string_view artifact_id, const std::string& destination,
                                 const ProgressCallback& progress = {}, const CallOptions& call = {});
  /// The same for a std::filesystem::path (any type with u8string()), without
  /// this header including <filesystem>.
  template <class Path, class = decltype(std::declval<const Path&>().u8string())>
  DownloadInfo download_artifact(std::string_view artifact_id, const Path& destination,
                                 const ProgressCallback& progress = {}, const CallOptions& call = {}) {
    const auto utf8 = destination.u8string();  // std::u8string in C++20
    return download_artifact(artifact_id, std::string(utf8.begin(), utf8.end()), progress, call);
  }
  /// Passes the bytes to `sink` chunk by chunk; a sink returning false stops
  /// the transfer (the result then has `complete == false`).
  DownloadInfo download_artifact(std::string_view artifact_id, const ChunkSink& sink,
                                 const CallOptions& call = {});

  // --- Agents and sources (to pick a scope) --------------------------------

  /// GET /api/v3/agents, one page.
  Page<Agent> list_agents(const AgentFilter& filter = {}, const CallOptions& call = {});
  /// GET /api/v3/agents/{agent_id}.
  Agent get_agent(std::int64_t agent_id, const CallOptions& call = {});
  /// The company's default agent (GET /api/v3/agents?is_default=true). Throws
  /// NotFoundError when there is none.
  Agent default_agent(const CallOptions& call = {});
  /// GET /api/v3/agents/{agent_id}/files, one page.
  Page<AgentFile> list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter = {},
                                   const CallOptions& call = {});
  /// GET /api/v3/agents/{agent_id}/tags (not paginated).
  std::vector<AgentTag> list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter = {},
                                        const CallOptions& call = {});
  /// GET /api/v3/agents/{agent_id}/tools: native tools and MCP servers.
  AgentTools list_agent_tools(std::int64_t agent_id, const CallOptions& call = {});
  /// GET /api/v3/sources.
  SourceList list_sources(const SourceFilter& filter = {}, const CallOptions& call = {});

  /// The options in use (the API key is kept; do not print it).
  const ClientOptions& options() const noexcept;

 private:
  explicit ThreadsClient(std::shared_ptr<detail::ClientCore> core) noexcept : core_(std::move(core)) {}

  std::shared_ptr<detail::ClientCore> core_;
  friend struct ClientTestAccess;
};

}  // namespace paradigm
