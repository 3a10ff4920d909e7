// ThreadsClient: construction and a forward per operation to its connection.

#include <paradigm/client.hpp>
#include <paradigm/errors.hpp>

#include <cstdlib>

namespace paradigm {

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

}  // namespace

ClientOptions ClientOptions::from_env() {
  ClientOptions options;
  if (auto key = env("PARADIGM_API_KEY")) options.api_key = *key;
  if (auto url = env("PARADIGM_BASE_URL")) options.base_url = *url;
  if (auto level = env("PARADIGM_LOG")) {
    options.log_level = parse_log_level(*level);
    if (options.log_level != LogLevel::off) options.logger = stderr_logger();
  }
  return options;
}

ThreadsClient::ThreadsClient() : ThreadsClient(ClientOptions::from_env()) {}

ThreadsClient::ThreadsClient(ClientOptions options)
    : connection_(make_threads_connection(std::move(options))) {}

ThreadsClient::ThreadsClient(std::shared_ptr<ThreadsConnection> connection)
    : connection_(std::move(connection)) {
  if (!connection_) throw InvalidRequestError("ThreadsClient: the connection is null");
}

const ClientOptions& ThreadsClient::options() const noexcept {
  return connection_->options();
}

// --- Turns -------------------------------------------------------------------

Turn ThreadsClient::create_thread_with_turn(const TurnRequest& request, const CreateOptions& create,
                                            const CallOptions& call) {
  return connection_->create_thread_with_turn(request, create, call);
}

Turn ThreadsClient::create_turn(std::string_view thread_id, const TurnRequest& request,
                                const CreateOptions& create, const CallOptions& call) {
  return connection_->create_turn(thread_id, request, create, call);
}

Turn ThreadsClient::get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call) {
  return connection_->get_turn(thread_id, turn_id, call);
}

Page<Turn> ThreadsClient::list_turns(std::string_view thread_id, const ListOptions& list,
                                     const CallOptions& call) {
  return connection_->list_turns(thread_id, list, call);
}

Turn ThreadsClient::wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                  const WaitOptions& wait, const CallOptions& call) {
  return connection_->wait_for_turn(thread_id, turn_id, wait, call);
}

Turn ThreadsClient::stream_turn(std::string_view thread_id, const TurnRequest& request,
                                const StreamHandler& on_event, const StreamOptions& stream,
                                const CallOptions& call) {
  return connection_->stream_turn(thread_id, request, on_event, stream, call);
}

Turn ThreadsClient::stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                     const TextHandler& on_text_delta, const StreamOptions& stream,
                                     const CallOptions& call) {
  if (!on_text_delta) throw InvalidRequestError("stream_turn_text: the text handler is empty");
  return connection_->stream_turn(thread_id, request, on_text(on_text_delta), stream, call);
}

Turn ThreadsClient::stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                                            const StreamOptions& stream, const CallOptions& call) {
  return connection_->stream_thread_with_turn(request, on_event, stream, call);
}

// --- Threads -----------------------------------------------------------------

Thread ThreadsClient::create_thread(const ThreadRequest& request, const CallOptions& call) {
  return connection_->create_thread(request, call);
}

Thread ThreadsClient::get_thread(std::string_view thread_id, const CallOptions& call) {
  return connection_->get_thread(thread_id, call);
}

Page<Thread> ThreadsClient::list_threads(const ThreadListOptions& list, const CallOptions& call) {
  return connection_->list_threads(list, call);
}

Thread ThreadsClient::update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                    const CallOptions& call) {
  return connection_->update_thread(thread_id, update, call);
}

Thread ThreadsClient::cancel_turn(std::string_view thread_id, const CallOptions& call) {
  return connection_->cancel_turn(thread_id, {}, call);
}

Thread ThreadsClient::cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                  const CallOptions& call) {
  if (turn_id.empty()) throw InvalidRequestError("cancel_turn: turn_id is empty");
  return connection_->cancel_turn(thread_id, turn_id, call);
}

void ThreadsClient::send_feedback(std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
                                  const CallOptions& call) {
  connection_->send_feedback(thread_id, turn_id, action, call);
}

// --- Artifacts ---------------------------------------------------------------

Artifact ThreadsClient::get_artifact(std::string_view artifact_id, const CallOptions& call) {
  return connection_->get_artifact(artifact_id, call);
}

std::string ThreadsClient::download_artifact_bytes(std::string_view artifact_id, const CallOptions& call) {
  return connection_->download_artifact_content(artifact_id, call).bytes;
}

ArtifactContent ThreadsClient::download_artifact_content(std::string_view artifact_id,
                                                         const CallOptions& call) {
  return connection_->download_artifact_content(artifact_id, call);
}

DownloadInfo ThreadsClient::download_artifact_to_file(std::string_view artifact_id,
                                                      const std::string& destination,
                                                      const ProgressCallback& progress,
                                                      const CallOptions& call) {
  return connection_->download_artifact_to_file(artifact_id, destination, progress, call);
}

DownloadInfo ThreadsClient::download_artifact_to_sink(std::string_view artifact_id, const ChunkSink& sink,
                                                      const CallOptions& call) {
  return connection_->download_artifact_to_sink(artifact_id, sink, call);
}

// --- Agents and sources ------------------------------------------------------

Page<Agent> ThreadsClient::list_agents(const AgentFilter& filter, const CallOptions& call) {
  return connection_->list_agents(filter, call);
}

Agent ThreadsClient::get_agent(std::int64_t agent_id, const CallOptions& call) {
  return connection_->get_agent(agent_id, call);
}

Agent ThreadsClient::default_agent(const CallOptions& call) {
  return connection_->default_agent(call);
}

Page<AgentFile> ThreadsClient::list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                                const CallOptions& call) {
  return connection_->list_agent_files(agent_id, filter, call);
}

std::vector<AgentTag> ThreadsClient::list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter,
                                                     const CallOptions& call) {
  return connection_->list_agent_tags(agent_id, filter, call);
}

AgentTools ThreadsClient::list_agent_tools(std::int64_t agent_id, const CallOptions& call) {
  return connection_->list_agent_tools(agent_id, call);
}

SourceList ThreadsClient::list_sources(const SourceFilter& filter, const CallOptions& call) {
  return connection_->list_sources(filter, call);
}

// --- Asynchronous calls -------------------------------------------------------

Future<Turn> ThreadsClient::async_create_thread_with_turn(const TurnRequest& request,
                                                          const CreateOptions& create,
                                                          const CallOptions& call) {
  return connection_->async_create_thread_with_turn(request, create, call);
}

Future<Turn> ThreadsClient::async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                              const CreateOptions& create, const CallOptions& call) {
  return connection_->async_create_turn(thread_id, request, create, call);
}

Future<Turn> ThreadsClient::async_get_turn(std::string_view thread_id, std::string_view turn_id,
                                           const CallOptions& call) {
  return connection_->async_get_turn(thread_id, turn_id, call);
}

Future<Page<Turn>> ThreadsClient::async_list_turns(std::string_view thread_id, const ListOptions& list,
                                                   const CallOptions& call) {
  return connection_->async_list_turns(thread_id, list, call);
}

Future<Turn> ThreadsClient::async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                                const WaitOptions& wait, const CallOptions& call) {
  return connection_->async_wait_for_turn(thread_id, turn_id, wait, call);
}

Future<Turn> ThreadsClient::async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                              const StreamHandler& on_event, const StreamOptions& stream,
                                              const CallOptions& call) {
  return connection_->async_stream_turn(thread_id, request, on_event, stream, call);
}

Future<Turn> ThreadsClient::async_stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                                   const TextHandler& on_text_delta,
                                                   const StreamOptions& stream, const CallOptions& call) {
  if (!on_text_delta) throw InvalidRequestError("async_stream_turn_text: the text handler is empty");
  return connection_->async_stream_turn(thread_id, request, on_text(on_text_delta), stream, call);
}

Future<Turn> ThreadsClient::async_stream_thread_with_turn(const TurnRequest& request,
                                                          const StreamHandler& on_event,
                                                          const StreamOptions& stream,
                                                          const CallOptions& call) {
  return connection_->async_stream_thread_with_turn(request, on_event, stream, call);
}

Future<Thread> ThreadsClient::async_create_thread(const ThreadRequest& request, const CallOptions& call) {
  return connection_->async_create_thread(request, call);
}

Future<Thread> ThreadsClient::async_get_thread(std::string_view thread_id, const CallOptions& call) {
  return connection_->async_get_thread(thread_id, call);
}

Future<Page<Thread>> ThreadsClient::async_list_threads(const ThreadListOptions& list,
                                                       const CallOptions& call) {
  return connection_->async_list_threads(list, call);
}

Future<Thread> ThreadsClient::async_update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                                  const CallOptions& call) {
  return connection_->async_update_thread(thread_id, update, call);
}

Future<Thread> ThreadsClient::async_cancel_turn(std::string_view thread_id, const CallOptions& call) {
  return connection_->async_cancel_turn(thread_id, {}, call);
}

Future<Thread> ThreadsClient::async_cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                                const CallOptions& call) {
  if (turn_id.empty()) throw InvalidRequestError("async_cancel_turn: turn_id is empty");
  return connection_->async_cancel_turn(thread_id, turn_id, call);
}

Future<void> ThreadsClient::async_send_feedback(std::string_view thread_id, std::string_view turn_id,
                                                FeedbackAction action, const CallOptions& call) {
  return connection_->async_send_feedback(thread_id, turn_id, action, call);
}

Future<Artifact> ThreadsClient::async_get_artifact(std::string_view artifact_id, const CallOptions& call) {
  return connection_->async_get_artifact(artifact_id, call);
}

Future<std::string> ThreadsClient::async_download_artifact_bytes(std::string_view artifact_id,
                                                                 const CallOptions& call) {
  auto bytes = std::make_shared<detail::FutureState<std::string>>();
  Future<ArtifactContent> content = connection_->async_download_artifact_content(artifact_id, call);
  bytes->on_cancel([content] { content.cancel(); });
  content.then([bytes](const Future<ArtifactContent>& done) {
    if (auto error = done.error()) return bytes->fail(error);
    bytes->set_response(done.response());
    bytes->succeed(done.get().bytes);
  });
  return Future<std::string>(std::move(bytes));
}

Future<ArtifactContent> ThreadsClient::async_download_artifact_content(std::string_view artifact_id,
                                                                       const CallOptions& call) {
  return connection_->async_download_artifact_content(artifact_id, call);
}

Future<DownloadInfo> ThreadsClient::async_download_artifact_to_file(std::string_view artifact_id,
                                                                    const std::string& destination,
                                                                    const ProgressCallback& progress,
                                                                    const CallOptions& call) {
  return connection_->async_download_artifact_to_file(artifact_id, destination, progress, call);
}

Future<DownloadInfo> ThreadsClient::async_download_artifact_to_sink(std::string_view artifact_id,
                                                                    const ChunkSink& sink,
                                                                    const CallOptions& call) {
  return connection_->async_download_artifact_to_sink(artifact_id, sink, call);
}

Future<Page<Agent>> ThreadsClient::async_list_agents(const AgentFilter& filter, const CallOptions& call) {
  return connection_->async_list_agents(filter, call);
}

Future<Agent> ThreadsClient::async_get_agent(std::int64_t agent_id, const CallOptions& call) {
  return connection_->async_get_agent(agent_id, call);
}

Future<Agent> ThreadsClient::async_default_agent(const CallOptions& call) {
  return connection_->async_default_agent(call);
}

Future<Page<AgentFile>> ThreadsClient::async_list_agent_files(std::int64_t agent_id,
                                                              const AgentFileFilter& filter,
                                                              const CallOptions& call) {
  return connection_->async_list_agent_files(agent_id, filter, call);
}

Future<std::vector<AgentTag>> ThreadsClient::async_list_agent_tags(std::int64_t agent_id,
                                                                   const AgentTagFilter& filter,
                                                                   const CallOptions& call) {
  return connection_->async_list_agent_tags(agent_id, filter, call);
}

Future<AgentTools> ThreadsClient::async_list_agent_tools(std::int64_t agent_id, const CallOptions& call) {
  return connection_->async_list_agent_tools(agent_id, call);
}

Future<SourceList> ThreadsClient::async_list_sources(const SourceFilter& filter, const CallOptions& call) {
  return connection_->async_list_sources(filter, call);
}

}  // namespace paradigm
