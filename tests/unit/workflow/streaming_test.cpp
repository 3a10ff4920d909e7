// Streamed turns, without a socket: every event to the handler in order, and
// the turn the server holds once the stream ends, breaks or is stopped.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

class Streaming : public WorkflowTest {
 protected:
  static ScriptedAnswer events_naming(const std::string& turn_id, int deltas) {
    std::vector<std::pair<std::string, std::string>> events{
        {"turn.created", R"({"turn_id": ")" + turn_id + R"("})"}};
    for (int i = 0; i < deltas; ++i)
      events.emplace_back("delta", R"({"delta": "x"})");
    return sse_answer(events);
  }

  Turn stream(std::vector<std::string>& names, const StreamOptions& options = {},
              const CallOptions& call = {}) {
    return client().stream_turn(
        "t1", ask(),
        [&](const StreamEvent& event) {
          names.push_back(event.event);
          return true;
        },
        options, call);
  }
};

TEST_F(Streaming, EveryEventReachesTheHandlerThenTheTurnIsFetched) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", events_naming("u1", 2))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  std::vector<std::string> names;
  EXPECT_EQ(stream(names).final_answer(), "Paris");
  EXPECT_EQ(names, (std::vector<std::string>{"turn.created", "delta", "delta"}));
  const SentRequest post = server().sent().front();
  EXPECT_EQ(json::parse(*post.body)["stream"], true);
  EXPECT_NE(std::find(post.header_lines.begin(), post.header_lines.end(), "Accept: text/event-stream"),
            post.header_lines.end());
}

TEST_F(Streaming, ADroppedStreamIsNotSentAgainButTheTurnIsWaitedFor) {
  ScriptedAnswer dropped = events_naming("u1", 1);
  dropped.fail_after = TransferError::reset;
  server()
      .expect("POST", "/api/v3/threads/t1/turns", dropped)
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  std::vector<std::string> names;
  EXPECT_EQ(stream(names).final_answer(), "Paris");
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500)}));
}

TEST_F(Streaming, AStreamThatNamesNoTurnFallsBackToTheThreadsLatestTurnForThisQuery) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", sse_answer({{"ping", "{}"}}))
      .expect("GET", "/api/v3/threads/t1/turns?limit=1",
              json_answer(page({turn_json("u2", "completed", "Paris")})));
  std::vector<std::string> names;
  EXPECT_EQ(stream(names).id, "u2");
}

TEST_F(Streaming, AnEarlierTurnOfTheThreadIsNeverTakenForThisOne) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", sse_answer({{"ping", "{}"}}))
      .expect("GET", "/api/v3/threads/t1/turns?limit=1",
              json_answer(page({turn_json("u0", "completed", "Hi", "An earlier question")})));
  std::vector<std::string> names;
  EXPECT_THROW(stream(names), StreamError);
}

TEST_F(Streaming, AnErrorEventIsAStreamErrorTheHandlerSawFirst) {
  server().expect(
      "POST", "/api/v3/threads/t1/turns",
      sse_answer({{"turn.created", R"({"turn_id": "u1"})"}, {"error", R"({"detail": "model exploded"})"}}));
  std::vector<std::string> names;
  try {
    stream(names);
    FAIL() << "no StreamError";
  } catch (const StreamError& e) {
    EXPECT_NE(std::string(e.what()).find("model exploded"), std::string::npos);
    EXPECT_EQ(e.data(), R"({"detail": "model exploded"})");
  }
  EXPECT_EQ(names.back(), "error");
}

TEST_F(Streaming, AHandlerThatStopsGetsTheTurnAsFarAsKnown) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", events_naming("u1", 5))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  int seen = 0;
  const Turn turn = client().stream_turn("t1", ask(), [&](const StreamEvent&) { return ++seen < 2; });
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(turn.status, TurnStatus::running);  // not waited for
}

TEST_F(Streaming, StoppingCanCancelTheTurnOnTheServer) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", events_naming("u1", 5))
      .expect("PATCH", "/api/v3/threads/t1?cancel=true", json_answer(thread("t1", "cancelling")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "cancelling")));
  StreamOptions options;
  options.cancel_on_stop = true;
  const Turn turn = client().stream_turn(
      "t1", ask(), [](const StreamEvent&) { return false; }, options);
  EXPECT_EQ(turn.status, TurnStatus::cancelling);
}

TEST_F(Streaming, AServerThatAnswersJsonIsTreatedLikeACreate) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", json_answer(202, turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  std::vector<std::string> names;
  EXPECT_EQ(stream(names).final_answer(), "Paris");
  EXPECT_TRUE(names.empty());
}

// The server may have made the turn: it is looked up, found and waited for,
// not streamed twice (0.2 ended here in ConnectionError, turn or no turn).
TEST_F(Streaming, AResetBeforeAnyEventIsLookedUpNotSentAgain) {
  json made = turn_json("u1", "completed", "Paris");
  made["created_at"] = "2023-11-14T22:13:20Z";  // the fake wall clock: since it was sent
  server()
      .expect("POST", "/api/v3/threads/t1/turns", failure(TransferError::reset))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100", json_answer(page({made})));
  std::vector<std::string> names;
  EXPECT_EQ(stream(names).id, "u1");
  EXPECT_TRUE(names.empty()) << "its events went with the connection";
}

TEST_F(Streaming, AnEventLargerThanTheLimitIsAStreamError) {
  ClientOptions options = ScriptedClient::default_options();
  options.max_response_bytes = 64;
  ScriptedClient small(options);
  ScriptedAnswer huge = sse_answer({});
  huge.chunks.push_back("data: " + std::string(100, 'x'));  // never ends
  small.transport->expect("POST", "/api/v3/threads/t1/turns", huge);
  EXPECT_THROW(small.client.stream_turn("t1", ask(), [](const StreamEvent&) { return true; }), StreamError);
}

TEST_F(Streaming, TheLastEventWithoutItsBlankLineStillArrives) {
  ScriptedAnswer answer = sse_answer({{"turn.created", R"({"turn_id": "u1"})"}});
  answer.chunks.push_back("event: done\ndata: {}");
  server()
      .expect("POST", "/api/v3/threads/t1/turns", answer)
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed")));
  std::vector<std::string> names;
  stream(names);
  EXPECT_EQ(names, (std::vector<std::string>{"turn.created", "done"}));
}

TEST_F(Streaming, ANewThreadIsCreatedThenItsFirstTurnStreamed) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(201, thread("t1", "completed")))
      .expect("POST", "/api/v3/threads/t1/turns", events_naming("u1", 1))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnRequest request = ask();
  request.name = "geography";
  request.agent_id = 7;
  EXPECT_EQ(client().stream_thread_with_turn(request, [](const StreamEvent&) { return true; }).final_answer(),
            "Paris");
  const auto sent = server().sent();
  EXPECT_EQ(json::parse(*sent[0].body), (json{{"name", "geography"}, {"agent_id", 7}}));
  EXPECT_FALSE(json::parse(*sent[1].body).contains("agent_id"));
}

// The new thread's POST is made as create_thread_with_turn makes it: an empty
// thread left behind is harmless, so a lost answer is retried like a read.
TEST_F(Streaming, ANewThreadWhoseAnswerWasLostIsAskedForAgain) {
  server()
      .expect("POST", "/api/v3/threads", failure(TransferError::reset))
      .expect("POST", "/api/v3/threads", json_answer(201, thread("t1", "completed")))
      .expect("POST", "/api/v3/threads/t1/turns", events_naming("u1", 1))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  EXPECT_EQ(client().stream_thread_with_turn(ask(), [](const StreamEvent&) { return true; }).id, "u1");
  const auto lines = server().sent().front().header_lines;
  EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                          [](const std::string& line) { return line.rfind("Idempotency-Key: ", 0) == 0; }));
}

}  // namespace
}  // namespace paradigm::testing
