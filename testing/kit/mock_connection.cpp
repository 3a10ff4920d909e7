// MockThreadsConnection's out-of-line parts (gMock mocks compile faster so)
// and the stream-feeding action.
#include <paradigm/testing/mock_connection.hpp>

namespace paradigm::testing {

MockThreadsConnection::MockThreadsConnection() {
  ON_CALL(*this, options()).WillByDefault([this]() -> const ClientOptions& {
    return ThreadsConnection::options();
  });
  ON_CALL(*this, async_create_thread_with_turn)
      .WillByDefault(
          [this](const TurnRequest& request, const CreateOptions& create, const CallOptions& call) {
            return ThreadsConnection::async_create_thread_with_turn(request, create, call);
          });
  ON_CALL(*this, async_create_turn)
      .WillByDefault([this](std::string_view thread_id, const TurnRequest& request,
                            const CreateOptions& create, const CallOptions& call) {
        return ThreadsConnection::async_create_turn(thread_id, request, create, call);
      });
  ON_CALL(*this, async_get_turn)
      .WillByDefault([this](std::string_view thread_id, std::string_view turn_id, const CallOptions& call) {
        return ThreadsConnection::async_get_turn(thread_id, turn_id, call);
      });
  ON_CALL(*this, async_list_turns)
      .WillByDefault([this](std::string_view thread_id, const ListOptions& list, const CallOptions& call) {
        return ThreadsConnection::async_list_turns(thread_id, list, call);
      });
  ON_CALL(*this, async_wait_for_turn)
      .WillByDefault([this](std::string_view thread_id, std::string_view turn_id, const WaitOptions& wait,
                            const CallOptions& call) {
        return ThreadsConnection::async_wait_for_turn(thread_id, turn_id, wait, call);
      });
  ON_CALL(*this, async_stream_turn)
      .WillByDefault([this](std::string_view thread_id, const TurnRequest& request,
                            const StreamHandler& on_event, const StreamOptions& stream,
                            const CallOptions& call) {
        return ThreadsConnection::async_stream_turn(thread_id, request, on_event, stream, call);
      });
  ON_CALL(*this, async_stream_thread_with_turn)
      .WillByDefault([this](const TurnRequest& request, const StreamHandler& on_event,
                            const StreamOptions& stream, const CallOptions& call) {
        return ThreadsConnection::async_stream_thread_with_turn(request, on_event, stream, call);
      });
  ON_CALL(*this, async_create_thread)
      .WillByDefault([this](const ThreadRequest& request, const CallOptions& call) {
        return ThreadsConnection::async_create_thread(request, call);
      });
  ON_CALL(*this, async_get_thread).WillByDefault([this](std::string_view thread_id, const CallOptions& call) {
    return ThreadsConnection::async_get_thread(thread_id, call);
  });
  ON_CALL(*this, async_list_threads)
      .WillByDefault([this](const ThreadListOptions& list, const CallOptions& call) {
        return ThreadsConnection::async_list_threads(list, call);
      });
  ON_CALL(*this, async_update_thread)
      .WillByDefault([this](std::string_view thread_id, const ThreadUpdate& update, const CallOptions& call) {
        return ThreadsConnection::async_update_thread(thread_id, update, call);
      });
  ON_CALL(*this, async_cancel_turn)
      .WillByDefault([this](std::string_view thread_id, std::string_view turn_id, const CallOptions& call) {
        return ThreadsConnection::async_cancel_turn(thread_id, turn_id, call);
      });
  ON_CALL(*this, async_send_feedback)
      .WillByDefault([this](std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
                            const CallOptions& call) {
        return ThreadsConnection::async_send_feedback(thread_id, turn_id, action, call);
      });
  ON_CALL(*this, async_get_artifact)
      .WillByDefault([this](std::string_view artifact_id, const CallOptions& call) {
        return ThreadsConnection::async_get_artifact(artifact_id, call);
      });
  ON_CALL(*this, async_download_artifact_content)
      .WillByDefault([this](std::string_view artifact_id, const CallOptions& call) {
        return ThreadsConnection::async_download_artifact_content(artifact_id, call);
      });
  ON_CALL(*this, async_download_artifact_to_file)
      .WillByDefault([this](std::string_view artifact_id, const std::string& destination,
                            const ProgressCallback& progress, const CallOptions& call) {
        return ThreadsConnection::async_download_artifact_to_file(artifact_id, destination, progress, call);
      });
  ON_CALL(*this, async_download_artifact_to_sink)
      .WillByDefault([this](std::string_view artifact_id, const ChunkSink& sink, const CallOptions& call) {
        return ThreadsConnection::async_download_artifact_to_sink(artifact_id, sink, call);
      });
  ON_CALL(*this, async_list_agents).WillByDefault([this](const AgentFilter& filter, const CallOptions& call) {
    return ThreadsConnection::async_list_agents(filter, call);
  });
  ON_CALL(*this, async_get_agent).WillByDefault([this](std::int64_t agent_id, const CallOptions& call) {
    return ThreadsConnection::async_get_agent(agent_id, call);
  });
  ON_CALL(*this, async_default_agent).WillByDefault([this](const CallOptions& call) {
    return ThreadsConnection::async_default_agent(call);
  });
  ON_CALL(*this, async_list_agent_files)
      .WillByDefault([this](std::int64_t agent_id, const AgentFileFilter& filter, const CallOptions& call) {
        return ThreadsConnection::async_list_agent_files(agent_id, filter, call);
      });
  ON_CALL(*this, async_list_agent_tags)
      .WillByDefault([this](std::int64_t agent_id, const AgentTagFilter& filter, const CallOptions& call) {
        return ThreadsConnection::async_list_agent_tags(agent_id, filter, call);
      });
  ON_CALL(*this, async_list_agent_tools)
      .WillByDefault([this](std::int64_t agent_id, const CallOptions& call) {
        return ThreadsConnection::async_list_agent_tools(agent_id, call);
      });
  ON_CALL(*this, async_list_sources)
      .WillByDefault([this](const SourceFilter& filter, const CallOptions& call) {
        return ThreadsConnection::async_list_sources(filter, call);
      });
}

MockThreadsConnection::~MockThreadsConnection() = default;

FeedStream::FeedStream(std::vector<StreamEvent> events, Turn result)
    : events_(std::move(events)), result_(std::move(result)) {}

void FeedStream::feed(const StreamHandler* handler) const {
  if (handler == nullptr || !*handler) return;
  for (const StreamEvent& event : events_) {
    if (!(*handler)(event)) return;
  }
}

FeedStream feed_stream(std::vector<StreamEvent> events, Turn result) {
  return FeedStream(std::move(events), std::move(result));
}

FeedStream feed_stream(const Turn& turn) {
  return FeedStream(stream_events(turn), turn);
}

}  // namespace paradigm::testing
