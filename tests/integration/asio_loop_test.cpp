// The SDK on an Asio io_context (paradigm::asio_loop) against the emulator:
// one thread runs the application and the SDK, run() returns once nothing is
// in flight, deadlines of the transfers still hold, and a client destroyed
// with transfers in flight leaves the io_context with nothing to do. The
// shared async suite runs on this loop too (async_test.cpp, turn_set_test.cpp).
#include "support/mock_fixture.hpp"

#include <paradigm/asio.hpp>
#include <paradigm/turn_set.hpp>

#include <atomic>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

class AsioLoop : public MockTest {
 protected:
  ClientOptions on_asio() const {
    ClientOptions with = options();
    with.external_loop = asio_loop(io.get_executor());
    return with;
  }

  mutable ::asio::io_context io;  // declared after the server, before the clients
};

TEST_F(AsioLoop, OneThreadRunsTheApplicationAndTheSdkAndRunReturnsWhenAllIsDone) {
  // (The emulator runs in this process, on threads of its own.)
  mock::MockConfig config;
  config.turn_duration = milliseconds(30);
  server.configure(config);
  ThreadsClient client(on_asio());
  const std::string thread = client.create_thread().id;  // blocking: on this thread
  const auto here = std::this_thread::get_id();
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i) {
    client.async_get_thread(thread).then([&](Future<Thread> got) {
      EXPECT_EQ(got.get().id, thread);
      EXPECT_EQ(std::this_thread::get_id(), here);
      ++done;
    });
  }
  TurnSetOptions quick;
  quick.waiting.policy = WaitPolicy{};
  quick.waiting.policy->initial_interval = milliseconds(10);
  quick.waiting.policy->max_interval = milliseconds(20);
  TurnSet set(client, quick);
  for (int i = 0; i < 20; ++i)
    set.add(ask("Question " + std::to_string(i)));
  int finished = 0;
  std::function<void()> take_next = [&] {
    set.async_next_completed().then([&](Future<std::optional<TurnSet::Finished>> next) {
      EXPECT_EQ(std::this_thread::get_id(), here);
      auto turn = std::move(next).get();
      if (!turn) return;
      EXPECT_TRUE(turn->completed());
      ++finished;
      take_next();
    });
  };
  take_next();
  io.run();  // returns once nothing is in flight
  EXPECT_EQ(done.load(), 20);
  EXPECT_EQ(finished, 20);
  // (That the process then has no thread but this one is shown out of
  // process: the asio_server example's smoke test, and bench_turns asio.)
}

TEST_F(AsioLoop, AStalledAnswerEndsWithTimeoutErrorOnTheLoopsTimer) {
  ThreadsClient client(on_asio());
  const std::string thread = client.create_thread().id;
  mock::Fault hold;
  hold.method = "GET";
  hold.path_regex = "/api/v3/threads/" + thread;
  hold.transport = mock::TransportFault::stall_before_response;
  server.add_fault(hold);
  CallOptions quick;
  quick.stall_timeout = milliseconds(200);
  quick.retry = RetryPolicy{};
  quick.retry->max_retries = 0;
  Future<Thread> stalled = client.async_get_thread(thread, quick);
  io.run();
  EXPECT_THROW(stalled.get(), TimeoutError);
}

TEST_F(AsioLoop, ACancelledCallEndsAndTheLoopHasNothingLeft) {
  ThreadsClient client(on_asio());
  const std::string thread = client.create_thread().id;
  mock::Fault hold;
  hold.method = "GET";
  hold.path_regex = "/api/v3/threads/" + thread;
  hold.transport = mock::TransportFault::stall_before_response;
  server.add_fault(hold);
  Future<Thread> held = client.async_get_thread(thread);
  // A deadline of the application's: an Asio timer cancels the call.
  ::asio::steady_timer deadline(io, milliseconds(100));
  deadline.async_wait([&](const ::asio::error_code&) { held.cancel(); });
  io.run();
  EXPECT_THROW(held.get(), CancelledError);
}

TEST_F(AsioLoop, DestroyingTheClientWithTransfersInFlightLeavesTheIoContextIdle) {
  Future<Thread> held;
  {
    ThreadsClient client(on_asio());
    const std::string thread = client.create_thread().id;
    mock::Fault hold;
    hold.method = "GET";
    hold.path_regex = "/api/v3/threads/" + thread;
    hold.transport = mock::TransportFault::stall_before_response;
    server.add_fault(hold);
    held = client.async_get_thread(thread);
    for (int i = 0; i < 50 && server.requests("GET", "/api/v3/threads/" + thread).empty(); ++i)
      io.run_for(milliseconds(20));
    ASSERT_FALSE(server.requests("GET", "/api/v3/threads/" + thread).empty());
  }
  EXPECT_THROW(held.get(), CancelledError);
  io.restart();
  const auto before = std::chrono::steady_clock::now();
  io.run();  // no socket watched, no timer set: returns at once
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(5));
}

TEST_F(AsioLoop, ALargeDownloadArrivesWhole) {
  const std::string body(16 << 20, 'q');
  const std::string id = server.add_artifact(body, "application/octet-stream", "q.bin");
  ThreadsClient client(on_asio());
  Future<std::string> bytes = client.async_download_artifact_bytes(id);
  io.run();
  EXPECT_EQ(bytes.get().size(), body.size());
}

TEST_F(AsioLoop, AnIoContextRunByFourThreadsServesOneClientThroughItsStrand) {
  ThreadsClient client(on_asio());
  const std::string thread = client.create_thread().id;
  std::atomic<int> done{0};
  for (int i = 0; i < 100; ++i) {
    client.async_get_thread(thread).then([&](Future<Thread> got) {
      EXPECT_EQ(got.get().id, thread);
      ++done;
    });
  }
  std::vector<std::thread> runners;
  for (int i = 0; i < 4; ++i)
    runners.emplace_back([&] { io.run(); });
  for (auto& runner : runners)
    runner.join();
  EXPECT_EQ(done.load(), 100);
}

}  // namespace
}  // namespace paradigm::testing
