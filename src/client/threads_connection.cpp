// ThreadsConnection's defaults: an operation a fake does not implement
// throws, naming itself.

#include <paradigm/connection.hpp>
#include <paradigm/errors.hpp>

namespace paradigm {

namespace {

[[noreturn]] void not_implemented(const char* operation) {
  throw Error(std::string("ThreadsConnection::") + operation + " is not implemented by this connection");
}

// The asynchronous form of a connection that has only the blocking one: run
// it now, on the calling thread.
template <class T, class Blocking>
Future<T> now(Blocking&& blocking) {
  auto state = std::make_shared<detail::FutureState<T>>();
  try {
    if constexpr (std::is_void_v<T>) {
      blocking();
      state->succeed({});
    } else {
      state->succeed(blocking());
    }
  } catch (...) {
    state->fail(std::current_exception());
  }
  return Future<T>(std::move(state));
}

}  // namespace

ThreadsConnection::~ThreadsConnection() = default;

const ClientOptions& ThreadsConnection::options() const {
  static const ClientOptions defaults;
  return defaults;
}

Turn ThreadsConnection::create_thread_with_turn(const TurnRequest&, const CreateOptions&,
                                                const CallOptions&) {
  not_implemented("create_thread_with_turn");
}
Turn ThreadsConnection::create_turn(std::string_view, const TurnRequest&, const CreateOptions&,
                                    const CallOptions&) {
  not_implemented("create_turn");
}
Turn ThreadsConnection::get_turn(std::string_view, std::string_view, const CallOptions&) {
  not_implemented("get_turn");
}
Page<Turn> ThreadsConnection::list_turns(std::string_view, const ListOptions&, const CallOptions&) {
  not_implemented("list_turns");
}
Turn ThreadsConnection::wait_for_turn(std::string_view, std::string_view, const WaitOptions&,
                                      const CallOptions&) {
  not_implemented("wait_for_turn");
}
Turn ThreadsConnection::stream_turn(std::string_view, const TurnRequest&, const StreamHandler&,
                                    const StreamOptions&, const CallOptions&) {
  not_implemented("stream_turn");
}
Turn ThreadsConnection::stream_thread_with_turn(const TurnRequest&, const StreamHandler&,
                                                const StreamOptions&, const CallOptions&) {
  not_implemented("stream_thread_with_turn");
}
Thread ThreadsConnection::create_thread(const ThreadRequest&, const CallOptions&) {
  not_implemented("create_thread");
}
Thread ThreadsConnection::get_thread(std::string_view, const CallOptions&) {
  not_implemented("get_thread");
}
Page<Thread> ThreadsConnection::list_threads(const ThreadListOptions&, const CallOptions&) {
  not_implemented("list_threads");
}
Thread ThreadsConnection::update_thread(std::string_view, const ThreadUpdate&, const CallOptions&) {
  not_implemented("update_thread");
}
Thread ThreadsConnection::cancel_turn(std::string_view, std::string_view, const CallOptions&) {
  not_implemented("cancel_turn");
}
void ThreadsConnection::send_feedback(std::string_view, std::string_view, FeedbackAction,
                                      const CallOptions&) {
  not_implemented("send_feedback");
}
Artifact ThreadsConnection::get_artifact(std::string_view, const CallOptions&) {
  not_implemented("get_artifact");
}
ArtifactContent ThreadsConnection::download_artifact_content(std::string_view, const CallOptions&) {
  not_implemented("download_artifact_content");
}
DownloadInfo ThreadsConnection::download_artifact_to_file(std::string_view, const std::string&,
                                                          const ProgressCallback&, const CallOptions&) {
  not_implemented("download_artifact_to_file");
}
DownloadInfo ThreadsConnection::download_artifact_to_sink(std::string_view, const ChunkSink&,
                                                          const CallOptions&) {
  not_implemented("download_artifact_to_sink");
}
Page<Agent> ThreadsConnection::list_agents(const AgentFilter&, const CallOptions&) {
  not_implemented("list_agents");
}
Agent ThreadsConnection::get_agent(std::int64_t, const CallOptions&) {
  not_implemented("get_agent");
}
Agent ThreadsConnection::default_agent(const CallOptions&) {
  not_implemented("default_agent");
}
Page<AgentFile> ThreadsConnection::list_agent_files(std::int64_t, const AgentFileFilter&,
                                                    const CallOptions&) {
  not_implemented("list_agent_files");
}
std::vector<AgentTag> ThreadsConnection::list_agent_tags(std::int64_t, const AgentTagFilter&,
                                                         const CallOptions&) {
  not_implemented("list_agent_tags");
}
AgentTools ThreadsConnection::list_agent_tools(std::int64_t, const CallOptions&) {
  not_implemented("list_agent_tools");
}
SourceList ThreadsConnection::list_sources(const SourceFilter&, const CallOptions&) {
  not_implemented("list_sources");
}

Future<Turn> ThreadsConnection::async_create_thread_with_turn(const TurnRequest& request,
                                                              const CreateOptions& create,
                                                              const CallOptions& call) {
  return now<Turn>([&] { return create_thread_with_turn(request, create, call); });
}
Future<Turn> ThreadsConnection::async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                                  const CreateOptions& create, const CallOptions& call) {
  return now<Turn>([&] { return create_turn(thread_id, request, create, call); });
}
Future<Turn> ThreadsConnection::async_get_turn(std::string_view thread_id, std::string_view turn_id,
                                               const CallOptions& call) {
  return now<Turn>([&] { return get_turn(thread_id, turn_id, call); });
}
Future<Page<Turn>> ThreadsConnection::async_list_turns(std::string_view thread_id, const ListOptions& list,
                                                       const CallOptions& call) {
  return now<Page<Turn>>([&] { return list_turns(thread_id, list, call); });
}
Future<Turn> ThreadsConnection::async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                                    const WaitOptions& wait, const CallOptions& call) {
  return now<Turn>([&] { return wait_for_turn(thread_id, turn_id, wait, call); });
}
Future<Turn> ThreadsConnection::async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                                  const StreamHandler& on_event, const StreamOptions& stream,
                                                  const CallOptions& call) {
  return now<Turn>([&] { return stream_turn(thread_id, request, on_event, stream, call); });
}
Future<Turn> ThreadsConnection::async_stream_thread_with_turn(const TurnRequest& request,
                                                              const StreamHandler& on_event,
                                                              const StreamOptions& stream,
                                                              const CallOptions& call) {
  return now<Turn>([&] { return stream_thread_with_turn(request, on_event, stream, call); });
}
Future<Thread> ThreadsConnection::async_create_thread(const ThreadRequest& request, const CallOptions& call) {
  return now<Thread>([&] { return create_thread(request, call); });
}
Future<Thread> ThreadsConnection::async_get_thread(std::string_view thread_id, const CallOptions& call) {
  return now<Thread>([&] { return get_thread(thread_id, call); });
}
Future<Page<Thread>> ThreadsConnection::async_list_threads(const ThreadListOptions& list,
                                                           const CallOptions& call) {
  return now<Page<Thread>>([&] { return list_threads(list, call); });
}
Future<Thread> ThreadsConnection::async_update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                                      const CallOptions& call) {
  return now<Thread>([&] { return update_thread(thread_id, update, call); });
}
Future<Thread> ThreadsConnection::async_cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                                    const CallOptions& call) {
  return now<Thread>([&] { return cancel_turn(thread_id, turn_id, call); });
}
Future<void> ThreadsConnection::async_send_feedback(std::string_view thread_id, std::string_view turn_id,
                                                    FeedbackAction action, const CallOptions& call) {
  return now<void>([&] { send_feedback(thread_id, turn_id, action, call); });
}
Future<Artifact> ThreadsConnection::async_get_artifact(std::string_view artifact_id,
                                                       const CallOptions& call) {
  return now<Artifact>([&] { return get_artifact(artifact_id, call); });
}
Future<ArtifactContent> ThreadsConnection::async_download_artifact_content(std::string_view artifact_id,
                                                                           const CallOptions& call) {
  return now<ArtifactContent>([&] { return download_artifact_content(artifact_id, call); });
}
Future<DownloadInfo> ThreadsConnection::async_download_artifact_to_file(std::string_view artifact_id,
                                                                        const std::string& destination,
                                                                        const ProgressCallback& progress,
                                                                        const CallOptions& call) {
  return now<DownloadInfo>(
      [&] { return download_artifact_to_file(artifact_id, destination, progress, call); });
}
Future<DownloadInfo> ThreadsConnection::async_download_artifact_to_sink(std::string_view artifact_id,
                                                                        const ChunkSink& sink,
                                                                        const CallOptions& call) {
  return now<DownloadInfo>([&] { return download_artifact_to_sink(artifact_id, sink, call); });
}
Future<Page<Agent>> ThreadsConnection::async_list_agents(const AgentFilter& filter, const CallOptions& call) {
  return now<Page<Agent>>([&] { return list_agents(filter, call); });
}
Future<Agent> ThreadsConnection::async_get_agent(std::int64_t agent_id, const CallOptions& call) {
  return now<Agent>([&] { return get_agent(agent_id, call); });
}
Future<Agent> ThreadsConnection::async_default_agent(const CallOptions& call) {
  return now<Agent>([&] { return default_agent(call); });
}
Future<Page<AgentFile>> ThreadsConnection::async_list_agent_files(std::int64_t agent_id,
                                                                  const AgentFileFilter& filter,
                                                                  const CallOptions& call) {
  return now<Page<AgentFile>>([&] { return list_agent_files(agent_id, filter, call); });
}
Future<std::vector<AgentTag>> ThreadsConnection::async_list_agent_tags(std::int64_t agent_id,
                                                                       const AgentTagFilter& filter,
                                                                       const CallOptions& call) {
  return now<std::vector<AgentTag>>([&] { return list_agent_tags(agent_id, filter, call); });
}
Future<AgentTools> ThreadsConnection::async_list_agent_tools(std::int64_t agent_id, const CallOptions& call) {
  return now<AgentTools>([&] { return list_agent_tools(agent_id, call); });
}
Future<SourceList> ThreadsConnection::async_list_sources(const SourceFilter& filter,
                                                         const CallOptions& call) {
  return now<SourceList>([&] { return list_sources(filter, call); });
}

}  // namespace paradigm
