// C++20 coroutines over paradigm::Future (<paradigm/coro.hpp>): awaiting in
// any coroutine, Futures as coroutines, cancellation by the Future, by a
// std::stop_token and by destroying the suspended frame; first on futures
// made by hand, then against the emulator.
#include "support/mock_fixture.hpp"
#include "support/queue_loop.hpp"

#include <paradigm/coro.hpp>
#include <paradigm/event_stream.hpp>
#include <paradigm/turn_set.hpp>

#include <atomic>
#include <coroutine>
#include <future>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

// A call that ends only when cancelled, with CancelledError, as the SDK's do.
struct PendingCall {
  PendingCall()
      : promise([this] {
          cancelled = true;
          promise.set_exception(std::make_exception_ptr(CancelledError("cancelled")));
        }) {}
  Future<int> future() const { return promise.future(); }

  std::atomic<bool> cancelled{false};
  Promise<int> promise;
};

// A coroutine the test owns: runs at once, stays suspended at its end, and is
// destroyed by the test (whenever it wants: also while suspended elsewhere).
struct OwnedCoroutine {
  struct promise_type {
    OwnedCoroutine get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  OwnedCoroutine(std::coroutine_handle<promise_type> owned) : handle(owned) {}  // NOLINT
  OwnedCoroutine(OwnedCoroutine&& other) noexcept : handle(std::exchange(other.handle, {})) {}
  OwnedCoroutine& operator=(OwnedCoroutine&&) = delete;
  ~OwnedCoroutine() {
    if (handle) handle.destroy();
  }
  bool done() const { return handle.done(); }

  std::coroutine_handle<promise_type> handle;
};

// Sets a flag when destroyed (with the coroutine frame that holds it).
struct SetOnDestruction {
  std::atomic<bool>& flag;
  ~SetOnDestruction() { flag = true; }
};

Future<int> plus_one(Future<int> input) {
  const int value = co_await std::move(input);
  co_return value + 1;
}

Future<std::string> describe(Future<int> input) {
  try {
    co_await std::move(input);
    co_return "value";
  } catch (const NotFoundError&) {
    co_return "not found";
  }
}

TEST(Coroutines, AFutureCoroutineAwaitsAReadyFutureAndAPendingOne) {
  EXPECT_EQ(plus_one(make_ready_future(1)).get(), 2);
  Promise<int> later;
  Future<int> result = plus_one(later.future());
  EXPECT_FALSE(result.ready());
  later.set_value(41);
  EXPECT_EQ(result.get(), 42);
}

TEST(Coroutines, ErrorsArriveAsTheSameExceptions) {
  Future<int> failed = make_failed_future<int>(std::make_exception_ptr(NotFoundError("gone", {})));
  EXPECT_EQ(describe(failed).get(), "not found");
  EXPECT_THROW(plus_one(failed).get(), NotFoundError);  // unhandled: the Future's error
}

TEST(Coroutines, AnyCoroutineMayAwaitAFutureAndResumesWhereItCompletes) {
  Promise<int> later;
  std::thread::id resumed_on;
  int got = 0;
  auto body = [&]() -> OwnedCoroutine {
    got = co_await later.future();
    resumed_on = std::this_thread::get_id();
  };
  OwnedCoroutine coroutine = body();
  EXPECT_FALSE(coroutine.done());
  std::thread completer([&] { later.set_value(7); });
  const auto completer_id = completer.get_id();
  completer.join();
  EXPECT_TRUE(coroutine.done());
  EXPECT_EQ(got, 7);
  EXPECT_EQ(resumed_on, completer_id);  // no executor: the thread that completed it
}

TEST(Coroutines, DestroyingTheSuspendedFrameCancelsTheCallAndNeverResumesIt) {
  PendingCall call;
  std::atomic<bool> frame_gone{false};
  std::atomic<bool> resumed{false};
  auto body = [&]() -> OwnedCoroutine {
    SetOnDestruction in_frame{frame_gone};
    co_await call.future();
    resumed = true;
  };
  {
    OwnedCoroutine coroutine = body();
    EXPECT_FALSE(coroutine.done());
  }  // destroyed while suspended
  EXPECT_TRUE(frame_gone);
  EXPECT_TRUE(call.cancelled);  // and the call ended (CancelledError), resuming nothing
  EXPECT_FALSE(resumed);
}

TEST(Coroutines, CancellingAFutureCoroutineCancelsTheCallItAwaits) {
  PendingCall call;
  Future<int> result = plus_one(call.future());
  result.cancel();
  EXPECT_TRUE(call.cancelled);
  EXPECT_THROW(result.get(), CancelledError);
  // A coroutine cancelled before it awaits: its next call is cancelled at once.
  Promise<int> gate;
  PendingCall second;
  auto two_steps = [&]() -> Future<int> {
    co_await gate.future();
    co_return co_await second.future();
  };
  Future<int> both = two_steps();
  both.cancel();
  gate.set_value(0);
  EXPECT_TRUE(second.cancelled);
  EXPECT_THROW(both.get(), CancelledError);
}

TEST(Coroutines, AStopTokenCancelsTheAwaitedCall) {
  PendingCall call;
  std::stop_source stop;
  auto body = [&]() -> Future<int> { co_return co_await with_stop_token(call.future(), stop.get_token()); };
  Future<int> result = body();
  // A deadline: a stop requested from another thread after a while.
  EXPECT_FALSE(result.wait_for(milliseconds(20)));
  std::thread deadline([&] { stop.request_stop(); });
  deadline.join();
  EXPECT_TRUE(call.cancelled);
  EXPECT_THROW(result.get(), CancelledError);
  // Already stopped: cancelled at once, even a call that would succeed later.
  PendingCall late;
  auto stopped = [&]() -> Future<int> {
    co_return co_await with_stop_token(late.future(), stop.get_token());
  };
  EXPECT_THROW(stopped().get(), CancelledError);
  EXPECT_TRUE(late.cancelled);
}

TEST(Coroutines, AFutureCoroutinesStopTokenIsStoppedByItsCancel) {
  Promise<int> gate;
  std::stop_token seen;
  auto body = [&]() -> Future<void> {
    seen = co_await this_coro::stop_token;
    co_await gate.future();
  };
  Future<void> result = body();
  EXPECT_FALSE(seen.stop_requested());
  result.cancel();
  EXPECT_TRUE(seen.stop_requested());
}

TEST(Coroutines, ResumptionRunsOnTheFuturesExecutor) {
  QueueLoop queue;
  queue.start();
  Promise<int> later;
  Future<int> input = later.future();
  detail::FutureAccess::state(input)->set_executor(queue.executor());  // as a call with an executor has
  std::thread::id resumed_on;
  auto body = [&]() -> Future<int> {
    const int value = co_await input;
    resumed_on = std::this_thread::get_id();
    co_return value;
  };
  Future<int> result = body();
  later.set_value(3);
  EXPECT_EQ(result.get(), 3);
  EXPECT_EQ(resumed_on, queue.runner());
}

// Against the emulator.
class CoroutineCalls : public MockTest {};

Future<std::vector<std::string>> conversation(ThreadsClient client) {
  // A thread, then a streamed follow-up, then three turns at once.
  const Turn first = co_await client.async_create_thread_with_turn(ask("What is the capital of France?"));
  EventStream events = stream_turn_events(client, first.thread, ask("And its population?"));
  std::size_t count = 0;
  while (std::optional<StreamEvent> event = co_await events.next())
    ++count;
  const Turn streamed = co_await events.result();
  std::vector<Future<Turn>> three;
  for (const char* question : {"One?", "Two?", "Three?"})
    three.push_back(client.async_create_thread_with_turn(ask(question)));
  std::vector<Future<Turn>> done = co_await when_all(std::move(three));
  std::vector<std::string> out{first.final_answer(), std::to_string(count > 0), streamed.final_answer()};
  for (auto& each : done)
    out.push_back(each.get().status == TurnStatus::completed ? "completed" : "not completed");
  co_return out;
}

TEST_F(CoroutineCalls, ACoroutineCreatesStreamsAndRunsThreeTurnsAtOnce) {
  const auto out = conversation(client()).get();
  ASSERT_EQ(out.size(), 6u);
  EXPECT_NE(out[0].find("Paris"), std::string::npos);
  EXPECT_EQ(out[1], "1");  // some events
  EXPECT_NE(out[2].find("million"), std::string::npos);
  EXPECT_EQ(out[3], "completed");
  EXPECT_EQ(out[5], "completed");
  EXPECT_EQ(server.turns_created(), 5);
}

TEST_F(CoroutineCalls, AnHttpErrorIsThrownIntoTheCoroutine) {
  auto body = [](ThreadsClient api) -> Future<std::string> {
    try {
      co_await api.async_get_thread("no-such-thread");
    } catch (const NotFoundError& e) {
      co_return std::string("not found: ") + std::to_string(e.status());
    }
    co_return "found";
  };
  EXPECT_EQ(body(client()).get(), "not found: 404");
}

TEST_F(CoroutineCalls, ATurnSetIsIteratedUntilEveryTurnWasTaken) {
  ThreadsClient api = client();
  TurnSet set(api);
  for (int i = 0; i < 5; ++i)
    set.add(ask("Question " + std::to_string(i)));
  auto body = [](TurnSet& turns) -> Future<int> {
    int completed = 0;
    while (std::optional<TurnSet::Finished> finished = co_await turns.async_next_completed())
      completed += finished->completed();
    co_return completed;
  };
  EXPECT_EQ(body(set).get(), 5);
}

TEST_F(CoroutineCalls, AStreamsErrorEventIsThrownByNextAfterTheEventsBeforeIt) {
  mock::MockConfig config;
  config.stream.error_after_events = 2;
  server.configure(config);
  ThreadsClient api = client();
  const std::string thread = api.create_thread().id;
  auto body = [](ThreadsClient with, std::string id) -> Future<int> {
    EventStream events = stream_turn_events(with, id, ask("Tell me"));
    int seen = 0;
    try {
      while (co_await events.next())
        ++seen;
    } catch (const StreamError&) {
      co_return seen;
    }
    co_return -1;
  };
  EXPECT_EQ(body(api, thread).get(), 3);  // the two events, then the error event itself
}

TEST_F(CoroutineCalls, CancellingTheCoroutineStopsItsWaitAndADeadlineDoesTheSame) {
  server.configure(manual_turns());
  ThreadsClient api = client(options());
  TurnRequest background = ask("Long");
  background.background = true;
  const Turn running = api.create_thread_with_turn(background);
  auto wait = [](ThreadsClient with, Turn turn) -> Future<Turn> {
    co_return co_await with.async_wait_for_turn(turn.thread, turn.id);
  };
  Future<Turn> cancelled = wait(api, running);
  cancelled.cancel();
  EXPECT_THROW(cancelled.get(), CancelledError);
  // A deadline: wait_for gives up, then a stop requested after a timer.
  std::stop_source stop;
  auto bounded = [](ThreadsClient with, Turn turn, std::stop_token token) -> Future<Turn> {
    co_return co_await with_stop_token(with.async_wait_for_turn(turn.thread, turn.id), token);
  };
  Future<Turn> deadline = bounded(api, running, stop.get_token());
  EXPECT_FALSE(deadline.wait_for(milliseconds(50)));
  std::thread timer([&] { stop.request_stop(); });
  timer.join();
  EXPECT_THROW(deadline.get(), CancelledError);
}

TEST_F(CoroutineCalls, DestroyingTheClientResumesTheCoroutineWithCancelledError) {
  server.configure(manual_turns());
  TurnRequest background = ask("Long");
  background.background = true;
  Future<std::string> outcome;
  {
    ThreadsClient api = client();
    const Turn running = api.create_thread_with_turn(background);
    auto wait = [](Future<Turn> call) -> Future<std::string> {
      try {
        co_await std::move(call);
      } catch (const CancelledError&) {
        co_return "cancelled";
      }
      co_return "finished";
    };
    outcome = wait(api.async_wait_for_turn(running.thread, running.id));
    EXPECT_FALSE(outcome.wait_for(milliseconds(20)));
  }
  EXPECT_EQ(outcome.get(), "cancelled");
}

TEST_F(CoroutineCalls, WithAnExecutorEveryResumptionRunsOnIt) {
  QueueLoop queue;
  queue.start();
  ClientOptions with = options();
  with.executor = queue.executor();
  std::vector<std::thread::id> resumed_on;
  auto body = [&](ThreadsClient api) -> Future<void> {
    const Thread thread = co_await api.async_create_thread();
    resumed_on.push_back(std::this_thread::get_id());
    co_await api.async_get_thread(thread.id);
    resumed_on.push_back(std::this_thread::get_id());
  };
  body(client(with)).get();
  EXPECT_EQ(resumed_on, std::vector<std::thread::id>(2, queue.runner()));
}

}  // namespace
}  // namespace paradigm::testing
