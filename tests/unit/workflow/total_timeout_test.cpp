// One limit per call (CallOptions::total_timeout, ClientOptions::total_timeout),
// without a socket: attempts and backoff pauses end with it, each attempt is
// clamped to what is left, streams and downloads honour per-call limits, and
// the error says how many attempts were made in how long.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

const char* kTimedThread = "/api/v3/threads/t1";

class TotalTimeout : public WorkflowTest {
 protected:
  // An attempt that takes `took` on the fake clock, then fails like `error`.
  ScriptedAnswer slow_failure(milliseconds took, TransferError error = TransferError::timeout) {
    ScriptedAnswer answer = failure(error);
    answer.before = [clock = scripted.clock, took] { clock->sleep_for(took, CancellationToken()); };
    return answer;
  }

  static std::string message_of(const std::function<void()>& call) {
    try {
      call();
    } catch (const std::exception& e) {
      return e.what();
    }
    return "no error";
  }
};

// The defect: `request_timeout = 500 ms` on a slow GET threw after 2.9 s, as
// each retry got its own 500 ms. total_timeout bounds them all.
TEST_F(TotalTimeout, AttemptsAndBackoffsEndWithTheTotalLimit) {
  server()
      .expect("GET", kTimedThread, slow_failure(milliseconds(500)))
      .expect("GET", kTimedThread, slow_failure(milliseconds(500)));
  CallOptions call;
  call.request_timeout = milliseconds(500);
  call.total_timeout = milliseconds(2000);
  const std::string message = message_of([&] { client().get_thread("t1", call); });
  // 500 ms attempt, 500 ms backoff, 500 ms attempt: the next backoff (1 s) would pass the limit.
  EXPECT_EQ(scripted.clock->total_slept(), milliseconds(1500));
  EXPECT_NE(message.find("2 attempts, 1.5 s"), std::string::npos) << message;
}

TEST_F(TotalTimeout, EachAttemptIsClampedToWhatIsLeft) {
  server()
      .expect("GET", kTimedThread, slow_failure(milliseconds(1000)))
      .expect("GET", kTimedThread, slow_failure(milliseconds(200)));
  CallOptions call;
  call.request_timeout = milliseconds(1000);
  call.total_timeout = milliseconds(1700);
  const std::string message = message_of([&] { client().get_thread("t1", call); });
  const auto sent = server().sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].total_timeout, milliseconds(1000));
  EXPECT_EQ(sent[1].total_timeout, milliseconds(200));  // 1700 - 1000 - 500 of backoff
  EXPECT_EQ(sent[1].connect_timeout, milliseconds(200));
  EXPECT_NE(message.find("2 attempts, 1.7 s, total_timeout reached"), std::string::npos) << message;
}

TEST_F(TotalTimeout, TheErrorIsATimeoutErrorEvenWhenTheLastAttemptFailedOtherwise) {
  server().expect("GET", kTimedThread, slow_failure(milliseconds(900), TransferError::timeout));
  CallOptions call;
  call.total_timeout = milliseconds(900);
  EXPECT_THROW(client().get_thread("t1", call), TimeoutError);
  EXPECT_EQ(server().sent().size(), 1u);
}

TEST_F(TotalTimeout, TheClientWideLimitAppliesToEachRequest) {
  ClientOptions options = ScriptedClient::default_options();
  options.total_timeout = milliseconds(1200);
  ScriptedClient limited(options);
  limited.transport->expect("GET", kTimedThread, failure(TransferError::connect))
      .expect("GET", kTimedThread, failure(TransferError::connect));
  // Pauses of 500 ms then 1 s: the second would pass 1.2 s.
  EXPECT_THROW(limited.client.get_thread("t1"), ConnectionError);
  EXPECT_EQ(limited.clock->sleeps(), (std::vector<milliseconds>{milliseconds(500)}));
  EXPECT_EQ(limited.transport->sent()[0].total_timeout, milliseconds(1200));
}

TEST_F(TotalTimeout, WithTheDefaultsTheMessageGivesAttemptsAndTotalTime) {
  server()
      .expect("GET", kTimedThread, slow_failure(milliseconds(10000), TransferError::connect_timeout))
      .expect("GET", kTimedThread, slow_failure(milliseconds(10000), TransferError::connect_timeout))
      .expect("GET", kTimedThread, slow_failure(milliseconds(10000), TransferError::connect_timeout));
  const std::string message = message_of([&] { client().get_thread("t1"); });
  EXPECT_NE(message.find("3 attempts, 31.5 s"), std::string::npos) << message;
  EXPECT_EQ(server().sent()[0].total_timeout, milliseconds(600000));
}

TEST_F(TotalTimeout, AnHttpErrorAfterRetriesGivesAttemptsAndTotalTime) {
  server()
      .expect("GET", kTimedThread, json_answer(503, R"({"detail": "busy"})"))
      .expect("GET", kTimedThread, json_answer(503, R"({"detail": "busy"})"))
      .expect("GET", kTimedThread, json_answer(503, R"({"detail": "busy"})"));
  const std::string message = message_of([&] { client().get_thread("t1"); });
  EXPECT_NE(message.find("(3 attempts, 1.5 s)"), std::string::npos) << message;
}

TEST_F(TotalTimeout, AStreamHonoursAPerCallRequestTimeout) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", sse_answer({{"turn.created", R"({"turn_id": "u1"})"}}))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  CallOptions call;
  call.request_timeout = milliseconds(5000);
  client().stream_turn(
      "t1", ask(), [](const StreamEvent&) { return true; }, {}, call);
  EXPECT_EQ(server().sent().front().total_timeout, milliseconds(5000));
}

TEST_F(TotalTimeout, AStreamHonoursTheTotalLimit) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", sse_answer({{"turn.created", R"({"turn_id": "u1"})"}}))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  CallOptions call;
  call.total_timeout = milliseconds(30000);
  client().stream_turn(
      "t1", ask(), [](const StreamEvent&) { return true; }, {}, call);
  EXPECT_EQ(server().sent().front().total_timeout, milliseconds(30000));
}

// A stream lasts as long as its turn: the client-wide total_timeout bounds
// its retries, not its transfer.
TEST_F(TotalTimeout, WithoutLimitsOfItsOwnAStreamHasNone) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns", sse_answer({{"turn.created", R"({"turn_id": "u1"})"}}))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  client().stream_turn("t1", ask(), [](const StreamEvent&) { return true; });
  EXPECT_EQ(server().sent().front().total_timeout, milliseconds(0));
}

// A create cut by the limit may have made its turn: the error says so when
// the limit passes, not after lookups that have no time left to run.
TEST_F(TotalTimeout, ACreateCutByTheLimitIsUnconfirmedAtTheLimit) {
  server().expect("POST", "/api/v3/threads/t1/turns", slow_failure(milliseconds(1000)));
  CallOptions call;
  call.total_timeout = milliseconds(1000);
  const std::string message = message_of([&] {
    try {
      client().create_turn("t1", ask(), {}, call);
    } catch (const UnconfirmedTurnError& e) {
      EXPECT_EQ(e.thread_id(), "t1");
      throw;
    }
  });
  EXPECT_NE(message.find("total_timeout reached"), std::string::npos) << message;
  EXPECT_EQ(scripted.clock->total_slept(), milliseconds(1000));
}

TEST_F(TotalTimeout, AStreamCutByTheLimitBeforeAnyEventIsUnconfirmedAtTheLimit) {
  server().expect("POST", "/api/v3/threads/t1/turns", slow_failure(milliseconds(1000)));
  CallOptions call;
  call.total_timeout = milliseconds(1000);
  EXPECT_THROW(client().stream_turn(
                   "t1", ask(), [](const StreamEvent&) { return true; }, {}, call),
               UnconfirmedTurnError);
  EXPECT_EQ(scripted.clock->total_slept(), milliseconds(1000));
}

TEST_F(TotalTimeout, ADownloadHonoursAPerCallRequestTimeout) {
  ScriptedAnswer bytes;
  bytes.headers.add("Content-Type", "application/octet-stream");
  bytes.chunks = {"abc"};
  server().expect("GET", "/api/v3/artifacts/a1/content", bytes);
  CallOptions call;
  call.request_timeout = milliseconds(4000);
  EXPECT_EQ(client().download_artifact_bytes("a1", call), "abc");
  EXPECT_EQ(server().sent().front().total_timeout, milliseconds(4000));
}

TEST_F(TotalTimeout, EachRetryIsToldToTheRetryHandler) {
  server()
      .expect("GET", kTimedThread, failure(TransferError::connect))
      .expect("GET", kTimedThread, json_answer(503, "{}"))
      .expect("GET", kTimedThread, json_answer(thread("t1")));
  std::vector<RetryNotice> notices;
  CallOptions call;
  call.on_retry = [&](const RetryNotice& notice) { notices.push_back(notice); };
  client().get_thread("t1", call);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0].attempt, 1);
  EXPECT_NE(notices[0].error.find("connect"), std::string::npos) << notices[0].error;
  EXPECT_EQ(notices[0].delay, milliseconds(500));
  EXPECT_EQ(notices[1].attempt, 2);
  EXPECT_EQ(notices[1].error, "HTTP 503");
  EXPECT_EQ(notices[1].elapsed, milliseconds(500));
  EXPECT_NE(notices[1].request.find("GET https://paradigm.test/api/v3/threads/t1"), std::string::npos);
  EXPECT_FALSE(notices[1].waiting_for_turn);
}

}  // namespace
}  // namespace paradigm::testing
