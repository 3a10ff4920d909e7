// Every operation as an Asio initiating function (paradigm::AsioClient)
// against the emulator: callbacks, use_future, use_awaitable, deferred;
// handlers on their associated executor; cancellation slots, deadlines with
// a timer, and the frame destroyed with its io_context. Both with the SDK's
// own loop thread and on the io_context itself (paradigm::asio_loop).
#include "support/mock_fixture.hpp"

#include <paradigm/asio.hpp>
#include <paradigm/decorate.hpp>
#include <paradigm/turn_set.hpp>

#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/deferred.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;
using namespace ::asio::experimental::awaitable_operators;

// Every row of the operations table is an initiating function: its form with
// asio::use_future returns a std::future of the row's result (a new row needs
// nothing here).
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                             \
  [[maybe_unused]] void check_##name(AsioClient& api, [[maybe_unused]] const ops::Request& forwarded, \
                                     const CallOptions& forwarded_call) {                             \
    static_assert(                                                                                    \
        std::is_same_v<decltype(api.async_##name(PARADIGM_PARAMS(PARADIGM_MEMBER_, params, optional),  \
                                                 ::asio::use_future)),                                \
                       std::future<Result>>,                                                          \
        "AsioClient::async_" #name " with asio::use_future");                                         \
  }
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

enum class Loop { own_thread, asio };

class AsioClients : public ManualTurnsTest, public ::testing::WithParamInterface<Loop> {
 protected:
  ClientOptions on_loop() const {
    ClientOptions with = options();
    if (GetParam() == Loop::asio) with.external_loop = asio_loop(io.get_executor());
    return with;
  }
  AsioClient api() { return AsioClient(io, ThreadsClient(on_loop())); }

  // A turn that runs until the test completes it.
  Turn running_turn() {
    TurnRequest background = ask("Long");
    background.background = true;
    return client().create_thread_with_turn(background);
  }

  // Runs the io_context until `done()` (the calls of the SDK's own loop
  // come back through posted handlers, which the run keeps waiting for).
  template <class Done>
  void run_until(Done done) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!done() && std::chrono::steady_clock::now() < give_up) {
      io.restart();
      io.run_for(milliseconds(10));
    }
    ASSERT_TRUE(done());
  }

  mutable ::asio::io_context io;
};

INSTANTIATE_TEST_SUITE_P(AsioClients, AsioClients, ::testing::Values(Loop::own_thread, Loop::asio),
                         [](const ::testing::TestParamInfo<Loop>& loop) {
                           return loop.param == Loop::own_thread ? "own_thread" : "asio";
                         });

TEST_P(AsioClients, ACallbackRunsOnTheIoContextWithTheResultOrTheError) {
  AsioClient paradigm = api();
  const std::string thread = client().create_thread().id;
  std::optional<std::string> found;
  std::exception_ptr missing;
  std::thread::id ran_on;
  paradigm.async_get_thread(thread, [&](std::exception_ptr error, Thread got) {
    EXPECT_FALSE(error);
    found = got.id;
    ran_on = std::this_thread::get_id();
  });
  paradigm.async_get_thread("no-such-thread", [&](std::exception_ptr error, Thread) { missing = error; });
  EXPECT_FALSE(found.has_value()) << "a handler ran inside its initiating function";
  run_until([&] { return found && missing; });
  EXPECT_EQ(*found, thread);
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_THROW(std::rethrow_exception(missing), NotFoundError);
}

TEST_P(AsioClients, UseFutureGivesAStdFuture) {
  AsioClient paradigm = api();
  std::thread runner([&] {
    auto work = ::asio::make_work_guard(io);
    io.run_for(std::chrono::seconds(30));
  });
  std::future<Thread> created = paradigm.async_create_thread(::asio::use_future);
  const std::string id = created.get().id;
  std::future<Thread> missing = paradigm.async_get_thread("no-such-thread", ::asio::use_future);
  EXPECT_THROW(missing.get(), NotFoundError);
  std::future<void> feedback =
      paradigm.async_send_feedback(id, "no-such-turn", FeedbackAction::copied, ::asio::use_future);
  EXPECT_THROW(feedback.get(), NotFoundError);
  io.stop();
  runner.join();
}

TEST_P(AsioClients, UseAwaitableInACoroutine) {
  AsioClient paradigm = api();
  std::string answer;
  std::string error;
  ::asio::co_spawn(
      io,
      [&]() -> ::asio::awaitable<void> {
        CreateOptions create;
        create.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
        create.waiting.policy = WaitPolicy{};
        create.waiting.policy->initial_interval = milliseconds(5);
        const Turn turn = co_await paradigm.async_create_thread_with_turn(ask("Capital of France?"), create,
                                                                          ::asio::use_awaitable);
        answer = turn.final_answer();
        try {
          co_await paradigm.async_get_turn(turn.thread, "no-such-turn", ::asio::use_awaitable);
        } catch (const NotFoundError& e) {
          error = e.what();
        }
      },
      ::asio::detached);
  run_until([&] { return !error.empty(); });
  EXPECT_NE(answer.find("Paris"), std::string::npos);
}

TEST_P(AsioClients, ADefaultTokenMayBeSetOnTheClient) {
  auto paradigm = ::asio::use_awaitable_t<>::as_default_on(api());
  std::string id;
  ::asio::co_spawn(
      io,
      [&]() -> ::asio::awaitable<void> {
        const Thread thread = co_await paradigm.async_create_thread();
        id = (co_await paradigm.async_get_thread(thread.id)).id;
      },
      ::asio::detached);
  run_until([&] { return !id.empty(); });
}

TEST_P(AsioClients, ADeferredOperationSendsNothingUntilLaunched) {
  AsioClient paradigm = api();
  auto later = paradigm.async_create_thread(::asio::experimental::deferred);
  io.restart();
  io.run_for(milliseconds(50));
  EXPECT_EQ(count("POST", "/api/v3/threads"), 0u);
  std::optional<std::string> id;
  std::move(later)([&](std::exception_ptr error, Thread created) {
    EXPECT_FALSE(error);
    id = created.id;
  });
  run_until([&] { return id.has_value(); });
  EXPECT_EQ(count("POST", "/api/v3/threads"), 1u);
}

TEST_P(AsioClients, ACancellationSlotCancelsTheCall) {
  AsioClient paradigm = api();
  const Turn turn = running_turn();
  ::asio::cancellation_signal cancel;
  std::exception_ptr ended;
  bool done = false;
  paradigm.async_wait_for_turn(
      turn.thread, turn.id,
      ::asio::bind_cancellation_slot(cancel.slot(), [&](std::exception_ptr error, Turn) {
        ended = error;
        done = true;
      }));
  io.restart();
  io.run_for(milliseconds(30));
  EXPECT_FALSE(done);
  cancel.emit(::asio::cancellation_type::terminal);
  run_until([&] { return done; });
  EXPECT_THROW(std::rethrow_exception(ended), CancelledError);
}

TEST_P(AsioClients, ATimerIsADeadlineThatCancelsTheCall) {
  AsioClient paradigm = api();
  const Turn turn = running_turn();
  std::optional<std::size_t> winner;
  ::asio::co_spawn(
      io,
      [&]() -> ::asio::awaitable<void> {
        ::asio::steady_timer deadline(io, milliseconds(100));
        auto first = co_await (paradigm.async_wait_for_turn(turn.thread, turn.id, ::asio::use_awaitable) ||
                               deadline.async_wait(::asio::use_awaitable));
        winner = first.index();
      },
      ::asio::detached);
  run_until([&] { return winner.has_value(); });
  EXPECT_EQ(*winner, 1u);  // the deadline; the wait was cancelled (the coroutine went on)
}

// The SDK on its own loop thread (an asio_loop would be on the io_context destroyed).
class AsioFrames : public ManualTurnsTest {};

TEST_F(AsioFrames, DestroyingTheIoContextDestroysTheAwaitingFrameAndCancelsTheCall) {
  TurnRequest background = ask("Long");
  background.background = true;
  const Turn turn = client().create_thread_with_turn(background);
  // A connection that shows the Futures of the calls it runs.
  std::mutex mutex;
  std::vector<Future<Turn>> waits;
  auto watched = decorate(make_threads_connection(options()), [&](const auto& call, auto next) {
    auto result = next(call.request, call.options);
    if constexpr (std::is_same_v<decltype(result), Future<Turn>>) {
      std::lock_guard<std::mutex> lock(mutex);
      waits.push_back(result);
    }
    return result;
  });
  std::atomic<bool> frame_gone{false};
  struct SetOnDestruction {
    std::atomic<bool>& flag;
    ~SetOnDestruction() { flag = true; }
  };
  {
    ::asio::io_context context;
    AsioClient paradigm(context, ThreadsClient(watched));
    ::asio::co_spawn(
        context,
        [&]() -> ::asio::awaitable<void> {
          SetOnDestruction in_frame{frame_gone};
          co_await paradigm.async_wait_for_turn(turn.thread, turn.id, ::asio::use_awaitable);
          ADD_FAILURE() << "resumed after its io_context was destroyed";
        },
        ::asio::detached);
    context.run_for(milliseconds(50));
    EXPECT_FALSE(frame_gone);
  }  // with the wait in flight
  EXPECT_TRUE(frame_gone);
  std::lock_guard<std::mutex> lock(mutex);
  ASSERT_EQ(waits.size(), 1u);
  EXPECT_THROW(waits.front().get(), CancelledError);
}

TEST_P(AsioClients, AHandlerBoundToAStrandRunsOnIt) {
  AsioClient paradigm = api();
  auto strand = ::asio::make_strand(io);
  bool on_strand = false;
  bool done = false;
  paradigm.async_create_thread(::asio::bind_executor(strand, [&](std::exception_ptr, Thread) {
    on_strand = strand.running_in_this_thread();
    done = true;
  }));
  run_until([&] { return done; });
  EXPECT_TRUE(on_strand);
}

TEST_P(AsioClients, AnyFutureIsAnAsioOperation) {
  AsioClient paradigm = api();
  server.configure(mock::MockConfig{});
  TurnSet set(paradigm.client());
  for (int i = 0; i < 3; ++i)
    set.add(ask("Question " + std::to_string(i)));
  int completed = 0;
  bool done = false;
  ::asio::co_spawn(
      io,
      [&]() -> ::asio::awaitable<void> {
        while (auto finished = co_await paradigm.async_get(set.async_next_completed(), ::asio::use_awaitable))
          completed += finished->completed();
        done = true;
      },
      ::asio::detached);
  run_until([&] { return done; });
  EXPECT_EQ(completed, 3);
}

}  // namespace
}  // namespace paradigm::testing
