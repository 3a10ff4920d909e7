// The retry rules of DESIGN.md §4, through the real request path, without a
// socket: what is retried, after how long, and what never is.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

class Retries : public WorkflowTest {};

const char* kThread = "/api/v3/threads/t1";
const char* kCreate = "/api/v3/threads/turns";

TEST_F(Retries, ARetryableStatusOfAReadIsRetriedAfterTheBackoff) {
  server()
      .expect("GET", kThread, json_answer(503, R"({"detail": "busy"})"))
      .expect("GET", kThread, json_answer(502, R"({"detail": "bad gateway"})"))
      .expect("GET", kThread, json_answer(thread("t1")));
  ResponseInfo info;
  CallOptions call;
  call.response_info = &info;
  EXPECT_EQ(client().get_thread("t1", call).id, "t1");
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(1000)}));
  EXPECT_EQ(info.attempts, 3);
}

TEST_F(Retries, RetriesStopAfterMaxRetries) {
  server()
      .expect("GET", kThread, json_answer(500, "{}"))
      .expect("GET", kThread, json_answer(500, "{}"))
      .expect("GET", kThread, json_answer(500, "{}"));
  EXPECT_THROW(client().get_thread("t1"), ServerError);
  EXPECT_EQ(sleeps().size(), 2u);
}

// Sent as one request (these scripts' shape), a create that may have made its
// turn has no thread to be looked up in: not repeated, and its error says so
// (thread-first creates are looked up: tests/integration/exactly_once_test.cpp).
TEST_F(Retries, ATurnCreationIsNotRepeatedWhenTheServerMayHaveActed) {
  for (int status : {500, 502, 504}) {
    server().expect("POST", kCreate, json_answer(status, "{}"));
    EXPECT_THROW(client().create_thread_with_turn(ask()), UnconfirmedTurnError) << status;
  }
  server().expect("POST", kCreate, failure(TransferError::reset));
  try {
    client().create_thread_with_turn(ask());
    FAIL() << "no UnconfirmedTurnError";
  } catch (const UnconfirmedTurnError& e) {
    EXPECT_NE(std::string(e.what()).find("connection reset"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("may have been created"), std::string::npos) << e.what();
    EXPECT_EQ(e.idempotency_key().size(), 36u);
  }
  server().expect("POST", kCreate, failure(TransferError::timeout));
  EXPECT_THROW(client().create_thread_with_turn(ask()), UnconfirmedTurnError);
  EXPECT_TRUE(sleeps().empty());
}

TEST_F(Retries, ATurnCreationWhoseBodyNeverLeftIsSentAgain) {
  server()
      .expect("POST", kCreate, failure(TransferError::not_delivered))
      .expect("POST", kCreate, json_answer(turn("u1", "completed", "Paris")));
  EXPECT_EQ(client().create_thread_with_turn(ask()).final_answer(), "Paris");
  EXPECT_EQ(sleeps().size(), 1u);
}

TEST_F(Retries, ATurnCreationIsRetriedWhenTheServerCannotHaveActed) {
  server()
      .expect("POST", kCreate, failure(TransferError::connect))
      .expect("POST", kCreate, json_answer(429, "{}"))
      .expect("POST", kCreate, json_answer(turn("u1", "completed", "Paris")));
  EXPECT_EQ(client().create_thread_with_turn(ask()).final_answer(), "Paris");
  server()
      .expect("POST", kCreate, json_answer(503, "{}"))
      .expect("POST", kCreate, json_answer(408, "{}"))
      .expect("POST", kCreate, json_answer(turn("u1", "completed", "Paris")));
  EXPECT_EQ(client().create_thread_with_turn(ask()).final_answer(), "Paris");
}

TEST_F(Retries, OptingInRetriesATurnCreationAfterA500) {
  server()
      .expect("POST", kCreate, json_answer(500, "{}"))
      .expect("POST", kCreate, json_answer(turn("u1", "completed")));
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->retry_non_idempotent = true;
  EXPECT_EQ(client().create_thread_with_turn(ask(), {}, call).id, "u1");
}

TEST_F(Retries, NetworkFailuresOfAReadAreRetriedButTlsFailuresAreNot) {
  server()
      .expect("GET", kThread, failure(TransferError::reset))
      .expect("GET", kThread, failure(TransferError::stalled))
      .expect("GET", kThread, json_answer(thread("t1")));
  EXPECT_EQ(client().get_thread("t1").id, "t1");
  server().expect("GET", kThread, failure(TransferError::tls));
  EXPECT_THROW(client().get_thread("t1"), ConnectionError);
}

TEST_F(Retries, RetryAfterInEachFormSetsThePause) {
  // The fake wall clock reads Tue, 14 Nov 2023 22:13:20 GMT until the first pause.
  server()
      .expect("GET", kThread, json_answer(503, "{}").header("Retry-After", "Tue, 14 Nov 2023 22:13:25 GMT"))
      .expect("GET", kThread, json_answer(429, "{}").header("Retry-After", "2"))
      .expect("GET", kThread, json_answer(503, "{}").header("retry-after-ms", "150"));
  server().expect("GET", kThread, json_answer(thread("t1")));
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->max_retries = 3;
  client().get_thread("t1", call);
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(5000), milliseconds(2000), milliseconds(150)}));
}

TEST_F(Retries, ARetryAfterLongerThanTheMaximumIsNotWaitedFor) {
  server().expect("GET", kThread, json_answer(429, "{}").header("Retry-After", "3600"));
  try {
    client().get_thread("t1");
    FAIL() << "no RateLimitError";
  } catch (const RateLimitError& e) {
    EXPECT_EQ(e.retry_after(), milliseconds(3600000));
  }
  EXPECT_TRUE(sleeps().empty());
}

TEST_F(Retries, XShouldRetryOverridesTheStatus) {
  server()
      .expect("GET", kThread, json_answer(400, "{}").header("x-should-retry", "true"))
      .expect("GET", kThread, json_answer(thread("t1")));
  EXPECT_EQ(client().get_thread("t1").id, "t1");
  server().expect("GET", kThread, json_answer(503, "{}").header("x-should-retry", "false"));
  EXPECT_THROW(client().get_thread("t1"), ServerError);
}

TEST_F(Retries, FeedbackTogglesSoIsNotRepeatedAfterA502) {
  server().expect("PATCH", "/api/v3/threads/t1/turns/u1?action=like_dislike", json_answer(502, "{}"));
  EXPECT_THROW(client().send_feedback("t1", "u1", FeedbackAction::like_dislike), ServerError);
}

TEST_F(Retries, CancellingDuringTheBackoffStopsRetrying) {
  CallOptions call;
  scripted.clock->on_sleep([&](std::size_t) { call.cancellation.cancel(); });
  server().expect("GET", kThread, json_answer(503, "{}"));
  EXPECT_THROW(client().get_thread("t1", call), CancelledError);
}

TEST_F(Retries, AnAnswerOverTheLimitIsADecodeErrorOnTheFirstAttempt) {
  ClientOptions options = ScriptedClient::default_options();
  options.max_response_bytes = 16;
  ScriptedClient small(options);
  small.transport->expect("GET", kThread, json_answer(thread("t1")));
  EXPECT_THROW(small.client.get_thread("t1"), DecodeError);
  EXPECT_EQ(small.transport->sent().size(), 1u);
  EXPECT_TRUE(small.clock->sleeps().empty());
}

TEST_F(Retries, AnOverLimitAnswerCutShortIsStillADecodeError) {
  // The receiver stopping the transfer is never mistaken for the network failing it.
  ClientOptions options = ScriptedClient::default_options();
  options.max_response_bytes = 16;
  ScriptedClient small(options);
  ScriptedAnswer answer = json_answer(thread("t1"));
  answer.fail_after = TransferError::reset;
  small.transport->expect("GET", kThread, answer);
  EXPECT_THROW(small.client.get_thread("t1"), DecodeError);
  EXPECT_EQ(small.transport->sent().size(), 1u);
}

}  // namespace
}  // namespace paradigm::testing
