#include "connection/default_connection.hpp"

#include "connection/blocking_call.hpp"
#include "workflow/operations.hpp"

namespace paradigm::detail {

template <class T, class Op, class... Args>
T DefaultConnection::run(const CallOptions& call, Op op, Args&&... args) const {
  return run_blocking<T>(context_, call, op, std::forward<Args>(args)...);
}

// --- Turns ---

Turn DefaultConnection::create_thread_with_turn(const TurnRequest& request, const CreateOptions& create,
                                                const CallOptions& call) {
  return run<Turn>(call, ops::create_thread_with_turn, request, create);
}
Turn DefaultConnection::create_turn(std::string_view thread_id, const TurnRequest& request,
                                    const CreateOptions& create, const CallOptions& call) {
  return run<Turn>(call, ops::create_turn, thread_id, request, create);
}
Turn DefaultConnection::get_turn(std::string_view thread_id, std::string_view turn_id,
                                 const CallOptions& call) {
  return run<Turn>(call, ops::get_turn, thread_id, turn_id);
}
Page<Turn> DefaultConnection::list_turns(std::string_view thread_id, const ListOptions& list,
                                         const CallOptions& call) {
  return run<Page<Turn>>(call, ops::list_turns, thread_id, list);
}
Turn DefaultConnection::wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                      const WaitOptions& wait, const CallOptions& call) {
  return run<Turn>(call, ops::wait_for_turn, thread_id, turn_id, wait);
}
Turn DefaultConnection::stream_turn(std::string_view thread_id, const TurnRequest& request,
                                    const StreamHandler& on_event, const StreamOptions& stream,
                                    const CallOptions& call) {
  return run<Turn>(call, ops::stream_turn, thread_id, request, on_event, stream);
}
Turn DefaultConnection::stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                                                const StreamOptions& stream, const CallOptions& call) {
  return run<Turn>(call, ops::stream_thread_with_turn, request, on_event, stream);
}

// --- Threads ---

Thread DefaultConnection::create_thread(const ThreadRequest& request, const CallOptions& call) {
  return run<Thread>(call, ops::create_thread, request);
}
Thread DefaultConnection::get_thread(std::string_view thread_id, const CallOptions& call) {
  return run<Thread>(call, ops::get_thread, thread_id);
}
Page<Thread> DefaultConnection::list_threads(const ThreadListOptions& list, const CallOptions& call) {
  return run<Page<Thread>>(call, ops::list_threads, list);
}
Thread DefaultConnection::update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                        const CallOptions& call) {
  return run<Thread>(call, ops::update_thread, thread_id, update);
}
Thread DefaultConnection::cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                      const CallOptions& call) {
  return run<Thread>(call, ops::cancel_turn, thread_id, turn_id);
}
void DefaultConnection::send_feedback(std::string_view thread_id, std::string_view turn_id,
                                      FeedbackAction action, const CallOptions& call) {
  run<Done>(call, ops::send_feedback, thread_id, turn_id, action);
}

// --- Artifacts ---

Artifact DefaultConnection::get_artifact(std::string_view artifact_id, const CallOptions& call) {
  return run<Artifact>(call, ops::get_artifact, artifact_id);
}
ArtifactContent DefaultConnection::download_artifact_content(std::string_view artifact_id,
                                                             const CallOptions& call) {
  return run<ArtifactContent>(call, ops::download_artifact_content, artifact_id);
}
DownloadInfo DefaultConnection::download_artifact_to_file(std::string_view artifact_id,
                                                          const std::string& destination,
                                                          const ProgressCallback& progress,
                                                          const CallOptions& call) {
  return run<DownloadInfo>(call, ops::download_artifact_to_file, artifact_id, destination, progress);
}
DownloadInfo DefaultConnection::download_artifact_to_sink(std::string_view artifact_id, const ChunkSink& sink,
                                                          const CallOptions& call) {
  return run<DownloadInfo>(call, ops::download_artifact_to_sink, artifact_id, sink);
}

// --- Agents and sources ---

Page<Agent> DefaultConnection::list_agents(const AgentFilter& filter, const CallOptions& call) {
  return run<Page<Agent>>(call, ops::list_agents, filter);
}
Agent DefaultConnection::get_agent(std::int64_t agent_id, const CallOptions& call) {
  return run<Agent>(call, ops::get_agent, agent_id);
}
Agent DefaultConnection::default_agent(const CallOptions& call) {
  return run<Agent>(call, ops::default_agent);
}
Page<AgentFile> DefaultConnection::list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                                    const CallOptions& call) {
  return run<Page<AgentFile>>(call, ops::list_agent_files, agent_id, filter);
}
std::vector<AgentTag> DefaultConnection::list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter,
                                                         const CallOptions& call) {
  return run<std::vector<AgentTag>>(call, ops::list_agent_tags, agent_id, filter);
}
AgentTools DefaultConnection::list_agent_tools(std::int64_t agent_id, const CallOptions& call) {
  return run<AgentTools>(call, ops::list_agent_tools, agent_id);
}
SourceList DefaultConnection::list_sources(const SourceFilter& filter, const CallOptions& call) {
  return run<SourceList>(call, ops::list_sources, filter);
}

// --- Asynchronous forms: the same operations, on the event loop ---

Future<Turn> DefaultConnection::async_create_thread_with_turn(const TurnRequest& request,
                                                              const CreateOptions& create,
                                                              const CallOptions& call) {
  return engine_->start<Turn>(call, ops::create_thread_with_turn, request, create);
}
Future<Turn> DefaultConnection::async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                                  const CreateOptions& create, const CallOptions& call) {
  return engine_->start<Turn>(call, ops::create_turn, thread_id, request, create);
}
Future<Turn> DefaultConnection::async_get_turn(std::string_view thread_id, std::string_view turn_id,
                                               const CallOptions& call) {
  return engine_->start<Turn>(call, ops::get_turn, thread_id, turn_id);
}
Future<Page<Turn>> DefaultConnection::async_list_turns(std::string_view thread_id, const ListOptions& list,
                                                       const CallOptions& call) {
  return engine_->start<Page<Turn>>(call, ops::list_turns, thread_id, list);
}
Future<Turn> DefaultConnection::async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                                    const WaitOptions& wait, const CallOptions& call) {
  return engine_->start<Turn>(call, ops::wait_for_turn, thread_id, turn_id, wait);
}
Future<Turn> DefaultConnection::async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                                  const StreamHandler& on_event, const StreamOptions& stream,
                                                  const CallOptions& call) {
  return engine_->start<Turn>(call, ops::stream_turn, thread_id, request, on_event, stream);
}
Future<Turn> DefaultConnection::async_stream_thread_with_turn(const TurnRequest& request,
                                                              const StreamHandler& on_event,
                                                              const StreamOptions& stream,
                                                              const CallOptions& call) {
  return engine_->start<Turn>(call, ops::stream_thread_with_turn, request, on_event, stream);
}
Future<Thread> DefaultConnection::async_create_thread(const ThreadRequest& request, const CallOptions& call) {
  return engine_->start<Thread>(call, ops::create_thread, request);
}
Future<Thread> DefaultConnection::async_get_thread(std::string_view thread_id, const CallOptions& call) {
  return engine_->start<Thread>(call, ops::get_thread, thread_id);
}
Future<Page<Thread>> DefaultConnection::async_list_threads(const ThreadListOptions& list,
                                                           const CallOptions& call) {
  return engine_->start<Page<Thread>>(call, ops::list_threads, list);
}
Future<Thread> DefaultConnection::async_update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                                      const CallOptions& call) {
  return engine_->start<Thread>(call, ops::update_thread, thread_id, update);
}
Future<Thread> DefaultConnection::async_cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                                    const CallOptions& call) {
  return engine_->start<Thread>(call, ops::cancel_turn, thread_id, turn_id);
}
Future<void> DefaultConnection::async_send_feedback(std::string_view thread_id, std::string_view turn_id,
                                                    FeedbackAction action, const CallOptions& call) {
  return engine_->start<void>(call, ops::send_feedback, thread_id, turn_id, action);
}
Future<Artifact> DefaultConnection::async_get_artifact(std::string_view artifact_id,
                                                       const CallOptions& call) {
  return engine_->start<Artifact>(call, ops::get_artifact, artifact_id);
}
Future<ArtifactContent> DefaultConnection::async_download_artifact_content(std::string_view artifact_id,
                                                                           const CallOptions& call) {
  return engine_->start<ArtifactContent>(call, ops::download_artifact_content, artifact_id);
}
Future<DownloadInfo> DefaultConnection::async_download_artifact_to_file(std::string_view artifact_id,
                                                                        const std::string& destination,
                                                                        const ProgressCallback& progress,
                                                                        const CallOptions& call) {
  return engine_->start<DownloadInfo>(call, ops::download_artifact_to_file, artifact_id, destination,
                                      progress);
}
Future<DownloadInfo> DefaultConnection::async_download_artifact_to_sink(std::string_view artifact_id,
                                                                        const ChunkSink& sink,
                                                                        const CallOptions& call) {
  return engine_->start<DownloadInfo>(call, ops::download_artifact_to_sink, artifact_id, sink);
}
Future<Page<Agent>> DefaultConnection::async_list_agents(const AgentFilter& filter, const CallOptions& call) {
  return engine_->start<Page<Agent>>(call, ops::list_agents, filter);
}
Future<Agent> DefaultConnection::async_get_agent(std::int64_t agent_id, const CallOptions& call) {
  return engine_->start<Agent>(call, ops::get_agent, agent_id);
}
Future<Agent> DefaultConnection::async_default_agent(const CallOptions& call) {
  return engine_->start<Agent>(call, ops::default_agent);
}
Future<Page<AgentFile>> DefaultConnection::async_list_agent_files(std::int64_t agent_id,
                                                                  const AgentFileFilter& filter,
                                                                  const CallOptions& call) {
  return engine_->start<Page<AgentFile>>(call, ops::list_agent_files, agent_id, filter);
}
Future<std::vector<AgentTag>> DefaultConnection::async_list_agent_tags(std::int64_t agent_id,
                                                                       const AgentTagFilter& filter,
                                                                       const CallOptions& call) {
  return engine_->start<std::vector<AgentTag>>(call, ops::list_agent_tags, agent_id, filter);
}
Future<AgentTools> DefaultConnection::async_list_agent_tools(std::int64_t agent_id, const CallOptions& call) {
  return engine_->start<AgentTools>(call, ops::list_agent_tools, agent_id);
}
Future<SourceList> DefaultConnection::async_list_sources(const SourceFilter& filter,
                                                         const CallOptions& call) {
  return engine_->start<SourceList>(call, ops::list_sources, filter);
}

}  // namespace paradigm::detail
