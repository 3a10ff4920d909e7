// MockThreadsConnection: user code driven through a real ThreadsClient.
#include <paradigm/paradigm.hpp>
#include <paradigm/testing/builders.hpp>
#include <paradigm/testing/mock_connection.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace paradigm::testing {
namespace {

using ::testing::_;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::Optional;
using ::testing::Return;
using ::testing::StrictMock;
using ::testing::Throw;

// "User code": what an application might do with a client.
std::string capital_then_population(ThreadsClient& client) {
  TurnRequest first;
  first.query = "What is the capital of France?";
  const Turn capital = client.create_thread_with_turn(first);
  TurnRequest follow_up;
  follow_up.query = "And its population?";
  return capital.final_answer() + ", " + client.create_turn(capital.thread, follow_up).final_answer();
}

TEST(MockThreadsConnection, AnswersTheCallsATestExpects) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  EXPECT_CALL(*mock,
              create_thread_with_turn(
                  Field(&TurnRequest::query, Optional(std::string("What is the capital of France?"))), _, _))
      .WillOnce(Return(completed_turn("Paris")));
  EXPECT_CALL(
      *mock,
      create_turn("thread-1", Field(&TurnRequest::query, Optional(std::string("And its population?"))), _, _))
      .WillOnce(Return(TurnBuilder().id("turn-2").answer("2.1 million")));
  ThreadsClient client(mock);
  EXPECT_EQ(capital_then_population(client), "Paris, 2.1 million");
}

TEST(MockThreadsConnection, ReportsDefaultOptionsUnlessToldOtherwise) {
  auto mock = std::make_shared<::testing::NiceMock<MockThreadsConnection>>();
  ThreadsClient client(mock);
  EXPECT_EQ(client.options().base_url, ClientOptions().base_url);
  ClientOptions custom;
  custom.base_url = "https://paradigm.example";
  EXPECT_CALL(*mock, options()).WillRepeatedly(::testing::ReturnRef(custom));
  EXPECT_EQ(client.options().base_url, "https://paradigm.example");
}

TEST(MockThreadsConnection, FeedsAStreamToTheCallersHandler) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  const Turn turn = TurnBuilder().reasoning("Easy.").answer("The capital of France is Paris.");
  EXPECT_CALL(*mock, stream_turn("thread-1", _, _, _, _)).WillOnce(feed_stream(turn));
  ThreadsClient client(mock);
  std::string text;
  const Turn streamed =
      client.stream_turn_text("thread-1", TurnRequest{}, [&](std::string_view delta) { text += delta; });
  EXPECT_EQ(text, "The capital of France is Paris.");
  EXPECT_EQ(streamed.id, turn.id);
}

TEST(MockThreadsConnection, AHandlerThatStopsGetsNoMoreEvents) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  const Turn turn = completed_turn("Paris");
  EXPECT_CALL(*mock, stream_thread_with_turn(_, _, _, _)).WillOnce(feed_stream(stream_events(turn), turn));
  ThreadsClient client(mock);
  std::vector<std::string> seen;
  client.stream_thread_with_turn(TurnRequest{}, [&](const StreamEvent& event) {
    seen.push_back(event.event);
    return seen.size() < 2;
  });
  EXPECT_THAT(seen, ElementsAre("turn.created", "part.delta"));
}

// Every operation of the client reaches the mock: a strict mock fails on any
// call it was not told about, and each expectation must be met once.
TEST(MockThreadsConnection, EveryClientOperationReachesTheMock) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  const Turn turn = completed_turn("Paris");
  const Thread thread = ThreadBuilder();
  EXPECT_CALL(*mock, options()).WillOnce(::testing::ReturnRefOfCopy(ClientOptions()));
  EXPECT_CALL(*mock, create_thread_with_turn(_, _, _)).WillOnce(Return(turn));
  EXPECT_CALL(*mock, create_turn("t", _, _, _)).WillOnce(Return(turn));
  EXPECT_CALL(*mock, get_turn("t", "u", _)).WillOnce(Return(turn));
  EXPECT_CALL(*mock, list_turns("t", _, _)).Times(2).WillRepeatedly(Return(page_of<Turn>({turn})));
  EXPECT_CALL(*mock, wait_for_turn("t", "u", _, _)).WillOnce(Return(turn));
  EXPECT_CALL(*mock, stream_turn("t", _, _, _, _)).Times(2).WillRepeatedly(feed_stream(turn));
  EXPECT_CALL(*mock, stream_thread_with_turn(_, _, _, _)).WillOnce(feed_stream(turn));
  EXPECT_CALL(*mock, create_thread(_, _)).WillOnce(Return(thread));
  EXPECT_CALL(*mock, get_thread("t", _)).WillOnce(Return(thread));
  EXPECT_CALL(*mock, list_threads(_, _)).Times(2).WillRepeatedly(Return(page_of<Thread>({thread})));
  EXPECT_CALL(*mock, update_thread("t", _, _)).WillOnce(Return(thread));
  EXPECT_CALL(*mock, cancel_running_turn("t", _)).WillOnce(Return(thread));
  EXPECT_CALL(*mock, cancel_turn("t", "u", _)).WillOnce(Return(thread));
  EXPECT_CALL(*mock, send_feedback("t", "u", FeedbackAction::copied, _));
  EXPECT_CALL(*mock, get_artifact("a", _)).WillOnce(Return(Artifact{}));
  EXPECT_CALL(*mock, download_artifact_content("a", _))
      .Times(2)
      .WillRepeatedly(Return(ArtifactContent{"png", {}}));
  EXPECT_CALL(*mock, download_artifact_to_file("a", "out.png", _, _)).WillOnce(Return(DownloadInfo{}));
  EXPECT_CALL(*mock, download_artifact_to_sink("a", _, _)).WillOnce(Return(DownloadInfo{}));
  EXPECT_CALL(*mock, list_agents(_, _)).Times(2).WillRepeatedly(Return(page_of<Agent>({})));
  EXPECT_CALL(*mock, get_agent(7, _)).WillOnce(Return(Agent{}));
  EXPECT_CALL(*mock, default_agent(_)).WillOnce(Return(Agent{}));
  EXPECT_CALL(*mock, list_agent_files(7, _, _)).Times(2).WillRepeatedly(Return(page_of<AgentFile>({})));
  EXPECT_CALL(*mock, list_agent_tags(7, _, _)).WillOnce(Return(std::vector<AgentTag>{}));
  EXPECT_CALL(*mock, list_agent_tools(7, _)).WillOnce(Return(AgentTools{}));
  EXPECT_CALL(*mock, list_sources(_, _)).Times(3).WillRepeatedly(Return(SourceList{}));

  ThreadsClient client(mock);
  client.options();
  client.create_thread_with_turn({});
  client.create_turn("t", {});
  client.get_turn("t", "u");
  client.list_turns("t");
  for (const Turn& each : client.all_turns("t"))
    EXPECT_EQ(each.id, turn.id);
  client.wait_for_turn("t", "u");
  client.stream_turn("t", {}, [](const StreamEvent&) { return true; });
  client.stream_turn_text("t", {}, [](std::string_view) {});
  client.stream_thread_with_turn({}, [](const StreamEvent&) { return true; });
  client.create_thread();
  client.get_thread("t");
  client.list_threads();
  for (const Thread& each : client.all_threads())
    EXPECT_EQ(each.id, thread.id);
  client.update_thread("t", {});
  client.cancel_turn("t");
  client.cancel_turn("t", "u");
  client.send_feedback("t", "u", FeedbackAction::copied);
  client.get_artifact("a");
  EXPECT_EQ(client.download_artifact_bytes("a"), "png");
  client.download_artifact_content("a");
  client.download_artifact_to_file("a", std::string("out.png"));
  client.download_artifact_to_sink("a", [](std::string_view) {});
  client.list_agents();
  for (const Agent& each : client.all_agents())
    (void)each;
  client.get_agent(7);
  client.default_agent();
  client.list_agent_files(7);
  for (const AgentFile& each : client.all_agent_files(7))
    (void)each;
  client.list_agent_tags(7);
  client.list_agent_tools(7);
  client.list_sources();
  for (const DocumentSource& each : client.all_document_sources())
    (void)each;
  for (const WebSource& each : client.all_web_sources())
    (void)each;
}

TEST(MockThreadsConnection, AnAsyncCallRunsTheMockedBlockingOperation) {
  auto mock = std::make_shared<::testing::NiceMock<MockThreadsConnection>>();
  EXPECT_CALL(*mock, get_turn("thread-1", "turn-1", _)).WillOnce(Return(completed_turn("Paris")));
  ThreadsClient client(mock);
  Future<Turn> answer = client.async_get_turn("thread-1", "turn-1");
  ASSERT_TRUE(answer.ready());
  EXPECT_EQ(answer.get().final_answer(), "Paris");
}

// Was AnAsyncCallCanBeExpectedItself (0.2 mocked the async forms apart).
TEST(MockThreadsConnection, AnAsyncCallFailsAsTheMockedBlockingOperationThrows) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  EXPECT_CALL(*mock, create_thread_with_turn(_, _, _)).WillOnce(Throw(CancelledError("cancelled by the test")));
  ThreadsClient client(mock);
  Future<Turn> answer = client.async_create_thread_with_turn(TurnRequest{});
  EXPECT_THROW(answer.get(), CancelledError);
}

// Issue 22, item 11: under the StrictMock that docs/testing.md recommends, an
// asynchronous call is answered by the blocking expectation, not "uninteresting".
TEST(MockThreadsConnection, UnderAStrictMockOneExpectationServesBothForms) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  EXPECT_CALL(*mock, get_turn("thread-1", "turn-1", _)).Times(2).WillRepeatedly(Return(completed_turn("Paris")));
  ThreadsClient client(mock);
  EXPECT_EQ(client.get_turn("thread-1", "turn-1").final_answer(), "Paris");
  EXPECT_EQ(client.async_get_turn("thread-1", "turn-1").get().final_answer(), "Paris");
}

// The operations table enumerated: every row reaches the mock under its own
// name, from the blocking and the asynchronous form alike (this test needs no
// edit when a row is added). Was kit.mock_connection_mocks_every_operation,
// a check that the hand-written mock listed every virtual function.
#define KIT_ANY_PARADIGM_IN(T, n) _,
#define KIT_ANY_PARADIGM_OPTIONAL(T, n) _,
#define KIT_ANY_PARADIGM_NO_OPTIONAL
#define KIT_ANY_PARADIGM_CALL _
#define KIT_ANY_PARADIGM_NONE
#define KIT_SAMPLE_PARADIGM_IN(T, n) detail::Stored<T>(),
#define KIT_SAMPLE_PARADIGM_OPTIONAL(T, n) detail::Stored<T>(),
#define KIT_SAMPLE_PARADIGM_NO_OPTIONAL
#define KIT_SAMPLE_PARADIGM_CALL CallOptions()
#define KIT_SAMPLE_PARADIGM_NONE

TEST(MockThreadsConnection, EveryOperationOfTheTableReachesTheMockFromBothForms) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  std::vector<std::string> reached;
  std::vector<std::string> rows;
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                \
  rows.push_back(#name);                                                                   \
  EXPECT_CALL(*mock, name(PARADIGM_PARAMS(KIT_ANY_, params, optional)))                     \
      .Times(2)                                                                            \
      .WillRepeatedly([&](auto&&...) {                                                     \
        reached.push_back(#name);                                                          \
        return Result();                                                                   \
      });
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION
  ThreadsClient client(mock);
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional) \
  client.name(PARADIGM_PARAMS(KIT_SAMPLE_, params, optional));               \
  client.async_##name(PARADIGM_PARAMS(KIT_SAMPLE_, params, optional)).get();
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION
  ASSERT_GE(rows.size(), 24u);
  std::vector<std::string> twice;
  for (const auto& row : rows) twice.insert(twice.end(), {row, row});
  EXPECT_EQ(reached, twice);
}

}  // namespace
}  // namespace paradigm::testing
