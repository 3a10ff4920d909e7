// Waiting for turns through an outage of the emulator (issue 20, item 3):
// the server refuses connections or stops answering for 3 s while keeping its
// store, its turns go on, and every wait ends with the turn the server
// completed instead of a ConnectionError. The outages are real time (that is
// what they exercise); the bounds on the waits only bound a failure.
#include "support/mock_fixture.hpp"

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr milliseconds kOutage{3000};

// Polls every 100-500 ms, and a deadline far past the outage.
WaitOptions patient_polls() {
  return polls(milliseconds(100), milliseconds(500), std::chrono::minutes(2));
}

class OutageWait : public MockTest {
 protected:
  // The real clock: the outage is in real time, and so are the polls' pauses.
  ThreadsClient real_client() {
    ClientOptions with = options();
    with.on_retry = [this](const RetryNotice& notice) {
      if (notice.waiting_for_turn) ++failed_polls;
    };
    return ThreadsClient(with);
  }

  Turn start_turn(ThreadsClient& client) {
    TurnRequest request = ask("What is the capital of France?");
    request.background = true;
    return client.create_thread_with_turn(request);
  }

  std::atomic<int> failed_polls{0};  // polls that failed all their attempts
};

TEST_F(OutageWait, AWaitAcrossRefusedConnectionsEndsWithTheCompletedTurn) {
  server.configure(manual_turns());
  ThreadsClient client = real_client();
  const Turn started = start_turn(client);
  server.refuse_connections(kOutage);  // returns once connections are refused
  server.complete_turn(started.thread, started.id);
  const Turn done = client.wait_for_turn(started.thread, started.id, patient_polls());
  EXPECT_EQ(done.status, TurnStatus::completed);
  EXPECT_GT(failed_polls.load(), 0) << "the wait did not meet the outage";
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(OutageWait, AnAsynchronousWaitOutlastsAServerThatStopsAnswering) {
  server.configure(manual_turns());
  ThreadsClient client = real_client();
  const Turn started = start_turn(client);
  // Requests are held unanswered, then closed at the outage's end: each poll
  // hangs, breaks, and is repeated.
  server.stop_answering(kOutage);
  server.complete_turn(started.thread, started.id);
  const Turn done =
      client.async_wait_for_turn(started.thread, started.id, patient_polls(), CallOptions()).get();
  EXPECT_EQ(done.status, TurnStatus::completed);
  // The poll held by the outage was sent again (by the SDK, or by libcurl on a fresh connection).
  EXPECT_GE(count("GET", "/api/v3/threads/" + started.thread + "/turns/" + started.id), 2u);
}

TEST_F(OutageWait, AnOutageLongerThanTheDeadlineEndsTheWaitNamingTheLastError) {
  server.configure(manual_turns());
  ThreadsClient client = real_client();
  const Turn started = start_turn(client);
  server.refuse_connections(std::chrono::minutes(5));
  WaitOptions wait = patient_polls();
  wait.policy->deadline = milliseconds(1500);
  CallOptions once;  // one attempt per poll: the wait's own repeats only
  once.retry = RetryPolicy{};
  once.retry->max_retries = 0;
  try {
    client.wait_for_turn(started.thread, started.id, wait, once);
    FAIL() << "no WaitTimeoutError";
  } catch (const WaitTimeoutError& e) {
    EXPECT_NE(std::string(e.what()).find("connect"), std::string::npos) << e.what();
    EXPECT_EQ(e.last_turn().id, started.id);
  }
}

// The measurement: a 3 s outage in the middle of a 200-turn set ended
// all 200 turns with ConnectionError on 0.2.0, although the server completed them.
TEST_F(OutageWait, NoTurnOfASetThatTheServerCompletesEndsInError) {
  mock::MockConfig config;
  config.turn_duration = seconds(2);  // on the emulator's clock, which runs in real time
  server.configure(config);
  TurnSetOptions set_options;
  set_options.waiting = patient_polls();
  set_options.waiting.pause_first = true;
  // A turn polled once is one whose create has returned: the outage then meets
  // waits only (a create cut by it is issue 20's items 1-2, not this test's).
  std::mutex mutex;
  std::set<std::string> polled;
  set_options.waiting.on_update = [&](const Turn& turn) {
    std::lock_guard<std::mutex> lock(mutex);
    polled.insert(turn.id);
  };
  TurnSet set(real_client(), set_options);
  constexpr int kTurns = 200;
  for (int i = 0; i < kTurns; ++i)
    set.add(ask("Question " + std::to_string(i)));
  // Every turn created and polled, then the outage while they run; they
  // complete on the server during it.
  const auto polled_count = [&] {
    std::lock_guard<std::mutex> lock(mutex);
    return polled.size();
  };
  const auto give_up = std::chrono::steady_clock::now() + seconds(60);
  while (polled_count() < kTurns && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(milliseconds(5));
  ASSERT_EQ(polled_count(), static_cast<std::size_t>(kTurns));
  server.refuse_connections(kOutage);
  int completed = 0;
  while (auto finished = set.next_completed()) {
    if (finished->error) {
      try {
        std::rethrow_exception(finished->error);
      } catch (const std::exception& e) {
        ADD_FAILURE() << "turn " << finished->key << ": " << e.what();
      }
    }
    completed += finished->completed();
  }
  EXPECT_EQ(completed, kTurns);
  EXPECT_EQ(server.turns_created(), kTurns);
  EXPECT_GT(failed_polls.load(), 0) << "no wait met the outage";
}

}  // namespace
}  // namespace paradigm::testing
