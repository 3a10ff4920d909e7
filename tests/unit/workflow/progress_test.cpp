// One progress model: the same scripted turn, streamed as Server-Sent Events
// or polled after a 202, gives the same TurnProgress events, event by event.
#include "progress_test_util.hpp"

namespace paradigm::testing {
namespace {

class Progress : public WorkflowTest {
 protected:
  // The turn as SSE: snapshots, a reasoning part, the tool call after each
  // step and with its result, the answer in pieces, the final turn.
  static ScriptedAnswer streamed() {
    const json final_turn = scripted_turn("completed", true, 3, true, kScriptedAnswer);
    return sse_answer({
        {"turn.created", scripted_turn("running", false, 0, false).dump()},
        {"part.reasoning",
         json{{"turn_id", "u1"}, {"type", "reasoning"}, {"reasoning", kScriptedReasoning}}.dump()},
        {"tool_call.progress", json{{"turn_id", "u1"}, {"tool_call", scripted_call(1, false)}}.dump()},
        {"tool_call.progress", json{{"turn_id", "u1"}, {"tool_call", scripted_call(2, false)}}.dump()},
        {"tool_call.progress", json{{"turn_id", "u1"}, {"tool_call", scripted_call(3, false)}}.dump()},
        {"tool_call.completed", json{{"turn_id", "u1"}, {"tool_call", scripted_call(3, true)}}.dump()},
        {"part.delta", R"({"turn_id": "u1", "type": "text", "delta": "Here is the "})"},
        {"part.delta", R"({"turn_id": "u1", "type": "text", "delta": "graph of sin(x)."})"},
        {"turn.completed", final_turn.dump()},
        {"done", "{}"},
    });
  }

  // The same turn as the polls after a 202 see it: coarser, several steps at once.
  void script_polls() {
    server()
        .expect("POST", "/api/v3/threads/t1/turns",
                json_answer(202, scripted_turn("running", false, 0, false).dump()))
        .expect("GET", "/api/v3/threads/t1/turns/u1",
                json_answer(scripted_turn("running", true, 1, false).dump()))
        .expect("GET", "/api/v3/threads/t1/turns/u1",
                json_answer(scripted_turn("running", true, 3, false).dump()))
        .expect("GET", "/api/v3/threads/t1/turns/u1",
                json_answer(scripted_turn("completed", true, 3, true, kScriptedAnswer).dump()));
  }
};

TEST_F(Progress, PolledSnapshotsReportEachStepOnceInTheOrderOfTheTurnsParts) {
  script_polls();
  ProgressLog log;
  CreateOptions create;
  create.waiting.on_progress = log.handler();
  EXPECT_EQ(client().create_turn("t1", ask("Draw sin(x)"), create).status, TurnStatus::completed);
  EXPECT_EQ(log.lines, scripted_progress());
  EXPECT_TRUE(log.others.empty());
}

TEST_F(Progress, AStreamReportsTheSameEventsAsThePolls) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", streamed())
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(scripted_turn("completed", true, 3, true, kScriptedAnswer).dump()));
  ProgressLog log;
  StreamOptions stream;
  stream.waiting.on_progress = log.handler();
  std::size_t events = 0;
  const Turn turn = client().stream_turn(
      "t1", ask("Draw sin(x)"),
      [&](const StreamEvent&) {
        ++events;
        return true;
      },
      stream);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_EQ(events, 10u);  // the caller's handler still sees every event
  // Event by event; the answer's two pieces joined (ProgressLog) match the polls' one.
  EXPECT_EQ(log.lines, scripted_progress());
  EXPECT_EQ(log.others, (std::vector<std::string>{"other done"}));
}

TEST_F(Progress, TheAnswerArrivesInPiecesWhenStreamed) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", streamed())
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(scripted_turn("completed", true, 3, true, kScriptedAnswer).dump()));
  std::vector<std::string> pieces;
  StreamOptions stream;
  stream.waiting.on_progress = [&](const TurnProgress& p) {
    if (p.kind == TurnProgress::Kind::text) pieces.push_back(p.text);
  };
  client().stream_turn(
      "t1", ask("Draw sin(x)"), [](const StreamEvent&) { return true; }, stream);
  EXPECT_EQ(pieces, (std::vector<std::string>{"Here is the ", "graph of sin(x)."}));
}

TEST_F(Progress, AStreamThatEndsEarlyIsFinishedByPollsWithoutRepeatingAnything) {
  ScriptedAnswer cut = sse_answer({
      {"turn.created", scripted_turn("running", false, 0, false).dump()},
      {"part.reasoning", json{{"type", "reasoning"}, {"reasoning", kScriptedReasoning}}.dump()},
      {"tool_call.progress", json{{"tool_call", scripted_call(1, false)}}.dump()},
  });
  cut.fail_after = TransferError::reset;
  server()
      .expect("POST", "/api/v3/threads/t1/turns", cut)
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(scripted_turn("running", true, 3, false).dump()))
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(scripted_turn("completed", true, 3, true, kScriptedAnswer).dump()));
  ProgressLog log;
  StreamOptions stream;
  stream.waiting.on_progress = log.handler();
  client().stream_turn(
      "t1", ask("Draw sin(x)"), [](const StreamEvent&) { return true; }, stream);
  EXPECT_EQ(log.lines, scripted_progress());
}

TEST_F(Progress, ACreateAnswered200ReportsTheWholeTurnAtOnce) {
  server().expect("POST", "/api/v3/threads/turns",
                  json_answer(scripted_turn("completed", true, 3, true, kScriptedAnswer).dump()));
  ProgressLog log;
  CreateOptions create;
  create.waiting.on_progress = log.handler();
  client().create_thread_with_turn(ask("Draw sin(x)"), create);
  EXPECT_EQ(log.lines, scripted_progress());
}

TEST_F(Progress, WaitingInTheBackgroundRecipeReportsTheSameEvents) {
  // A server without the per-turn route: the thread's status, then its turns.
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(405, R"({"detail": "Method not allowed"})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(page({scripted_turn("running", true, 1, false)})))
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1", "running")))
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1", "completed")))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(page({scripted_turn("completed", true, 3, true, kScriptedAnswer)})));
  ProgressLog log;
  WaitOptions wait;
  wait.on_progress = log.handler();
  client().wait_for_turn("t1", "u1", wait);
  EXPECT_EQ(log.lines, scripted_progress());
}

TEST_F(Progress, AFailedTurnEndsWithItsError) {
  json failed = scripted_turn("failed", true, 0, false);
  failed["error"] = {{"code", "agent_error"}, {"message", "boom"}};
  server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(failed.dump()));
  ProgressLog log;
  WaitOptions wait;
  wait.on_progress = log.handler();
  client().wait_for_turn("t1", "u1", wait);
  EXPECT_EQ(log.lines, (std::vector<std::string>{std::string("reasoning ") + kScriptedReasoning,
                                                 "terminal failed agent_error"}));
}

TEST_F(Progress, OnUpdateStillSeesEveryPollBesideIt) {
  script_polls();
  int updates = 0;
  ProgressLog log;
  CreateOptions create;
  create.waiting.on_update = [&](const Turn&) { ++updates; };
  create.waiting.on_progress = log.handler();
  client().create_turn("t1", ask("Draw sin(x)"), create);
  EXPECT_EQ(updates, 3);
  EXPECT_EQ(log.lines.size(), scripted_progress().size());
}

TEST_F(Progress, AProgressHandlerThatThrowsEndsTheCallWithItsError) {
  server().expect("GET", "/api/v3/threads/t1/turns/u1",
                  json_answer(scripted_turn("running", true, 0, false).dump()));
  WaitOptions wait;
  wait.on_progress = [](const TurnProgress&) { throw std::runtime_error("handler failed"); };
  EXPECT_THROW(client().wait_for_turn("t1", "u1", wait), std::runtime_error);
}

}  // namespace
}  // namespace paradigm::testing
