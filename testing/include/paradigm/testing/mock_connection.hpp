#pragma once

// A gMock ThreadsConnection, to test code that uses a ThreadsClient without
// a server (link paradigm::testing):
//
//     #include <paradigm/testing/builders.hpp>
//     #include <paradigm/testing/mock_connection.hpp>
//
//     using ::testing::_;
//     using ::testing::Return;
//
//     auto mock = std::make_shared<paradigm::testing::MockThreadsConnection>();
//     EXPECT_CALL(*mock, create_thread_with_turn(_, _, _))
//         .WillOnce(Return(paradigm::testing::completed_turn("Paris")));
//     paradigm::ThreadsClient client(mock);
//     my_code_that_asks(client);
//
// Every ThreadsClient call reaches one of these methods with all of its
// arguments, defaults filled in (see <paradigm/connection.hpp>). A call
// nobody expected returns a default-constructed value; wrap the mock in
// ::testing::StrictMock to make it fail instead. An `async_*` call nobody
// expected runs the mocked blocking operation and returns its result as a
// ready Future (under StrictMock, expect the async call too, or use NiceMock).

#include <paradigm/connection.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/testing/builders.hpp>
#include <paradigm/turn.hpp>

#include <gmock/gmock.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paradigm::testing {

/// Mocks every operation of ThreadsConnection. Each is an override, so an
/// operation renamed or removed in <paradigm/connection.hpp> does not
/// compile, and a test of this kit fails when one is added but not mocked.
/// `options()` returns default ClientOptions unless a test says otherwise.
class MockThreadsConnection : public ThreadsConnection {
 public:
  MockThreadsConnection();
  ~MockThreadsConnection() override;

  MOCK_METHOD(const ClientOptions&, options, (), (const, override));

  // --- Turns ---
  MOCK_METHOD(Turn, create_thread_with_turn,
              (const TurnRequest& request, const CreateOptions& create, const CallOptions& call), (override));
  MOCK_METHOD(Turn, create_turn,
              (std::string_view thread_id, const TurnRequest& request, const CreateOptions& create,
               const CallOptions& call),
              (override));
  MOCK_METHOD(Turn, get_turn, (std::string_view thread_id, std::string_view turn_id, const CallOptions& call),
              (override));
  MOCK_METHOD(Page<Turn>, list_turns,
              (std::string_view thread_id, const ListOptions& list, const CallOptions& call), (override));
  MOCK_METHOD(Turn, wait_for_turn,
              (std::string_view thread_id, std::string_view turn_id, const WaitOptions& wait,
               const CallOptions& call),
              (override));
  MOCK_METHOD(Turn, stream_turn,
              (std::string_view thread_id, const TurnRequest& request, const StreamHandler& on_event,
               const StreamOptions& stream, const CallOptions& call),
              (override));
  MOCK_METHOD(Turn, stream_thread_with_turn,
              (const TurnRequest& request, const StreamHandler& on_event, const StreamOptions& stream,
               const CallOptions& call),
              (override));

  // --- Threads ---
  MOCK_METHOD(Thread, create_thread, (const ThreadRequest& request, const CallOptions& call), (override));
  MOCK_METHOD(Thread, get_thread, (std::string_view thread_id, const CallOptions& call), (override));
  MOCK_METHOD(Page<Thread>, list_threads, (const ThreadListOptions& list, const CallOptions& call),
              (override));
  MOCK_METHOD(Thread, update_thread,
              (std::string_view thread_id, const ThreadUpdate& update, const CallOptions& call), (override));
  MOCK_METHOD(Thread, cancel_turn,
              (std::string_view thread_id, std::string_view turn_id, const CallOptions& call), (override));
  MOCK_METHOD(void, send_feedback,
              (std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
               const CallOptions& call),
              (override));

  // --- Artifacts ---
  MOCK_METHOD(Artifact, get_artifact, (std::string_view artifact_id, const CallOptions& call), (override));
  MOCK_METHOD(ArtifactContent, download_artifact_content,
              (std::string_view artifact_id, const CallOptions& call), (override));
  MOCK_METHOD(DownloadInfo, download_artifact_to_file,
              (std::string_view artifact_id, const std::string& destination, const ProgressCallback& progress,
               const CallOptions& call),
              (override));
  MOCK_METHOD(DownloadInfo, download_artifact_to_sink,
              (std::string_view artifact_id, const ChunkSink& sink, const CallOptions& call), (override));

  // --- Agents and sources ---
  MOCK_METHOD(Page<Agent>, list_agents, (const AgentFilter& filter, const CallOptions& call), (override));
  MOCK_METHOD(Agent, get_agent, (std::int64_t agent_id, const CallOptions& call), (override));
  MOCK_METHOD(Agent, default_agent, (const CallOptions& call), (override));
  MOCK_METHOD(Page<AgentFile>, list_agent_files,
              (std::int64_t agent_id, const AgentFileFilter& filter, const CallOptions& call), (override));
  MOCK_METHOD(std::vector<AgentTag>, list_agent_tags,
              (std::int64_t agent_id, const AgentTagFilter& filter, const CallOptions& call), (override));
  MOCK_METHOD(AgentTools, list_agent_tools, (std::int64_t agent_id, const CallOptions& call), (override));
  MOCK_METHOD(SourceList, list_sources, (const SourceFilter& filter, const CallOptions& call), (override));

  // --- Asynchronous forms: by default each runs its mocked blocking operation
  // above and returns a ready Future, so a test may expect either. ---
  MOCK_METHOD(Future<Turn>, async_create_thread_with_turn,
              (const TurnRequest& request, const CreateOptions& create, const CallOptions& call), (override));
  MOCK_METHOD(Future<Turn>, async_create_turn,
              (std::string_view thread_id, const TurnRequest& request, const CreateOptions& create,
               const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Turn>, async_get_turn,
              (std::string_view thread_id, std::string_view turn_id, const CallOptions& call), (override));
  MOCK_METHOD(Future<Page<Turn>>, async_list_turns,
              (std::string_view thread_id, const ListOptions& list, const CallOptions& call), (override));
  MOCK_METHOD(Future<Turn>, async_wait_for_turn,
              (std::string_view thread_id, std::string_view turn_id, const WaitOptions& wait,
               const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Turn>, async_stream_turn,
              (std::string_view thread_id, const TurnRequest& request, const StreamHandler& on_event,
               const StreamOptions& stream, const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Turn>, async_stream_thread_with_turn,
              (const TurnRequest& request, const StreamHandler& on_event, const StreamOptions& stream,
               const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Thread>, async_create_thread, (const ThreadRequest& request, const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Thread>, async_get_thread, (std::string_view thread_id, const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Page<Thread>>, async_list_threads,
              (const ThreadListOptions& list, const CallOptions& call), (override));
  MOCK_METHOD(Future<Thread>, async_update_thread,
              (std::string_view thread_id, const ThreadUpdate& update, const CallOptions& call), (override));
  MOCK_METHOD(Future<Thread>, async_cancel_turn,
              (std::string_view thread_id, std::string_view turn_id, const CallOptions& call), (override));
  MOCK_METHOD(Future<void>, async_send_feedback,
              (std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
               const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Artifact>, async_get_artifact, (std::string_view artifact_id, const CallOptions& call),
              (override));
  MOCK_METHOD(Future<ArtifactContent>, async_download_artifact_content,
              (std::string_view artifact_id, const CallOptions& call), (override));
  MOCK_METHOD(Future<DownloadInfo>, async_download_artifact_to_file,
              (std::string_view artifact_id, const std::string& destination, const ProgressCallback& progress,
               const CallOptions& call),
              (override));
  MOCK_METHOD(Future<DownloadInfo>, async_download_artifact_to_sink,
              (std::string_view artifact_id, const ChunkSink& sink, const CallOptions& call), (override));
  MOCK_METHOD(Future<Page<Agent>>, async_list_agents, (const AgentFilter& filter, const CallOptions& call),
              (override));
  MOCK_METHOD(Future<Agent>, async_get_agent, (std::int64_t agent_id, const CallOptions& call), (override));
  MOCK_METHOD(Future<Agent>, async_default_agent, (const CallOptions& call), (override));
  MOCK_METHOD(Future<Page<AgentFile>>, async_list_agent_files,
              (std::int64_t agent_id, const AgentFileFilter& filter, const CallOptions& call), (override));
  MOCK_METHOD(Future<std::vector<AgentTag>>, async_list_agent_tags,
              (std::int64_t agent_id, const AgentTagFilter& filter, const CallOptions& call), (override));
  MOCK_METHOD(Future<AgentTools>, async_list_agent_tools, (std::int64_t agent_id, const CallOptions& call),
              (override));
  MOCK_METHOD(Future<SourceList>, async_list_sources, (const SourceFilter& filter, const CallOptions& call),
              (override));
};

/// The gMock action that feed_stream() makes: passes its events to the
/// call's StreamHandler in order (stopping when the handler returns false),
/// then returns its turn, as the default connection would.
class FeedStream {
 public:
  FeedStream(std::vector<StreamEvent> events, Turn result);

  /// Works for stream_turn and stream_thread_with_turn: the handler is the
  /// argument of type StreamHandler.
  template <class... Args>
  Turn operator()(const Args&... args) const {
    const StreamHandler* handler = nullptr;
    ((handler = handler ? handler : handler_in(args)), ...);
    feed(handler);
    return result_;
  }

 private:
  static const StreamHandler* handler_in(const StreamHandler& handler) { return &handler; }
  template <class T>
  static const StreamHandler* handler_in(const T&) {
    return nullptr;
  }
  void feed(const StreamHandler* handler) const;

  std::vector<StreamEvent> events_;
  Turn result_;
};

/// An action for stream_turn / stream_thread_with_turn that feeds `events`
/// to the handler, then returns `result`:
///
///     EXPECT_CALL(*mock, stream_turn(_, _, _, _, _))
///         .WillOnce(feed_stream(stream_events(turn), turn));
FeedStream feed_stream(std::vector<StreamEvent> events, Turn result);
/// The same with the events a server would send for `turn` (stream_events(turn)).
FeedStream feed_stream(const Turn& turn);

}  // namespace paradigm::testing
