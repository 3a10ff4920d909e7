#pragma once

// The default ThreadsConnection: every operation's workflow, run on the
// calling thread over the connection's transport (blocking calls), or on the
// connection's event loop (asynchronous calls).

#include <paradigm/connection.hpp>

#include "connection/async_engine.hpp"
#include "workflow/context.hpp"

#include <memory>

namespace paradigm::detail {

class DefaultConnection final : public ThreadsConnection {
 public:
  DefaultConnection(std::shared_ptr<const ConnectionContext> context, AsyncEngine::MakeTransport make_async)
      : context_(std::move(context)),
        engine_(std::make_shared<AsyncEngine>(context_, std::move(make_async))) {}

  const ClientOptions& options() const override { return context_->options(); }

  Turn create_thread_with_turn(const TurnRequest& request, const CreateOptions& create,
                               const CallOptions& call) override;
  Turn create_turn(std::string_view thread_id, const TurnRequest& request, const CreateOptions& create,
                   const CallOptions& call) override;
  Turn get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call) override;
  Page<Turn> list_turns(std::string_view thread_id, const ListOptions& list,
                        const CallOptions& call) override;
  Turn wait_for_turn(std::string_view thread_id, std::string_view turn_id, const WaitOptions& wait,
                     const CallOptions& call) override;
  Turn stream_turn(std::string_view thread_id, const TurnRequest& request, const StreamHandler& on_event,
                   const StreamOptions& stream, const CallOptions& call) override;
  Turn stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                               const StreamOptions& stream, const CallOptions& call) override;

  Thread create_thread(const ThreadRequest& request, const CallOptions& call) override;
  Thread get_thread(std::string_view thread_id, const CallOptions& call) override;
  Page<Thread> list_threads(const ThreadListOptions& list, const CallOptions& call) override;
  Thread update_thread(std::string_view thread_id, const ThreadUpdate& update,
                       const CallOptions& call) override;
  Thread cancel_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call) override;
  void send_feedback(std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
                     const CallOptions& call) override;

  Artifact get_artifact(std::string_view artifact_id, const CallOptions& call) override;
  ArtifactContent download_artifact_content(std::string_view artifact_id, const CallOptions& call) override;
  DownloadInfo download_artifact_to_file(std::string_view artifact_id, const std::string& destination,
                                         const ProgressCallback& progress, const CallOptions& call) override;
  DownloadInfo download_artifact_to_sink(std::string_view artifact_id, const ChunkSink& sink,
                                         const CallOptions& call) override;

  Page<Agent> list_agents(const AgentFilter& filter, const CallOptions& call) override;
  Agent get_agent(std::int64_t agent_id, const CallOptions& call) override;
  Agent default_agent(const CallOptions& call) override;
  Page<AgentFile> list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                   const CallOptions& call) override;
  std::vector<AgentTag> list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter,
                                        const CallOptions& call) override;
  AgentTools list_agent_tools(std::int64_t agent_id, const CallOptions& call) override;
  SourceList list_sources(const SourceFilter& filter, const CallOptions& call) override;

  Future<Turn> async_create_thread_with_turn(const TurnRequest& request, const CreateOptions& create,
                                             const CallOptions& call) override;
  Future<Turn> async_create_turn(std::string_view thread_id, const TurnRequest& request,
                                 const CreateOptions& create, const CallOptions& call) override;
  Future<Turn> async_get_turn(std::string_view thread_id, std::string_view turn_id,
                              const CallOptions& call) override;
  Future<Page<Turn>> async_list_turns(std::string_view thread_id, const ListOptions& list,
                                      const CallOptions& call) override;
  Future<Turn> async_wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                   const WaitOptions& wait, const CallOptions& call) override;
  Future<Turn> async_stream_turn(std::string_view thread_id, const TurnRequest& request,
                                 const StreamHandler& on_event, const StreamOptions& stream,
                                 const CallOptions& call) override;
  Future<Turn> async_stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                                             const StreamOptions& stream, const CallOptions& call) override;
  Future<Thread> async_create_thread(const ThreadRequest& request, const CallOptions& call) override;
  Future<Thread> async_get_thread(std::string_view thread_id, const CallOptions& call) override;
  Future<Page<Thread>> async_list_threads(const ThreadListOptions& list, const CallOptions& call) override;
  Future<Thread> async_update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                     const CallOptions& call) override;
  Future<Thread> async_cancel_turn(std::string_view thread_id, std::string_view turn_id,
                                   const CallOptions& call) override;
  Future<void> async_send_feedback(std::string_view thread_id, std::string_view turn_id,
                                   FeedbackAction action, const CallOptions& call) override;
  Future<Artifact> async_get_artifact(std::string_view artifact_id, const CallOptions& call) override;
  Future<ArtifactContent> async_download_artifact_content(std::string_view artifact_id,
                                                          const CallOptions& call) override;
  Future<DownloadInfo> async_download_artifact_to_file(std::string_view artifact_id,
                                                       const std::string& destination,
                                                       const ProgressCallback& progress,
                                                       const CallOptions& call) override;
  Future<DownloadInfo> async_download_artifact_to_sink(std::string_view artifact_id, const ChunkSink& sink,
                                                       const CallOptions& call) override;
  Future<Page<Agent>> async_list_agents(const AgentFilter& filter, const CallOptions& call) override;
  Future<Agent> async_get_agent(std::int64_t agent_id, const CallOptions& call) override;
  Future<Agent> async_default_agent(const CallOptions& call) override;
  Future<Page<AgentFile>> async_list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                                 const CallOptions& call) override;
  Future<std::vector<AgentTag>> async_list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter,
                                                      const CallOptions& call) override;
  Future<AgentTools> async_list_agent_tools(std::int64_t agent_id, const CallOptions& call) override;
  Future<SourceList> async_list_sources(const SourceFilter& filter, const CallOptions& call) override;

  /// The shared settings and transport (for tests of internals).
  const std::shared_ptr<const ConnectionContext>& context() const noexcept { return context_; }
  /// The asynchronous engine (a blocking relay reaches its loop through it).
  const std::shared_ptr<AsyncEngine>& engine() const noexcept { return engine_; }

 private:
  template <class T, class Op, class... Args>
  T run(const CallOptions& call, Op op, Args&&... args) const;

  std::shared_ptr<const ConnectionContext> context_;
  std::shared_ptr<AsyncEngine> engine_;
};

}  // namespace paradigm::detail
