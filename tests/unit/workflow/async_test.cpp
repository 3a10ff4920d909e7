// Asynchronous calls without a socket: the same workflows on the
// connection's event loop, completed through Futures. Every test runs twice:
// on the SDK's own loop thread, and on an application's loop (a plain queue
// on a thread of its own, ClientOptions::external_loop).
#include "support/queue_loop.hpp"
#include "workflow_test_util.hpp"

#include <atomic>
#include <future>
#include <thread>

namespace paradigm::testing {
namespace {

enum class Loop { own_thread, application };

// The application's loop: made (and running) before the client, stopped after it.
struct RunningQueue {
  RunningQueue() { queue.start(); }
  QueueLoop queue;
};

class Async : protected RunningQueue, public WorkflowTest, public ::testing::WithParamInterface<Loop> {
 protected:
  Async() : WorkflowTest(options_for(GetParam())) {}

  ClientOptions options_for(Loop loop) const {
    ClientOptions options = ScriptedClient::default_options();
    if (loop == Loop::application) options.external_loop = queue.external_loop();
    return options;
  }

  // A client on the real clock (timers of the event loop) over `transport`.
  ThreadsClient real_clock_client(const std::shared_ptr<ScriptedTransport>& transport) const {
    return ThreadsClient(detail::make_connection(options_for(GetParam()), transport, detail::system_clock()));
  }
};

INSTANTIATE_TEST_SUITE_P(Async, Async, ::testing::Values(Loop::own_thread, Loop::application),
                         [](const ::testing::TestParamInfo<Loop>& loop) {
                           return loop.param == Loop::own_thread ? "own_thread" : "application";
                         });

// Waits as long as it takes: the pause after the first poll never ends by itself.
WaitOptions endless_pauses() {
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->initial_interval = std::chrono::hours(1);
  wait.policy->max_interval = std::chrono::hours(1);
  wait.policy->deadline = std::chrono::hours(2);
  return wait;
}

TEST_P(Async, ACreateWaitsThroughA202OnTheLoop) {
  server()
      .expect("POST", "/api/v3/threads/turns", json_answer(202, turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(turn("u1", "completed", "Paris")).header("X-Request-Id", "r9"));
  Future<Turn> pending = client().async_create_thread_with_turn(ask());
  EXPECT_EQ(pending.get().final_answer(), "Paris");
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(750)}));
  ASSERT_TRUE(pending.turn().has_value());
  EXPECT_EQ(pending.turn()->thread_id, "t1");
  EXPECT_EQ(pending.turn()->turn_id, "u1");
  EXPECT_EQ(pending.response().request_id, "r9");
}

TEST_P(Async, ACallbackRunsOnceOnTheLoopThreadOrAtOnceWhenReady) {
  // The answer waits until the callback is attached: otherwise a fast loop
  // could finish first, and the callback would rightly run at once, here.
  std::promise<void> attached;
  ScriptedAnswer answer = json_answer(thread("t1"));
  answer.before = [ready = attached.get_future().share()] { ready.wait(); };
  server().expect("GET", "/api/v3/threads/t1", answer);
  std::promise<std::thread::id> ran_on;
  std::atomic<int> runs{0};
  Future<Thread> pending = client().async_get_thread("t1");
  pending.then([&](const Future<Thread>& done) {
    ++runs;
    EXPECT_EQ(done.get().id, "t1");
    ran_on.set_value(std::this_thread::get_id());
  });
  attached.set_value();
  EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
  pending.wait();
  std::thread::id late;
  pending.then([&](const Future<Thread>&) { late = std::this_thread::get_id(); });
  EXPECT_EQ(late, std::this_thread::get_id());
  EXPECT_EQ(runs.load(), 1);
}

TEST_P(Async, ACallbackMayStartTheNextCall) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(201, thread("t1")))
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1", "running")));
  std::promise<Future<Thread>> next;
  client().async_create_thread().then(
      [&](const Future<Thread>& created) { next.set_value(client().async_get_thread(created.get().id)); });
  EXPECT_EQ(next.get_future().get().get().status, TurnStatus::running);
}

TEST_P(Async, ErrorsComeThroughTheFuture) {
  EXPECT_THROW(client().async_create_thread_with_turn(TurnRequest{}).get(), InvalidRequestError);
  EXPECT_TRUE(server().sent().empty());  // refused before sending
  server().expect("GET", "/api/v3/threads/t1", json_answer(404, R"({"detail": "Not found."})"));
  Future<Thread> missing = client().async_get_thread("t1");
  EXPECT_THROW(missing.get(), NotFoundError);
  EXPECT_NE(missing.error(), nullptr);
}

TEST_P(Async, ManyCallsAtOnceAllFinish) {
  server().any_order();
  std::vector<Future<Thread>> pending;
  for (int i = 0; i < 200; ++i) {
    const std::string id = "t" + std::to_string(i);
    server().expect("GET", "/api/v3/threads/" + id, json_answer(thread(id)));
    pending.push_back(client().async_get_thread(id));
  }
  for (int i = 0; i < 200; ++i)
    EXPECT_EQ(pending[static_cast<std::size_t>(i)].get().id, "t" + std::to_string(i));
}

TEST_P(Async, StreamedEventsReachTheHandlerOnTheLoop) {
  server()
      .expect("POST", "/api/v3/threads/t1/turns",
              sse_answer({{"turn.created", R"({"turn_id": "u1"})"}, {"delta", R"({"delta": "Paris"})"}}))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  std::vector<std::string> names;  // only the loop thread writes, before the future is ready
  Future<Turn> pending = client().async_stream_turn("t1", ask(), [&](const StreamEvent& event) {
    names.push_back(event.event);
    return true;
  });
  EXPECT_EQ(pending.get().final_answer(), "Paris");
  EXPECT_EQ(names, (std::vector<std::string>{"turn.created", "delta"}));
  EXPECT_EQ(pending.turn()->turn_id, "u1");
}

TEST_P(Async, CancellingAFutureStopsItsWait) {
  auto transport = std::make_shared<ScriptedTransport>();
  std::promise<void> polled;
  ScriptedAnswer running = json_answer(turn("u1", "running"));
  running.before = [&] { polled.set_value(); };
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", running);
  ThreadsClient async_client = real_clock_client(transport);
  Future<Turn> pending = async_client.async_wait_for_turn("t1", "u1", endless_pauses());
  polled.get_future().wait();
  pending.cancel();
  EXPECT_THROW(pending.get(), CancelledError);
}

TEST_P(Async, TheCallersTokenCancelsTooButOneFutureDoesNotCancelOthers) {
  auto transport = std::make_shared<ScriptedTransport>();
  transport->any_order();
  std::promise<void> both_polled;
  std::atomic<int> polls{0};
  for (const char* id : {"u1", "u2"}) {
    ScriptedAnswer running = json_answer(turn(id, "running"));
    running.before = [&] {
      if (++polls == 2) both_polled.set_value();
    };
    transport->expect("GET", std::string("/api/v3/threads/t1/turns/") + id, running);
  }
  transport->expect("GET", "/api/v3/threads/t1/turns/u2", json_answer(turn("u2", "completed")));
  ThreadsClient async_client = real_clock_client(transport);
  CallOptions shared;
  Future<Turn> first = async_client.async_wait_for_turn("t1", "u1", endless_pauses(), shared);
  Future<Turn> second = async_client.async_wait_for_turn("t1", "u2", endless_pauses(), shared);
  both_polled.get_future().wait();
  first.cancel();
  EXPECT_THROW(first.get(), CancelledError);
  EXPECT_FALSE(second.ready());
  shared.cancellation.cancel();  // the caller's own token reaches every call that uses it
  EXPECT_THROW(second.get(), CancelledError);
  EXPECT_EQ(transport->pending(), 1u);  // u2's completion was never fetched
}

TEST_P(Async, DestroyingTheLastClientEndsCallsAndRunsNoCallback) {
  auto transport = std::make_shared<ScriptedTransport>();
  std::promise<void> polled;
  ScriptedAnswer running = json_answer(turn("u1", "running"));
  running.before = [&] { polled.set_value(); };
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", running);
  std::atomic<bool> called{false};
  Future<Turn> pending;
  {
    ThreadsClient async_client = real_clock_client(transport);
    pending = async_client.async_wait_for_turn("t1", "u1", endless_pauses());
    polled.get_future().wait();
    pending.then([&](const Future<Turn>&) { called = true; });
  }  // the last copy: the loop stops and is joined here
  EXPECT_THROW(pending.get(), CancelledError);
  EXPECT_FALSE(called.load());
}

TEST_P(Async, DestroyingTheLastClientEndsAChainAndRunsNoContinuation) {
  auto transport = std::make_shared<ScriptedTransport>();
  std::promise<void> polled;
  ScriptedAnswer running = json_answer(turn("u1", "running"));
  running.before = [&] { polled.set_value(); };
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", running);
  std::atomic<bool> called{false};
  Future<std::string> chained;
  {
    ThreadsClient async_client = real_clock_client(transport);
    chained = async_client.async_wait_for_turn("t1", "u1", endless_pauses())
                  .then([&](Future<Turn> done) {
                    called = true;
                    return done.get().id;
                  })
                  .then([&](Future<std::string> id) {
                    called = true;
                    return id.get();
                  });
    polled.get_future().wait();
  }
  EXPECT_THROW(chained.get(), CancelledError);
  EXPECT_FALSE(called.load());
}

TEST_P(Async, ABlockingFormOnlyConnectionAndAnAsyncFormOnlyOneServeBothForms) {
  struct AsyncOnly : ThreadsConnection {
    Future<Thread> async_get_thread(std::string_view thread_id, const CallOptions&) override {
      Thread found;
      found.id = std::string(thread_id);
      return found;
    }
  };
  ThreadsClient fake(std::make_shared<AsyncOnly>());
  EXPECT_EQ(fake.get_thread("t8").id, "t8");  // the blocking form waits for the asynchronous one
  try {
    fake.list_threads();
    FAIL() << "an operation implemented in neither form must throw";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("list_threads"), std::string::npos) << e.what();
  }
}

TEST_P(Async, TheLastClientMayBeDestroyedFromACallback) {
  auto transport = std::make_shared<ScriptedTransport>();
  transport->expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  auto owner = std::make_shared<ThreadsClient>(real_clock_client(transport));
  std::promise<void> released;
  owner->async_get_thread("t1").then([&](const Future<Thread>&) {
    owner.reset();  // on the loop's own thread: no join of itself
    released.set_value();
  });
  released.get_future().wait();
  EXPECT_EQ(owner, nullptr);
}

TEST_P(Async, AConnectionWithOnlyBlockingCallsServesAsyncCodeToo) {
  struct Fake : ThreadsConnection {
    Thread get_thread(std::string_view thread_id, const CallOptions&) override {
      Thread found;
      found.id = std::string(thread_id);
      return found;
    }
  };
  ThreadsClient fake(std::make_shared<Fake>());
  Future<Thread> done = fake.async_get_thread("t7");
  EXPECT_TRUE(done.ready());
  EXPECT_EQ(done.get().id, "t7");
  EXPECT_THROW(fake.async_list_threads().get(), Error);  // not implemented: the error, in the future
}

TEST_P(Async, ReadyAndFailedFuturesForFakes) {
  EXPECT_EQ(make_ready_future(3).get(), 3);
  EXPECT_NO_THROW(make_ready_future().get());
  EXPECT_THROW(make_failed_future<int>(std::make_exception_ptr(NotFoundError("x", {}))).get(), NotFoundError);
  EXPECT_FALSE(Future<int>().valid());
}

}  // namespace
}  // namespace paradigm::testing
