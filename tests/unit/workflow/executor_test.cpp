// Where continuations run: an Executor per client and per call (a plain
// single-threaded queue here), on a scripted transport. Without one, they run
// on the event loop's thread (async_test.cpp).
#include "support/queue_loop.hpp"
#include "workflow_test_util.hpp"

#include <paradigm/turn_set.hpp>

#include <atomic>
#include <future>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::seconds;

// A base of its own: made before the client, destroyed after it.
struct ExecutorQueue {
  QueueLoop queue;
};

ClientOptions with_executor(const QueueLoop& loop) {
  ClientOptions options = ScriptedClient::default_options();
  options.executor = loop.executor();
  return options;
}

// Waits an hour between polls: the wait never ends by itself.
WaitOptions hour_pauses() {
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->initial_interval = std::chrono::hours(1);
  wait.policy->max_interval = std::chrono::hours(1);
  wait.policy->deadline = std::chrono::hours(2);
  return wait;
}

class Executors : protected ExecutorQueue, public WorkflowTest {
 protected:
  Executors() : WorkflowTest(with_executor(queue)) {}
};

TEST_F(Executors, AContinuationRunsOnTheClientsExecutorOnly) {
  server().expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  std::atomic<int> runs{0};
  std::thread::id ran_on;
  Future<Thread> pending = client().async_get_thread("t1");
  Future<std::string> id = pending.then([&](Future<Thread> done) {
    ++runs;
    ran_on = std::this_thread::get_id();
    return done.get().id;
  });
  pending.wait();
  EXPECT_EQ(runs.load(), 0) << "ran before the queue did";
  ASSERT_TRUE(queue.run_until([&] { return id.ready(); }));
  EXPECT_EQ(id.get(), "t1");
  EXPECT_EQ(runs.load(), 1);
  EXPECT_EQ(ran_on, std::this_thread::get_id());  // the thread that ran the queue
}

TEST_F(Executors, AReadyFuturesContinuationIsHandedToTheExecutorToo) {
  server().expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  Future<Thread> done = client().async_get_thread("t1");
  done.wait();
  bool ran = false;
  done.then([&](const Future<Thread>&) { ran = true; });
  EXPECT_FALSE(ran);
  EXPECT_EQ(queue.run_ready(), 1u);
  EXPECT_TRUE(ran);
}

TEST_F(Executors, AChainRunsEveryStepOnTheExecutor) {
  server().expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  std::vector<std::thread::id> steps;
  Future<int> chained = client()
                            .async_get_thread("t1")
                            .then([&](Future<Thread>) {
                              steps.push_back(std::this_thread::get_id());
                              return 1;
                            })
                            .then([&](Future<int> one) {
                              steps.push_back(std::this_thread::get_id());
                              return one.get() + 1;
                            });
  ASSERT_TRUE(queue.run_until([&] { return chained.ready(); }));
  EXPECT_EQ(chained.get(), 2);
  EXPECT_EQ(steps, (std::vector<std::thread::id>(2, std::this_thread::get_id())));
}

TEST_F(Executors, ACallsOwnExecutorOverridesTheClients) {
  // t2's answer waits until its continuation is attached (else it would rightly run at once, here).
  std::promise<void> attached;
  ScriptedAnswer t2 = json_answer(thread("t2"));
  t2.before = [ready = attached.get_future().share()] { ready.wait(); };
  server()
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")))
      .expect("GET", "/api/v3/threads/t2", t2);
  QueueLoop other;
  CallOptions on_other;
  on_other.executor = other.executor();
  bool ran = false;
  Future<Thread> first = client().async_get_thread("t1", on_other);
  Future<void> after = first.then([&](const Future<Thread>&) { ran = true; });
  ASSERT_TRUE(other.run_until([&] { return after.ready(); }));
  EXPECT_TRUE(ran);
  EXPECT_EQ(queue.posted(), 0u);
  // inline_executor(): at once, where the call completes (the loop's thread).
  CallOptions at_once;
  at_once.executor = inline_executor();
  std::promise<std::thread::id> ran_on;
  client().async_get_thread("t2", at_once).then([&](const Future<Thread>&) {
    ran_on.set_value(std::this_thread::get_id());
  });
  attached.set_value();
  EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
  EXPECT_EQ(queue.posted(), 0u);
}

TEST_F(Executors, AnErrorReachesTheContinuationOnTheExecutor) {
  server().expect("GET", "/api/v3/threads/t1", json_answer(404, R"({"detail": "Not found."})"));
  Future<bool> not_found = client().async_get_thread("t1").then([](Future<Thread> done) {
    try {
      done.get();
    } catch (const NotFoundError&) {
      return true;
    }
    return false;
  });
  ASSERT_TRUE(queue.run_until([&] { return not_found.ready(); }));
  EXPECT_TRUE(not_found.get());
}

TEST_F(Executors, AWaitsDeadlineReachesTheContinuationOnTheExecutor) {
  // Polls at 0 and 0.6 s, and a last one at the deadline.
  for (int poll = 0; poll < 3; ++poll)
    server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->initial_interval = milliseconds(600);
  wait.deadline = seconds(1);
  std::atomic<int> runs{0};
  Future<bool> timed_out = client().async_wait_for_turn("t1", "u1", wait).then([&](Future<Turn> done) {
    ++runs;
    try {
      done.get();
    } catch (const WaitTimeoutError&) {
      return true;
    }
    return false;
  });
  EXPECT_FALSE(timed_out.wait_for(milliseconds(50))) << "ran before the queue did";
  ASSERT_TRUE(queue.run_until([&] { return timed_out.ready(); }));
  EXPECT_TRUE(timed_out.get());
  EXPECT_EQ(runs.load(), 1);
}

TEST_F(Executors, ACancelledCallsContinuationRunsOnTheExecutorWithCancelledError) {
  auto transport = std::make_shared<ScriptedTransport>();
  std::promise<void> polled;
  ScriptedAnswer running = json_answer(turn("u1", "running"));
  running.before = [&] { polled.set_value(); };
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", running);
  ClientOptions options = with_executor(queue);
  ThreadsClient real_clock(detail::make_connection(options, transport, detail::system_clock()));
  Future<Turn> pending = real_clock.async_wait_for_turn("t1", "u1", hour_pauses());
  Future<bool> cancelled = pending.then([](Future<Turn> done) {
    try {
      done.get();
    } catch (const CancelledError&) {
      return true;
    }
    return false;
  });
  polled.get_future().wait();
  // A deadline of the caller's: wait_for gives up, then the call is cancelled.
  EXPECT_FALSE(pending.wait_for(milliseconds(20)));
  pending.cancel();
  ASSERT_TRUE(queue.run_until([&] { return cancelled.ready(); }));
  EXPECT_TRUE(cancelled.get());
}

TEST_F(Executors, DestroyingTheClientHandsNothingToTheExecutor) {
  auto transport = std::make_shared<ScriptedTransport>();
  std::promise<void> polled;
  ScriptedAnswer running = json_answer(turn("u1", "running"));
  running.before = [&] { polled.set_value(); };
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", running);
  Future<void> chained;
  {
    ThreadsClient real_clock(
        detail::make_connection(with_executor(queue), transport, detail::system_clock()));
    chained = real_clock.async_wait_for_turn("t1", "u1", hour_pauses()).then([](const Future<Turn>&) {
      ADD_FAILURE() << "a continuation ran after its connection went";
    });
    polled.get_future().wait();
  }
  EXPECT_THROW(chained.get(), CancelledError);
  EXPECT_EQ(queue.run_ready(), 0u);
}

TEST_F(Executors, ATurnSetKeepsItsBooksWhileTheExecutorIsNotRun) {
  server()
      .expect("POST", "/api/v3/threads/turns", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnSet set(client());
  set.add(ask());
  // Blocking, with the client's executor never run: the set's own steps do not wait for it.
  const auto finished = set.next_completed(std::chrono::seconds(30));
  ASSERT_TRUE(finished && finished->turn);
  EXPECT_EQ(finished->turn->final_answer(), "Paris");
  EXPECT_EQ(queue.posted(), 0u);
}

TEST_F(Executors, ATurnSetsNextFuturesRunOnTheExecutorInOrder) {
  // The first answer waits until the futures below wait for the turns.
  std::promise<void> asked;
  ScriptedAnswer paris = json_answer(turn("u1", "completed", "Paris"));
  paris.before = [all_asked = asked.get_future().share()] { all_asked.wait(); };
  server()
      .expect("POST", "/api/v3/threads/turns", paris)
      .expect("POST", "/api/v3/threads/turns", json_answer(turn("u2", "completed", "Rome")));
  TurnSet set(client());
  set.add(ask());
  set.add(ask("Capital of Italy?"));
  auto first = set.async_next_completed();
  auto withdrawn = set.async_next_completed();
  auto second = set.async_next_completed();
  auto third = set.async_next_completed();
  withdrawn.cancel();  // takes no turn
  EXPECT_THROW(withdrawn.get(), CancelledError);
  asked.set_value();
  std::vector<std::thread::id> ran_on;
  auto answer = [&](Future<std::optional<TurnSet::Finished>> next) {
    ran_on.push_back(std::this_thread::get_id());
    auto finished = std::move(next).get();
    return finished ? finished->turn->final_answer() : std::string("end");
  };
  Future<std::string> answers[] = {first.then(answer), second.then(answer), third.then(answer)};
  ASSERT_TRUE(queue.run_until([&] { return answers[2].ready(); }));
  EXPECT_EQ(answers[0].get(), "Paris");
  EXPECT_EQ(answers[1].get(), "Rome");
  EXPECT_EQ(answers[2].get(), "end");
  EXPECT_EQ(ran_on, std::vector<std::thread::id>(3, std::this_thread::get_id()));
  EXPECT_FALSE(set.async_next_completed().get().has_value());  // every turn was taken
}

TEST_F(Executors, DestroyingATurnSetEndsItsPendingNextFutures) {
  auto transport = std::make_shared<ScriptedTransport>();
  std::promise<void> polled;
  ScriptedAnswer running = json_answer(turn("u1", "running"));
  running.before = [&] { polled.set_value(); };
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", running);
  ThreadsClient real_clock(detail::make_connection(with_executor(queue), transport, detail::system_clock()));
  TurnSetOptions options;
  options.waiting = hour_pauses();
  Future<std::optional<TurnSet::Finished>> pending;
  {
    TurnSet set(real_clock, options);
    set.add_existing("t1", "u1");
    pending = set.async_next_completed();
    polled.get_future().wait();
  }
  EXPECT_THROW(pending.get(), CancelledError);
}

}  // namespace
}  // namespace paradigm::testing
