// The engine turned by the application's loop (ClientOptions::external_loop)
// rather than a thread of the SDK's: here a plain queue the test runs on its
// own thread, over a scripted transport. The Asio loop, on real sockets, is
// in tests/integration.
#include "support/queue_loop.hpp"
#include "workflow_test_util.hpp"

#include <atomic>
#include <fstream>
#include <thread>

namespace paradigm::testing {
namespace {

int threads_now() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  }
  return -1;
}

struct LoopQueue {
  QueueLoop queue;
};

class ExternalLoops : protected LoopQueue, public WorkflowTest {
 protected:
  ExternalLoops() : WorkflowTest(on_queue(queue)) {}

  static ClientOptions on_queue(const QueueLoop& loop) {
    ClientOptions options = ScriptedClient::default_options();
    options.external_loop = loop.external_loop();
    return options;
  }

  ThreadsClient real_clock_client(const std::shared_ptr<ScriptedTransport>& transport) const {
    return ThreadsClient(detail::make_connection(on_queue(queue), transport, detail::system_clock()));
  }
};

WaitOptions quick_polls() {
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->initial_interval = milliseconds(5);
  wait.policy->max_interval = milliseconds(5);
  return wait;
}

TEST_F(ExternalLoops, CallsMoveOnlyWhenTheApplicationsLoopRunsAndNoThreadIsStarted) {
  server().expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  const int threads_before = threads_now();
  std::thread::id ran_on;
  Future<Thread> pending = client().async_get_thread("t1");
  Future<void> after = pending.then([&](const Future<Thread>&) { ran_on = std::this_thread::get_id(); });
  EXPECT_FALSE(pending.wait_for(milliseconds(20)));  // nothing turns the engine but the queue
  EXPECT_EQ(threads_now(), threads_before);
  ASSERT_TRUE(queue.run_until([&] { return after.ready(); }));
  EXPECT_EQ(pending.get().id, "t1");
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_EQ(threads_now(), threads_before);
}

TEST_F(ExternalLoops, PausesAreTheLoopsTimer) {
  auto transport = std::make_shared<ScriptedTransport>();
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  ThreadsClient real_clock = real_clock_client(transport);
  Future<Turn> pending = real_clock.async_wait_for_turn("t1", "u1", quick_polls());
  bool timer_was_set = false;
  ASSERT_TRUE(queue.run_until([&] {
    timer_was_set = timer_was_set || queue.timers_set() > 0;
    return pending.ready();
  }));
  EXPECT_EQ(pending.get().final_answer(), "Paris");
  EXPECT_TRUE(timer_was_set);
  EXPECT_EQ(transport->pending(), 0u);
}

TEST_F(ExternalLoops, ABlockingCallRunsOnTheCallingThreadWhileTheLoopIsIdle) {
  server().expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  EXPECT_EQ(client().get_thread("t1").id, "t1");  // the queue never runs: no hand-over to it
  EXPECT_EQ(queue.posted(), 0u);
}

TEST_F(ExternalLoops, DestroyingTheLastClientEndsCallsAndLeavesNoTimerSet) {
  auto transport = std::make_shared<ScriptedTransport>();
  transport->expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  WaitOptions endless;
  endless.policy = WaitPolicy{};
  endless.policy->initial_interval = std::chrono::hours(1);
  endless.policy->max_interval = std::chrono::hours(1);
  Future<Turn> pending;
  Future<void> chained;
  {
    ThreadsClient real_clock = real_clock_client(transport);
    pending = real_clock.async_wait_for_turn("t1", "u1", endless);
    ASSERT_TRUE(queue.run_until([&] { return transport->pending() == 0 && queue.timers_set() == 1; }));
    chained = pending.then([](const Future<Turn>&) { ADD_FAILURE() << "ran after its connection went"; });
  }
  EXPECT_THROW(pending.get(), CancelledError);
  EXPECT_THROW(chained.get(), CancelledError);
  EXPECT_EQ(queue.timers_set(), 0u);
  queue.run_ready();  // what was posted before finds the engine gone
}

TEST_F(ExternalLoops, TheLastClientMayBeDestroyedFromACallbackOnTheLoop) {
  auto transport = std::make_shared<ScriptedTransport>();
  transport->expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  auto owner = std::make_shared<ThreadsClient>(real_clock_client(transport));
  bool released = false;
  owner->async_get_thread("t1").then([&](const Future<Thread>&) {
    owner.reset();  // within the loop's call: the engine goes once it returns
    released = true;
  });
  ASSERT_TRUE(queue.run_until([&] { return released; }));
  EXPECT_EQ(owner, nullptr);
}

TEST_F(ExternalLoops, ACallStartedFromAContinuationRunsInTheSameTurnOfTheLoop) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(201, thread("t1")))
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1", "running")));
  Future<Thread> second;
  Future<void> started = client().async_create_thread().then(
      [&](const Future<Thread>& created) { second = client().async_get_thread(created.get().id); });
  ASSERT_TRUE(queue.run_until([&] { return started.ready() && second.valid() && second.ready(); }));
  EXPECT_EQ(second.get().status, TurnStatus::running);
}

// Hooks whose post() runs the work at once, on the caller's thread: the
// engine is then turned by whoever posts, and must neither deadlock nor
// re-enter itself.
struct AtOnceHooks final : LoopHooks {
  void watch(NativeSocket, SocketEvents) override {}
  void set_timer(std::optional<std::chrono::milliseconds>) override {}
  void post(Work work) override { work(); }
};

TEST(ExternalLoopHooks, WorkRunAtOnceByPostIsServedWithoutReentry) {
  ClientOptions options = ScriptedClient::default_options();
  options.external_loop = [](std::weak_ptr<LoopDriver>) { return std::make_unique<AtOnceHooks>(); };
  ScriptedClient scripted(options);
  scripted.transport->expect("POST", "/api/v3/threads", json_answer(201, thread("t1")))
      .expect("GET", "/api/v3/threads/t1", json_answer(thread("t1", "running")));
  Future<Thread> second;
  Future<Thread> first = scripted.client.async_create_thread();
  // Posting ran the whole call already.
  ASSERT_TRUE(first.ready());
  first.then(
      [&](const Future<Thread>& created) { second = scripted.client.async_get_thread(created.get().id); });
  ASSERT_TRUE(second.valid());
  EXPECT_EQ(second.get().status, TurnStatus::running);
}

TEST(ExternalLoopHooks, AnExternalLoopThatMakesNoHooksIsACleanError) {
  ClientOptions options = ScriptedClient::default_options();
  options.external_loop = [](std::weak_ptr<LoopDriver>) { return std::unique_ptr<LoopHooks>(); };
  ScriptedClient scripted(options);
  EXPECT_THROW(scripted.client.async_get_thread("t1").get(), InvalidRequestError);
}

}  // namespace
}  // namespace paradigm::testing
