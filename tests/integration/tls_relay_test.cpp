// Blocking calls to an https:// server go through the event loop's
// connections (so that HTTP/2 can multiplex them) and behave exactly as on
// the calling thread: results, errors, retries, limits, cancellation.
#include "support/concurrent_calls.hpp"
#include "support/tls_mock_test.hpp"

#include <atomic>
#include <future>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

class TlsRelay : public TlsMockTest {
 protected:
  ClientOptions options() const { return trusting_options(); }
  ThreadsClient client(const ClientOptions& with) { return test_client(with, clock); }
  ThreadsClient client() { return client(options()); }
};

TEST_F(TlsRelay, ManyThreadsShareTheLoopsConnections) {
  auto paradigm = client();
  const std::string thread = paradigm.create_thread().id;
  EXPECT_EQ(concurrent_get_thread(paradigm, thread, 8, 10), 80);
}

TEST_F(TlsRelay, RetriesAndErrorsAreTheSame) {
  auto paradigm = client();
  const std::string thread = paradigm.create_thread().id;
  mock::Fault busy;
  busy.method = "GET";
  busy.path_regex = "/api/v3/threads/[^/]+";
  busy.status = 503;
  server->add_fault(busy);
  EXPECT_EQ(paradigm.get_thread(thread).id, thread);
  EXPECT_EQ(clock->sleeps(), std::vector<milliseconds>{milliseconds(500)});
  try {
    paradigm.get_thread("no-such-thread");
    FAIL() << "no NotFoundError";
  } catch (const NotFoundError& e) {
    EXPECT_EQ(e.detail(), "Not found.");
  }
}

TEST_F(TlsRelay, AnAnswerOverTheLimitIsADecodeErrorOnTheFirstAttempt) {
  auto with = options();
  with.max_response_bytes = 1 << 20;
  auto paradigm = client(with);
  mock::Fault padded;
  padded.method = "GET";
  padded.path_regex = "/api/v3/threads";
  padded.pad_body_bytes = 2 << 20;
  server->add_fault(padded);
  EXPECT_THROW(paradigm.list_threads(), DecodeError);
  EXPECT_EQ(server->requests("GET", "/api/v3/threads").size(), 1u);
}

TEST_F(TlsRelay, CancellationStopsARelayedCall) {
  auto paradigm = client();
  mock::Fault stall;
  stall.method = "GET";
  stall.path_regex = "/api/v3/threads";
  stall.transport = mock::TransportFault::stall_before_response;
  stall.times = -1;
  server->add_fault(stall);
  CallOptions call;
  std::thread canceller([&] {
    while (server->requests("GET", "/api/v3/threads").empty())
      std::this_thread::sleep_for(milliseconds(1));
    call.cancellation.cancel();
  });
  EXPECT_THROW(paradigm.list_threads({}, call), CancelledError);
  canceller.join();
}

TEST_F(TlsRelay, StreamHandlersStillRunOnTheCallingThread) {
  auto paradigm = client();
  const std::string thread = paradigm.create_thread().id;
  const auto caller = std::this_thread::get_id();
  bool on_caller = true;
  const Turn turn =
      paradigm.stream_turn(thread, ask("What is the capital of France?"), [&](const StreamEvent&) {
        on_caller = on_caller && std::this_thread::get_id() == caller;
        return true;
      });
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_TRUE(on_caller);
}

TEST_F(TlsRelay, ABlockingCallFromALoopCallbackDoesNotWaitForTheLoop) {
  auto paradigm = client();
  const std::string thread = paradigm.create_thread().id;
  std::promise<std::string> fetched;
  paradigm.async_get_thread(thread).then([&](const Future<Thread>&) {
    fetched.set_value(paradigm.get_thread(thread).id);  // on the loop's own thread
  });
  EXPECT_EQ(fetched.get_future().get(), thread);
}

}  // namespace
}  // namespace paradigm::testing
