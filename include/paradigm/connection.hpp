#pragma once

#include <paradigm/agent.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/download.hpp>
#include <paradigm/export.hpp>
#include <paradigm/future.hpp>
#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/source.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/turn.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace paradigm {

/// The operations of the Threads API, one virtual function each: what a
/// ThreadsClient forwards its calls to. `make_threads_connection(options)`
/// makes the default one (libcurl, with retries, waiting and streaming).
///
/// To test code that uses a ThreadsClient without a server, implement this
/// class (a fake: override what the code calls; every other operation throws
/// paradigm::Error) or mock it with gMock, and hand it to the client:
///
///     struct FakeConnection : paradigm::ThreadsConnection {
///       paradigm::Turn create_thread_with_turn(const paradigm::TurnRequest&, const paradigm::CreateOptions&,
///                                              const paradigm::CallOptions&) override { ... }
///     };
///     paradigm::ThreadsClient client(std::make_shared<FakeConnection>());
///
/// Each operation has the meaning, arguments and errors of the ThreadsClient
/// method of the same name (see <paradigm/client.hpp>), and an asynchronous
/// form, `async_<name>`, that returns a Future at once. A connection that
/// implements only the blocking form gets an asynchronous one that runs it
/// on the calling thread and returns a ready Future, so a fake or a mock
/// serves asynchronous code too. Implementations must be safe to call from
/// many threads at once.
class PARADIGM_API ThreadsConnection {
 public:
  virtual ~ThreadsConnection();

  /// The options the connection was made with (default ones for a connection that has none).
  virtual const ClientOptions& options() const;

  // --- Turns ---
  virtual Turn create_thread_with_turn(const TurnRequest& request, const CreateOptions& create,
                                       const CallOptions& call);
  virtual Turn create_turn(std::string_view thread_id, const TurnRequest& request,
                           const CreateOptions& create, const CallOptions& call);
  virtual Turn get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call);
  virtual Page<Turn> list_turns(std::string_view thread_id, const ListOptions& list, const CallOptions& call);
  virtual Turn wait_for_turn(std::string_view thread_id, std::string_view turn_id, const WaitOptions& wait,
                             const CallOptions& call);
  virtual Turn stream_turn(std::string_view thread_id, const TurnRequest& request,
                           const StreamHandler& on_event, const StreamOptions& stream,
                           const CallOptions& call);
  virtual Turn stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                                       const StreamOptions& stream, const CallOptions& call);

  // --- Threads ---
  virtual Thread create_thread(const ThreadRequest& request, const CallOptions& call);
  virtual Thread get_thread(std::string_view thread_id, const CallOptions& call);
  virtual Page<Thread> list_threads(const ThreadListOptions& list, const CallOptions& call);
  virtual Thread update_thread(std::string_view thread_id, const ThreadUpdate& update,
                               const CallOptions& call);
  /// `turn_id` empty: cancel whatever turn runs in the thread.
  virtual Thread cancel_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call);
  virtual void send_feedback(std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
                             const CallOptions& call);

  // --- Artifacts --- (ThreadsClient::download_artifact_bytes uses download_artifact_content)
  virtual Artifact get_artifact(std::string_view artifact_id, const CallOptions& call);
  virtual ArtifactContent download_artifact_content(std::string_view artifact_id, const CallOptions& call);
  virtual DownloadInfo download_artifact_to_file(std::string_view artifact_id, const std::string& destination,
                                                 const ProgressCallback& progress, const CallOptions& call);
  virtual DownloadInfo download_artifact_to_sink(std::string_view artifact_id, const ChunkSink& sink,
                                                 const CallOptions& call);

  // --- Agents and sources ---
  virtual Page<Agent> list_agents(const AgentFilter& filter, const CallOptions& call);
  virtual Agent get_agent(std::int64_t agent_id, const CallOptions& call);
  virtual Agent default_agent(const CallOptions& call);
  virtual Page<AgentFile> list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                           const CallOptions& call);
  virtual std::vector<AgentTag> list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter,
                                                const CallOptions& call);
  virtual AgentTools list_agent_tools(std::int64_t agent_id, const CallOptions& call);
  virtual SourceList list_sources(const SourceFilter& filter, const CallOptions& call);

  // --- Asynchronous forms (the default connection runs them on its event loop) ---
  virtual Future<Turn> async_create_thread_with_turn(const TurnRequest& request, const CreateOptions& create,
                                                     const CallOptions& call);
  virtual Future<Turn> async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                         const CreateOptions& create, const CallOptions& call);
  virtual Future<Turn> async_get_turn(std::string_view thread_id, std::string_view turn_id,
                                      const CallOptions& call);
  virtual Future<Page<Turn>> async_list_turns(std::string_view thread_id, const ListOptions& list,
                                              const CallOptions& call);
  virtual Future<Turn> async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                           const WaitOptions& wait, const CallOptions& call);
  /// `on_event` runs on the connection's event-loop thread, as each event arrives.
  virtual Future<Turn> async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                         const StreamHandler& on_event, const StreamOptions& stream,
                                         const CallOptions& call);
  virtual Future<Turn> async_stream_thread_with_turn(const TurnRequest& request,
                                                     const StreamHandler& on_event,
                                                     const StreamOptions& stream, const CallOptions& call);
  virtual Future<Thread> async_create_thread(const ThreadRequest& request, const CallOptions& call);
  virtual Future<Thread> async_get_thread(std::string_view thread_id, const CallOptions& call);
  virtual Future<Page<Thread>> async_list_threads(const ThreadListOptions& list, const CallOptions& call);
  virtual Future<Thread> async_update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                             const CallOptions& call);
  virtual Future<Thread> async_cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                           const CallOptions& call);
  virtual Future<void> async_send_feedback(std::string_view thread_id, std::string_view turn_id,
                                           FeedbackAction action, const CallOptions& call);
  virtual Future<Artifact> async_get_artifact(std::string_view artifact_id, const CallOptions& call);
  virtual Future<ArtifactContent> async_download_artifact_content(std::string_view artifact_id,
                                                                  const CallOptions& call);
  /// `progress` runs on the connection's event-loop thread.
  virtual Future<DownloadInfo> async_download_artifact_to_file(std::string_view artifact_id,
                                                               const std::string& destination,
                                                               const ProgressCallback& progress,
                                                               const CallOptions& call);
  /// `sink` runs on the connection's event-loop thread.
  virtual Future<DownloadInfo> async_download_artifact_to_sink(std::string_view artifact_id,
                                                               const ChunkSink& sink,
                                                               const CallOptions& call);
  virtual Future<Page<Agent>> async_list_agents(const AgentFilter& filter, const CallOptions& call);
  virtual Future<Agent> async_get_agent(std::int64_t agent_id, const CallOptions& call);
  virtual Future<Agent> async_default_agent(const CallOptions& call);
  virtual Future<Page<AgentFile>> async_list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                                         const CallOptions& call);
  virtual Future<std::vector<AgentTag>> async_list_agent_tags(std::int64_t agent_id,
                                                              const AgentTagFilter& filter,
                                                              const CallOptions& call);
  virtual Future<AgentTools> async_list_agent_tools(std::int64_t agent_id, const CallOptions& call);
  virtual Future<SourceList> async_list_sources(const SourceFilter& filter, const CallOptions& call);
};

/// The default connection: libcurl with a pool of reused connections (at most
/// `max_connections` open for blocking calls), the retry rules, waiting
/// through 202s and streaming; asynchronous calls run on one event-loop
/// thread, started on first use and joined when the last client copy goes.
/// Throws
/// InvalidRequestError for an empty api_key or a malformed base_url.
PARADIGM_API std::shared_ptr<ThreadsConnection> make_threads_connection(ClientOptions options);

}  // namespace paradigm
