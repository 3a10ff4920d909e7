// The limits of a stream against a loopback server that misbehaves: keep-alive
// comments forever (only a total limit ends it: on 0.2.0 it ran until
// cancelled), a per-call request_timeout (ignored on 0.2.0), and silence
// (stall_timeout, the stream's idle limit). The bounds on elapsed time only
// bound a failure: each case ends in about a second when it passes.

#include "hostile_server.hpp"
#include "support/mock_fixture.hpp"

#include <chrono>
#include <string>

namespace paradigm::testing {
namespace {

using hostile::Answer;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr auto kFailureBound = seconds(60);

const char* kSseHead = "Content-Type: text/event-stream";

ClientOptions options_for(const hostile::Server& server) {
  ClientOptions options;
  options.base_url = server.base_url();
  options.api_key = kApiKey;
  options.connect_timeout = seconds(10);
  options.request_timeout = seconds(60);
  options.stall_timeout = seconds(60);
  return options;
}

Answer keep_alive_forever() {
  Answer answer;
  answer.head = hostile::head_of(200, {kSseHead});
  answer.repeat = ": keep-alive\n\n";
  return answer;
}

class StreamLimits : public ::testing::Test {
 protected:
  // Streams a turn in thread t1, measuring how long the call took.
  void stream(ThreadsClient& client, const CallOptions& call) {
    const auto start = std::chrono::steady_clock::now();
    try {
      client.stream_turn(
          "t1", ask("Hi"), [](const StreamEvent&) { return true; }, {}, call);
    } catch (...) {
      took = std::chrono::steady_clock::now() - start;
      throw;
    }
    took = std::chrono::steady_clock::now() - start;
  }

  std::chrono::steady_clock::duration took{};
};

// The limit ends the call: no time is left to ask whether the stream made
// its turn (no event named it), so the error says it may exist.
TEST_F(StreamLimits, KeepAliveCommentsForeverEndAtTheTotalLimit) {
  const Answer answer = keep_alive_forever();
  hostile::Server server([&answer](const hostile::Request&) -> const Answer& { return answer; });
  ThreadsClient client(options_for(server));  // the real clock: the limit is real time
  CallOptions call;
  call.total_timeout = milliseconds(1000);
  try {
    stream(client, call);
    FAIL() << "the stream did not end";
  } catch (const UnconfirmedTurnError& e) {
    EXPECT_NE(std::string(e.what()).find("total_timeout reached"), std::string::npos) << e.what();
    EXPECT_EQ(e.thread_id(), "t1");
  }
  EXPECT_LT(took, kFailureBound);
  EXPECT_EQ(server.requests(), 1u);
}

// Each attempt ends at the per-call limit; the thread's turns (an empty
// page here) show no turn, and with no retries allowed its error ends the call.
TEST_F(StreamLimits, APerCallRequestTimeoutEndsAStreamOfKeepAlives) {
  const Answer stream_answer = keep_alive_forever();
  Answer no_turns;
  no_turns.head = hostile::head_of(200, {"Content-Type: application/json"});
  no_turns.body = R"({"results": [], "count": 0, "next": null, "previous": null})";
  hostile::Server server([&](const hostile::Request& request) -> const Answer& {
    return request.method == "GET" ? no_turns : stream_answer;
  });
  ClientOptions options = options_for(server);
  options.retry.max_retries = 0;
  ThreadsClient client(options);  // the real clock: the limit is real time
  CallOptions call;
  call.request_timeout = milliseconds(1000);
  EXPECT_THROW(stream(client, call), TimeoutError);
  EXPECT_LT(took, kFailureBound);
  EXPECT_EQ(server.requests(), 2u);  // the stream, then the lookup
}

// Idle after the first event (the emulator pauses an hour between events):
// stall_timeout, the stream's idle limit, ends the transfer; the turn goes on
// on the server, so the SDK asks for it instead of failing.
class StreamIdleLimit : public MockTest {};

TEST_F(StreamIdleLimit, ASilentStreamFallsBackToPollingItsTurn) {
  mock::MockConfig config;
  config.stream.pause = std::chrono::hours(1);
  server.configure(config);
  ClientOptions options = this->options();
  options.stall_timeout = milliseconds(500);
  ThreadsClient client = this->client(options);
  const std::string thread = client.create_thread().id;
  int events = 0;
  const auto start = std::chrono::steady_clock::now();
  const Turn done =
      client.stream_turn(thread, ask("What is the capital of France?"), [&](const StreamEvent&) {
        ++events;
        return true;
      });
  EXPECT_LT(std::chrono::steady_clock::now() - start, kFailureBound);
  EXPECT_GE(events, 1);
  EXPECT_EQ(done.status, TurnStatus::completed);
  EXPECT_EQ(server.turns_created(), 1);
}

}  // namespace
}  // namespace paradigm::testing
