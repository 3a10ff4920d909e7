// One client, 16 threads, mixed calls: creates, background waits, downloads and
// streams at once, each result checked. Run under TSan too (scripts/test.sh).
#include "support/mock_fixture.hpp"

#include <mutex>
#include <random>
#include <thread>

namespace paradigm::testing {
namespace {

mock::MockConfig short_turns() {
  mock::MockConfig config;
  // Long enough for most background turns to be polled; a slow machine (TSan)
  // may see one finish before its 202 is written, which the round accepts.
  config.turn_duration = std::chrono::milliseconds(20);
  return config;
}

class Concurrency : public MockTest {
 public:
  using MockTest::options;
  using MockTest::server;

 protected:
  Concurrency() : MockTest(short_turns()) {}
};

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 engine(seed);
  std::string bytes(size, '\0');
  for (auto& c : bytes)
    c = static_cast<char>(engine());
  return bytes;
}

void check(bool ok, const std::string& what) {
  if (!ok) throw std::logic_error(what);
}

// One round of everything a worker does; throws on the first wrong result.
void mixed_round(ThreadsClient& client, const std::string& artifact_id, const std::string& artifact_bytes,
                 int worker) {
  const Turn answered = client.create_thread_with_turn(ask("What is the capital of France?"));
  check(answered.status == TurnStatus::completed &&
            answered.final_answer() == "The capital of France is Paris.",
        "sync turn");

  TurnRequest background = ask("worker " + std::to_string(worker));
  background.background = true;
  const Turn started = client.create_thread_with_turn(background);
  check(started.status == TurnStatus::running || started.status == TurnStatus::completed,
        "background turn is accepted");
  const Turn waited = client.wait_for_turn(started.thread, started.id);
  check(waited.status == TurnStatus::completed && waited.id == started.id, "background turn completes");

  check(client.download_artifact_bytes(artifact_id) == artifact_bytes, "artifact bytes");

  std::string streamed;
  const Turn stream = client.stream_turn_text(answered.thread, ask("And its population?"),
                                              [&](std::string_view text) { streamed += text; });
  check(stream.status == TurnStatus::completed && streamed == stream.final_answer() &&
            streamed.find("2.1 million") != std::string::npos,
        "streamed turn");
}

// 16 threads on one client, by each route of blocking calls: JSON answers
// through the event loop (https's default) or on the calling threads (http's).
void sixteen_threads_share_one_client(Concurrency& test, BlockingRoute route) {
  constexpr int kThreads = 16;
  constexpr int kRounds = 3;
  const std::string bytes = random_bytes(256 << 10, 7);
  mock::MockServer& server = test.server;
  const std::string artifact = server.add_artifact(bytes, "application/octet-stream", "data.bin");

  auto options = test.options();
  options.blocking_route = route;
  options.wait.initial_interval = std::chrono::milliseconds(5);
  options.wait.max_interval = std::chrono::milliseconds(20);
  ThreadsClient client(options);  // the real clock: the waits really wait

  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> workers;
  for (int w = 0; w < kThreads; ++w) {
    workers.emplace_back([&, w] {
      try {
        for (int round = 0; round < kRounds; ++round)
          mixed_round(client, artifact, bytes, w);
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(mutex);
        failures.push_back("worker " + std::to_string(w) + ": " + e.what());
      }
    });
  }
  for (auto& worker : workers)
    worker.join();
  EXPECT_TRUE(failures.empty()) << failures.front();
  EXPECT_EQ(server.turns_created(), kThreads * kRounds * 3);
  // One connection per concurrent caller at most in each pool (the blocking
  // pool keeps 16 idle slots); through the loop, downloads still have the
  // blocking pool's connections.
  const int pools = route == BlockingRoute::event_loop ? 2 : 1;
  EXPECT_LE(server.connections_seen(), pools * kThreads);
}

TEST_F(Concurrency, SixteenThreadsShareOneClient) {
  sixteen_threads_share_one_client(*this, BlockingRoute::calling_thread);
}

TEST_F(Concurrency, SixteenThreadsShareOneClientThroughTheEventLoop) {
  sixteen_threads_share_one_client(*this, BlockingRoute::event_loop);
}

TEST_F(Concurrency, CancellingOneCallLeavesTheOthersAlone) {
  auto options = this->options();
  ThreadsClient client(options);
  auto config = server.config();
  config.turn_duration = std::chrono::hours(1);
  server.configure(config);
  TurnRequest background = ask("slow");
  background.background = true;
  const Turn slow = client.create_thread_with_turn(background);

  CallOptions cancellable;
  std::thread waiter(
      [&] { EXPECT_THROW(client.wait_for_turn(slow.thread, slow.id, {}, cancellable), CancelledError); });
  // Meanwhile the same client keeps serving other calls.
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(client.list_threads().results.empty(), false);
  cancellable.cancellation.cancel();
  waiter.join();
}

}  // namespace
}  // namespace paradigm::testing
