// Waiting for a turn, without a socket: through a 202, in the background
// recipe, up to a deadline, and until cancelled.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

class Waiting : public WorkflowTest {};

TEST_F(Waiting, A202IsPolledUntilTheTurnFinishes) {
  server()
      .expect("POST", "/api/v3/threads/turns", json_answer(202, turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  std::vector<std::string> seen;
  CreateOptions create;
  create.waiting.on_update = [&](const Turn& t) { seen.push_back(t.status.text()); };
  const Turn done = client().create_thread_with_turn(ask(), create);
  EXPECT_EQ(done.final_answer(), "Paris");
  EXPECT_EQ(seen, (std::vector<std::string>{"running", "completed"}));
  // The wait policy: 500 ms, then x1.5 (the fake clock gives no jitter).
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(750)}));
}

TEST_F(Waiting, A202WithOnlyTheIdsIsPolledToo) {
  server()
      .expect("POST", "/api/v3/threads/turns",
              json_answer(202, R"({"turn_id": "u1", "thread": "t1", "status": "running"})"))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  EXPECT_EQ(client().create_thread_with_turn(ask()).final_answer(), "Paris");
}

TEST_F(Waiting, A202NamingItsThreadTreadAsTheGuideSpellsItIsUnderstood) {
  server()
      .expect("POST", "/api/v3/threads/turns", json_answer(202, R"({"turn_id": "u1", "tread": "t1"})"))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  const Turn done = client().create_thread_with_turn(ask());
  EXPECT_EQ(done.thread, "t1");
  EXPECT_EQ(done.final_answer(), "Paris");
}

TEST_F(Waiting, NotWaitingReturnsTheRunningTurn) {
  server().expect("POST", "/api/v3/threads/t1/turns", json_answer(202, turn("u1", "running")));
  CreateOptions create;
  create.wait = false;
  EXPECT_EQ(client().create_turn("t1", ask(), create).status, TurnStatus::running);
  EXPECT_TRUE(sleeps().empty());
}

TEST_F(Waiting, ABackgroundTurnIsReturnedAtOnce) {
  server().expect("POST", "/api/v3/threads/turns", json_answer(turn("u1", "running")));
  TurnRequest request = ask();
  request.background = true;
  EXPECT_EQ(client().create_thread_with_turn(request).status, TurnStatus::running);
  EXPECT_EQ(json::parse(*server().sent().front().body)["background"], true);
}

TEST_F(Waiting, WithoutThePerTurnRouteTheGuidesBackgroundRecipeIsFollowed) {
  // The per-turn route answers 405 once; then the thread's status, then its turns.
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(405, R"({"detail": "Method not allowed"})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100", json_answer(page({turn_json("u1", "running")})))
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1", "running")))
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1", "completed")))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100",
              json_answer(
                  page({turn_json("u0", "completed", "earlier"), turn_json("u1", "completed", "Paris")})));
  const Turn done = client().wait_for_turn("t1", "u1");
  EXPECT_EQ(done.final_answer(), "Paris");
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(750)}));
}

TEST_F(Waiting, TheFirstPollIsAtOnceByDefault) {
  server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  EXPECT_EQ(client().wait_for_turn("t1", "u1").final_answer(), "Paris");
  EXPECT_TRUE(sleeps().empty());
}

TEST_F(Waiting, PauseFirstWaitsOneIntervalBeforeTheFirstPoll) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  WaitOptions wait;
  wait.pause_first = true;
  EXPECT_EQ(client().wait_for_turn("t1", "u1", wait).final_answer(), "Paris");
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(750)}));
}

TEST_F(Waiting, TheDeadlineEndsTheWaitWithTheLastTurnSeen) {
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->deadline = milliseconds(1000);
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  try {
    client().wait_for_turn("t1", "u1", wait);
    FAIL() << "no WaitTimeoutError";
  } catch (const WaitTimeoutError& e) {
    EXPECT_EQ(e.last_turn().id, "u1");
    EXPECT_EQ(e.last_turn().status, TurnStatus::running);
  }
  // 500 ms, then what is left of the deadline (500 ms, not 750), then the deadline is past.
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(500)}));
}

// The deadline alone, without the std::optional<WaitPolicy> of a whole policy.
TEST_F(Waiting, ADeadlineAloneOverridesOnlyTheDeadline) {
  WaitOptions wait;
  wait.deadline = milliseconds(1000);
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  EXPECT_THROW(client().wait_for_turn("t1", "u1", wait), WaitTimeoutError);
  // The client's intervals (500 ms first), then what is left of this deadline.
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(500)}));
}

TEST_F(Waiting, CancellingDuringAPauseEndsTheWait) {
  CallOptions call;
  scripted.clock->on_sleep([&](std::size_t) { call.cancellation.cancel(); });
  server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  EXPECT_THROW(client().wait_for_turn("t1", "u1", {}, call), CancelledError);
}

TEST_F(Waiting, RetryAfterOnAPollLengthensThePause) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(turn("u1", "running")).header("Retry-After", "3"))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  client().wait_for_turn("t1", "u1");
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(3000)}));
}

TEST_F(Waiting, AnUpdateHandlerThatThrowsEndsTheCallWithItsError) {
  server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  WaitOptions wait;
  wait.on_update = [](const Turn&) { throw std::runtime_error("handler failed"); };
  EXPECT_THROW(client().wait_for_turn("t1", "u1", wait), std::runtime_error);
}

TEST_F(Waiting, BadIdsAreRefusedBeforeTheFirstPause) {
  EXPECT_THROW(client().wait_for_turn("", "u1"), InvalidRequestError);
  EXPECT_TRUE(server().sent().empty());
}

}  // namespace
}  // namespace paradigm::testing
