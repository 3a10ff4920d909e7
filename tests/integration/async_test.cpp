// Asynchronous calls over libcurl's multi interface against the emulator:
// the same answers as the blocking calls, on one event-loop thread. Every
// test runs twice: on the SDK's own loop thread, and on an Asio io_context
// (paradigm::asio_loop, libcurl's socket interface) with no SDK thread.
#include "support/asio_thread.hpp"
#include "support/concurrent_calls.hpp"
#include "support/mock_fixture.hpp"

#include <atomic>
#include <filesystem>
#include <future>
#include <optional>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

enum class Loop { own_thread, asio };

std::string loop_name(const ::testing::TestParamInfo<Loop>& loop) {
  return loop.param == Loop::own_thread ? "own_thread" : "asio";
}

class AsyncCalls : public ManualTurnsTest, public ::testing::WithParamInterface<Loop> {
 protected:
  ClientOptions options() const {
    ClientOptions with = ManualTurnsTest::options();
    if (GetParam() == Loop::asio) with.external_loop = io.loop();
    return with;
  }
  ThreadsClient client(const ClientOptions& with) { return ManualTurnsTest::client(with); }
  ThreadsClient client() { return client(options()); }

  mutable AsioThread io;  // outlives the clients of the tests
};

INSTANTIATE_TEST_SUITE_P(AsyncCalls, AsyncCalls, ::testing::Values(Loop::own_thread, Loop::asio), loop_name);

TEST_P(AsyncCalls, ACreateIsWaitedForOnTheLoop) {
  auto paradigm = client();
  CreateOptions create;
  create.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  Future<Turn> pending =
      paradigm.async_create_thread_with_turn(ask("What is the capital of France?"), create);
  const Turn& turn = pending.get();
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  EXPECT_EQ(pending.turn()->turn_id, turn.id);
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_P(AsyncCalls, AStreamDeliversItsEventsAsTheyArrive) {
  server.configure(mock::MockConfig{});
  auto paradigm = client();
  const std::string thread = paradigm.create_thread().id;
  std::vector<std::string> names;
  Future<Turn> pending = paradigm.async_stream_turn(thread, ask("What is the capital of France?"),
                                                    [&](const StreamEvent& event) {
                                                      names.push_back(event.event);
                                                      return true;
                                                    });
  EXPECT_EQ(pending.get().status, TurnStatus::completed);
  EXPECT_FALSE(names.empty());
}

TEST_P(AsyncCalls, ManyCallsAtOnceShareACappedPoolOfConnections) {
  auto with = options();
  with.max_connections = 4;
  auto paradigm = client(with);
  const std::string thread = paradigm.create_thread().id;
  std::vector<Future<Thread>> pending;
  for (int i = 0; i < 200; ++i)
    pending.push_back(paradigm.async_get_thread(thread));
  for (auto& each : pending)
    EXPECT_EQ(each.get().id, thread);
}

TEST_P(AsyncCalls, ADownloadToAFileAppearsWhole) {
  const std::string id = server.add_artifact(std::string(1 << 20, 'z'), "application/octet-stream", "z.bin");
  const auto path = std::filesystem::temp_directory_path() / ("paradigm-async-" + id);
  EXPECT_EQ(client().async_download_artifact_to_file(id, path.string()).get().bytes, 1u << 20);
  EXPECT_EQ(std::filesystem::file_size(path), 1u << 20);
  std::filesystem::remove(path);
}

TEST_P(AsyncCalls, BlockingCallersBeyondTheCapWaitForAConnection) {
  auto with = options();
  with.max_connections = 2;
  auto paradigm = client(with);
  const std::string thread = paradigm.create_thread().id;
  EXPECT_EQ(concurrent_get_thread(paradigm, thread, 16, 5), 80);
}

// With one connection, held by a GET the emulator never answers: later calls
// wait in the engine's queue (no easy handle, nothing sent).
class AsyncQueue : public AsyncCalls {
 protected:
  void SetUp() override {
    ClientOptions with = options();
    with.max_connections = 1;
    paradigm = client(with);
    thread = paradigm->create_thread().id;  // a blocking call: its own pool
    mock::Fault hold;
    hold.method = "GET";
    hold.path_regex = "/api/v3/threads/" + thread;
    hold.transport = mock::TransportFault::stall_before_response;  // until cancelled
    server.add_fault(hold);
    busy = paradigm->async_get_thread(thread);
    ASSERT_TRUE(received_busy()) << "the held GET never reached the emulator";
  }

  // Ends the held GET (it never ended by itself) and frees the connection.
  void release() {
    EXPECT_FALSE(busy.ready()) << "the held GET ended by itself";
    busy.cancel();
    EXPECT_THROW(busy.get(), CancelledError);
  }

  std::size_t gets() const { return count("GET", "/api/v3/threads/" + thread); }

  bool received_busy() const {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (gets() == 0) {
      if (std::chrono::steady_clock::now() > give_up) return false;
      std::this_thread::sleep_for(milliseconds(2));
    }
    return true;
  }

  std::optional<ThreadsClient> paradigm;
  std::string thread;
  Future<Thread> busy;
};

INSTANTIATE_TEST_SUITE_P(AsyncQueue, AsyncQueue, ::testing::Values(Loop::own_thread, Loop::asio), loop_name);

TEST_P(AsyncQueue, ACallWaitingForAConnectionEndsWhenCancelledAndIsNeverSent) {
  Future<Thread> waiting = paradigm->async_get_thread(thread);
  waiting.cancel();
  EXPECT_THROW(waiting.get(), CancelledError);
  release();
  EXPECT_EQ(gets(), 1u);
}

TEST_P(AsyncQueue, TheWaitForAConnectionCountsAgainstTheRequestTimeout) {
  CallOptions call;
  call.request_timeout = milliseconds(100);
  call.retry = RetryPolicy{};
  call.retry->max_retries = 0;
  Future<Thread> waiting = paradigm->async_get_thread(thread, call);
  EXPECT_THROW(waiting.get(), TimeoutError);
  release();
  EXPECT_EQ(gets(), 1u);
}

TEST_P(AsyncQueue, CallsWaitingForAConnectionGetItInTurn) {
  std::vector<Future<Thread>> waiting;
  for (int i = 0; i < 5; ++i)
    waiting.push_back(paradigm->async_get_thread(thread));
  for (auto& each : waiting)
    EXPECT_FALSE(each.ready());  // the only connection is held
  release();
  for (auto& each : waiting)
    EXPECT_EQ(each.get().id, thread);
  EXPECT_EQ(gets(), 6u);
}

TEST_P(AsyncCalls, AnHttpErrorIsTheFuturesError) {
  EXPECT_THROW(client().async_get_thread("no-such-thread").get(), NotFoundError);
}

}  // namespace
}  // namespace paradigm::testing
