// TurnSet against the emulator: a thousand turns on one thread, cancelling,
// the in-flight cap, and turns added by id. On the SDK's own loop thread and
// on an Asio io_context (paradigm::asio_loop), with no SDK thread.
#include "support/asio_thread.hpp"
#include "support/mock_fixture.hpp"

#include <algorithm>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

// Waits, at most `limit`, for a condition another thread makes true.
template <class Condition>
bool eventually(Condition condition, std::chrono::seconds limit = std::chrono::seconds(30)) {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(milliseconds(5));
  }
  return true;
}

std::string error_text(const std::exception_ptr& error) {
  if (!error) return "";
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  }
}

enum class Loop { own_thread, asio };

class TurnSets : public MockTest, public ::testing::WithParamInterface<Loop> {
 protected:
  // The real clock: the event loop's timers pace the polls.
  ThreadsClient real_client(std::size_t max_connections = 8) {
    ClientOptions with = options();
    with.max_connections = max_connections;
    if (GetParam() == Loop::asio) with.external_loop = io.loop();
    return ThreadsClient(with);
  }

  AsioThread io;  // outlives the clients of the tests
};

INSTANTIATE_TEST_SUITE_P(TurnSets, TurnSets, ::testing::Values(Loop::own_thread, Loop::asio),
                         [](const ::testing::TestParamInfo<Loop>& loop) {
                           return loop.param == Loop::own_thread ? "own_thread" : "asio";
                         });

TEST_P(TurnSets, AThousandTurnsFinishWithoutAThreadEach) {
  mock::MockConfig config;
  config.turn_duration = milliseconds(20);
  config.compress_json = false;
  server.configure(config);
  TurnSetOptions set_options;
  set_options.waiting = quick_polls();
  TurnSet set(real_client(), set_options);
  for (int i = 0; i < 1000; ++i)
    set.add(ask("Question " + std::to_string(i)));
  std::size_t completed = 0;
  std::vector<bool> seen(1000, false);
  while (auto finished = set.next_completed()) {
    EXPECT_FALSE(finished->error) << "turn " << finished->key;
    completed += finished->completed();
    seen.at(finished->key) = true;
  }
  EXPECT_EQ(completed, 1000u);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), true), 1000);
  EXPECT_EQ(server.turns_created(), 1000);
  EXPECT_EQ(set.running(), 0u);
}

// Issue 20's reproduction: an outage (requests received, held unanswered,
// then their connections closed; the store kept) while 200 turns are being
// created, and some creates answered by closing the connection after the
// turn was made. Each asked turn exists once on the server, and the
// set reports each, without an error.
TEST_P(TurnSets, AnOutageAndLostAnswersMidSetCreateEveryTurnExactlyOnce) {
  mock::MockConfig config;
  config.turn_duration = milliseconds(20);
  server.configure(config);
  mock::Fault lost;
  lost.method = "POST";
  lost.path_regex = "/api/v3/threads/[^/]+/turns";
  lost.transport = mock::TransportFault::close_after_handling;
  lost.skip = 20;
  lost.times = 10;
  server.add_fault(lost);
  TurnSetOptions set_options;
  set_options.waiting = quick_polls();
  // Creates that fail while it is out are tried again until it is back.
  set_options.call.retry = RetryPolicy{};
  set_options.call.retry->max_retries = 30;
  set_options.call.retry->max_backoff = milliseconds(500);
  TurnSet set(real_client(), set_options);
  constexpr int kTurns = 200;
  for (int i = 0; i < kTurns; ++i)
    set.add(ask("Question " + std::to_string(i)));
  std::thread restarter([&] {
    if (eventually([&] { return server.turns_created() >= 60; })) {
      server.stop_answering(milliseconds(500), mock::OutageEnd::close);
    }
  });
  std::size_t completed = 0;
  while (auto finished = set.next_completed()) {
    EXPECT_EQ(error_text(finished->error), "") << "turn " << finished->key;
    completed += finished->completed();
  }
  restarter.join();
  EXPECT_EQ(completed, static_cast<std::size_t>(kTurns));
  EXPECT_EQ(server.turns_created(), kTurns);
  for (int i = 0; i < kTurns; ++i)
    EXPECT_EQ(server.turns_created_for_query("Question " + std::to_string(i)), 1) << i;
}

TEST_P(TurnSets, CancellingTheSetCancelsEveryTurnOnTheServer) {
  server.configure(manual_turns());
  TurnSetOptions set_options;
  set_options.waiting = quick_polls();
  TurnSet set(real_client(), set_options);
  for (int i = 0; i < 5; ++i)
    set.add(ask("Long question " + std::to_string(i)));
  set.cancel_all();
  const auto all = set.wait_all();
  ASSERT_EQ(all.size(), 5u);
  for (const auto& finished : all) {
    ASSERT_TRUE(finished.turn) << finished.key;
    EXPECT_EQ(finished.turn->status, TurnStatus::cancelled);
    EXPECT_TRUE(finished.ref.has_value());
  }
  EXPECT_EQ(server.turns_created(), 5);
}

TEST_P(TurnSets, AtMostMaxInFlightRunAtOnce) {
  server.configure(manual_turns());
  TurnSetOptions set_options;
  set_options.max_in_flight = 2;
  set_options.waiting = quick_polls();
  TurnSet set(real_client(), set_options);
  for (int i = 0; i < 4; ++i)
    set.add(ask("Question " + std::to_string(i)));
  ASSERT_TRUE(eventually([&] { return server.turns_created() == 2; }));
  EXPECT_EQ(set.running(), 4u);
  // A queued turn cancelled before it starts finishes at once.
  set.cancel(3);
  auto cancelled = set.next_completed();
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->key, 3u);
  EXPECT_THROW(std::rethrow_exception(cancelled->error), CancelledError);
  // Finishing a running turn lets the next queued one start.
  auto blocking = client();
  const auto threads = blocking.list_threads();
  for (const auto& thread : threads.results) {
    const auto turns = blocking.list_turns(thread.id);
    for (const auto& turn : turns.results)
      server.complete_turn(thread.id, turn.id);
  }
  ASSERT_TRUE(eventually([&] { return server.turns_created() == 3; }));
  set.cancel_all();
  EXPECT_EQ(set.wait_all().size(), 3u);
}

TEST_P(TurnSets, TurnsThatAlreadyRunAndFollowUpsCanBeAdded) {
  server.configure(manual_turns());
  auto blocking = client();
  TurnRequest background = ask("Started elsewhere");
  background.background = true;
  const Turn started = blocking.create_thread_with_turn(background);
  TurnSetOptions set_options;
  set_options.waiting = quick_polls();
  TurnSet set(real_client(), set_options);
  const auto existing = set.add_existing(started.thread, started.id);
  server.complete_turn(started.thread, started.id);
  auto first = set.next_completed();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->key, existing);
  EXPECT_TRUE(first->completed());
  server.configure(mock::MockConfig{});
  const auto follow_up = set.add(started.thread, ask("And then?"));
  auto second = set.next_completed();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->key, follow_up);
  EXPECT_TRUE(second->completed());
  EXPECT_EQ(second->turn->thread, started.thread);
}

TEST_P(TurnSets, AFailedCreateIsReportedWithItsError) {
  mock::Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/[^/]+/turns";
  fault.status = 400;
  server.add_fault(fault);
  TurnSet set(real_client());
  set.add(ask("hi"));
  auto finished = set.next_completed();
  ASSERT_TRUE(finished);
  EXPECT_THROW(std::rethrow_exception(finished->error), BadRequestError);
  EXPECT_FALSE(set.next_completed(milliseconds(0)).has_value());  // nothing left
}

TEST_P(TurnSets, NextCompletedGivesUpAfterItsTimeout) {
  server.configure(manual_turns());
  TurnSetOptions set_options;
  set_options.waiting = quick_polls();
  TurnSet set(real_client(), set_options);
  set.add(ask("never finishes"));
  EXPECT_FALSE(set.next_completed(milliseconds(50)).has_value());
  EXPECT_EQ(set.running(), 1u);
}

}  // namespace
}  // namespace paradigm::testing
