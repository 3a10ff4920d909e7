// Waiting for a turn through an outage, without a socket: polls that fail
// with connection failures, timeouts, 408, 429 or 5xx are repeated until the
// wait's deadline (the turn goes on on the server); other answers end it.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

const char* kPolledTurn = "/api/v3/threads/t1/turns/u1";

class OutageWaiting : public WorkflowTest {
 protected:
  // One attempt per poll, so that the script shows the wait's own decisions.
  static CallOptions single_attempts() {
    CallOptions call;
    call.retry = RetryPolicy{};
    call.retry->max_retries = 0;
    return call;
  }
};

TEST_F(OutageWaiting, FailedPollsAreRepeatedUntilTheTurnIsSeenAgain) {
  server()
      .expect("GET", kPolledTurn, json_answer(turn("u1", "running")))
      .expect("GET", kPolledTurn, failure(TransferError::connect))
      .expect("GET", kPolledTurn, failure(TransferError::reset))
      .expect("GET", kPolledTurn, json_answer(503, R"({"detail": "restarting"})"))
      .expect("GET", kPolledTurn, json_answer(429, "{}").header("Retry-After", "4"))
      .expect("GET", kPolledTurn, json_answer(turn("u1", "completed", "Paris")));
  std::vector<RetryNotice> notices;
  CallOptions call = single_attempts();
  call.on_retry = [&](const RetryNotice& notice) { notices.push_back(notice); };
  EXPECT_EQ(client().wait_for_turn("t1", "u1", {}, call).final_answer(), "Paris");
  ASSERT_EQ(notices.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(notices[i].waiting_for_turn);
    EXPECT_EQ(notices[i].attempt, i + 1);
  }
  EXPECT_NE(notices[0].error.find("connect"), std::string::npos) << notices[0].error;
  EXPECT_NE(notices[2].error.find("503"), std::string::npos) << notices[2].error;
  EXPECT_EQ(notices[3].delay, milliseconds(4000));  // the 429's Retry-After
  EXPECT_EQ(sleeps().back(), milliseconds(4000));
}

TEST_F(OutageWaiting, ANotFoundTurnEndsTheWaitAtOnce) {
  server()
      .expect("GET", kPolledTurn, json_answer(turn("u1", "running")))
      .expect("GET", kPolledTurn, json_answer(404, R"({"detail": "Not found."})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100", json_answer(page({})));
  EXPECT_THROW(client().wait_for_turn("t1", "u1", {}, single_attempts()), NotFoundError);
  EXPECT_EQ(sleeps().size(), 1u);
}

TEST_F(OutageWaiting, AnOutageLongerThanTheDeadlineEndsWithTheLastError) {
  // Polls at 0, 0.5, 1.25, 2.375 and 3 s (what was left), all refused.
  for (int i = 0; i < 5; ++i)
    server().expect("GET", kPolledTurn, failure(TransferError::connect));
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->deadline = milliseconds(3000);
  try {
    client().wait_for_turn("t1", "u1", wait, single_attempts());
    FAIL() << "no WaitTimeoutError";
  } catch (const WaitTimeoutError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("gave up waiting after 3.0 s"), std::string::npos) << message;
    EXPECT_NE(message.find("the last 5 polls failed"), std::string::npos) << message;
    EXPECT_NE(message.find("connect"), std::string::npos) << message;
    EXPECT_EQ(e.last_turn().id, "u1");
  }
  EXPECT_EQ(scripted.clock->total_slept(), milliseconds(3000));
}

TEST_F(OutageWaiting, TheCallsTotalLimitBoundsTheWaitAfterA202) {
  server()
      .expect("POST", "/api/v3/threads/turns", json_answer(202, turn("u1", "running")))
      .expect("GET", kPolledTurn, json_answer(turn("u1", "running")))
      .expect("GET", kPolledTurn, json_answer(turn("u1", "running")));
  CallOptions call;
  call.total_timeout = milliseconds(2000);
  EXPECT_THROW(client().create_thread_with_turn(ask(), {}, call), WaitTimeoutError);
  // 500, 750, then the 750 ms left of the call's 2 s, which leave no time for a poll.
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(750), milliseconds(750)}));
}

TEST_F(OutageWaiting, AsynchronousWaitsGoThroughTheOutageToo) {
  server()
      .expect("GET", kPolledTurn, failure(TransferError::connect))
      .expect("GET", kPolledTurn, json_answer(500, "{}"))
      .expect("GET", kPolledTurn, json_answer(turn("u1", "completed", "Paris")));
  EXPECT_EQ(client().async_wait_for_turn("t1", "u1", {}, single_attempts()).get().final_answer(), "Paris");
}

}  // namespace
}  // namespace paradigm::testing
