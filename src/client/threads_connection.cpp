// ThreadsConnection's defaults: an operation a fake does not implement
// throws, naming itself.

#include <paradigm/connection.hpp>
#include <paradigm/errors.hpp>

namespace paradigm {

namespace {

[[noreturn]] void not_implemented(const char* operation) {
  throw Error(std::string("ThreadsConnection::") + operation + " is not implemented by this connection");
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

}  // namespace paradigm
