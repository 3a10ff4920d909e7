// Retries, idempotency and timeouts against injected faults (DESIGN.md §4).
#include "support/mock_fixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;
using Sleeps = std::vector<milliseconds>;

const char* kTurnInThreadPath = "/api/v3/threads/[^/]+/turns";

class Retries : public MockTest {
 protected:
  void fail_next(const std::string& method, const std::string& path_regex, int status,
                 mock::HeaderList headers = {}, int times = 1) {
    mock::Fault fault;
    fault.method = method;
    fault.path_regex = path_regex;
    fault.status = status;
    fault.headers = std::move(headers);
    fault.times = times;
    server.add_fault(fault);
  }
  void break_next(const std::string& method, const std::string& path_regex, mock::TransportFault how,
                  int times = 1) {
    mock::Fault fault;
    fault.method = method;
    fault.path_regex = path_regex;
    fault.transport = how;
    fault.times = times;
    server.add_fault(fault);
  }
  Turn completed_turn() { return client().create_thread_with_turn(ask("What is the capital of France?")); }
  // POSTs of a turn into a thread (the second request of a thread-first create).
  std::size_t turn_posts() const {
    std::size_t posts = 0;
    for (const auto& request : server.requests()) {
      if (request.method == "POST" && std::regex_match(request.path, std::regex(kTurnInThreadPath))) ++posts;
    }
    return posts;
  }
  // A new thread's turn as one request (POST /api/v3/threads/turns).
  ClientOptions single_request() const {
    ClientOptions with = options();
    with.create_thread_first = false;
    return with;
  }
};

const char* kTurnPath = "/api/v3/threads/[^/]+/turns/[^/]+";
const char* kCreatePath = "/api/v3/threads/turns";

TEST_F(Retries, RateLimitWithRetryAfterSecondsIsWaitedThenSucceeds) {
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 429, {{"Retry-After", "2"}});
  const Turn again = client().get_turn(turn.thread, turn.id);
  EXPECT_EQ(again.id, turn.id);
  EXPECT_EQ(clock->sleeps(), Sleeps{milliseconds(2000)});
}

TEST_F(Retries, UnavailableWithRetryAfterMsIsWaitedThenSucceeds) {
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 503, {{"retry-after-ms", "150"}});
  client().get_turn(turn.thread, turn.id);
  EXPECT_EQ(clock->sleeps(), Sleeps{milliseconds(150)});
}

TEST_F(Retries, HttpDateRetryAfterIsHonoured) {
  const Turn turn = completed_turn();
  // The fake wall clock reads 2023-11-14T22:13:20Z.
  fail_next("GET", kTurnPath, 503, {{"Retry-After", "Tue, 14 Nov 2023 22:13:25 GMT"}});
  client().get_turn(turn.thread, turn.id);
  EXPECT_EQ(clock->sleeps(), Sleeps{milliseconds(5000)});
}

TEST_F(Retries, ServerErrorsOnReadsBackOffExponentially) {
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 502, {}, 2);
  client().get_turn(turn.thread, turn.id);
  EXPECT_EQ(clock->sleeps(), (Sleeps{milliseconds(500), milliseconds(1000)}));
}

TEST_F(Retries, GivesUpAfterMaxRetriesWithTheTypedError) {
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 503, {}, -1);
  EXPECT_THROW(client().get_turn(turn.thread, turn.id), ServerError);
  EXPECT_EQ(count("GET", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id), 3u);
}

TEST_F(Retries, RetryAfterBeyondTheLimitThrowsRateLimitErrorAtOnce) {
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 429, {{"Retry-After", "86400"}});
  try {
    client().get_turn(turn.thread, turn.id);
    FAIL();
  } catch (const RateLimitError& e) {
    EXPECT_EQ(e.retry_after(), milliseconds(86400000));
  }
  EXPECT_TRUE(clock->sleeps().empty());
}

// A create that a 500, 502 or 504 ended may have made its turn: the new
// thread's turns are looked up (after a backoff) and, none being there, it is
// sent once more with the same Idempotency-Key.
TEST_F(Retries, AServerErrorOnTurnCreationIsLookedUpThenSentAgain) {
  for (int status : {500, 502, 504}) {
    server.clear_requests();
    fail_next("POST", kTurnInThreadPath, status);
    EXPECT_EQ(client().create_thread_with_turn(ask("hi")).status, TurnStatus::completed) << status;
    EXPECT_EQ(turn_posts(), 2u) << status;
  }
  EXPECT_EQ(server.turns_created(), 3);
  EXPECT_EQ(clock->sleeps(), (Sleeps{milliseconds(500), milliseconds(500), milliseconds(500)}));
}

// Sent as one request (no thread to look in), the create is not repeated and
// its error says that the turn may exist.
TEST_F(Retries, AServerErrorOnAOneRequestCreateIsUnconfirmedAndNotRetried) {
  for (int status : {500, 502, 504}) {
    fail_next("POST", kCreatePath, status);
    EXPECT_THROW(client(single_request()).create_thread_with_turn(ask("hi")), UnconfirmedTurnError) << status;
  }
  EXPECT_EQ(count("POST", kCreatePath), 3u);
  EXPECT_EQ(server.turns_created(), 0);
  EXPECT_TRUE(clock->sleeps().empty());
}

TEST_F(Retries, TurnCreationIsRetriedWhenTheServerSaysItDidNothing) {
  fail_next("POST", kTurnInThreadPath, 503);
  fail_next("POST", kTurnInThreadPath, 429);
  fail_next("POST", kTurnInThreadPath, 408);
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->max_retries = 3;
  const Turn turn = client().create_thread_with_turn(ask("hi"), {}, call);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_EQ(turn_posts(), 4u);
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(Retries, ShouldRetryHeaderWins) {
  fail_next("POST", kTurnInThreadPath, 500, {{"x-should-retry", "true"}});
  client().create_thread_with_turn(ask("hi"));
  EXPECT_EQ(turn_posts(), 2u);
  EXPECT_EQ(clock->sleeps(), Sleeps{milliseconds(500)});  // a retry's backoff, no lookup
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 503, {{"x-should-retry", "false"}});
  EXPECT_THROW(client().get_turn(turn.thread, turn.id), ServerError);
}

TEST_F(Retries, OptInRetriesAmbiguousTurnCreation) {
  fail_next("POST", kCreatePath, 500);
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->retry_non_idempotent = true;
  client(single_request()).create_thread_with_turn(ask("hi"), {}, call);
  EXPECT_EQ(count("POST", kCreatePath), 2u);
}

TEST_F(Retries, ConnectionDroppedBeforeTheAnswerIsRetriedForReads) {
  const Turn turn = completed_turn();
  break_next("GET", kTurnPath, mock::TransportFault::close_before_response);
  EXPECT_EQ(client().get_turn(turn.thread, turn.id).id, turn.id);
  EXPECT_EQ(clock->sleeps().size(), 1u);
}

TEST_F(Retries, ConnectionDroppedBeforeTheAnswerOfACreateIsLookedUpThenSentAgain) {
  break_next("POST", kTurnInThreadPath, mock::TransportFault::close_before_response);
  EXPECT_EQ(client().create_thread_with_turn(ask("hi")).status, TurnStatus::completed);
  EXPECT_EQ(turn_posts(), 2u);
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(Retries, ConnectionDroppedBeforeTheAnswerIsNotRetriedForAOneRequestCreate) {
  break_next("POST", kCreatePath, mock::TransportFault::close_before_response);
  EXPECT_THROW(client(single_request()).create_thread_with_turn(ask("hi")), UnconfirmedTurnError);
  EXPECT_EQ(count("POST", kCreatePath), 1u);
}

TEST_F(Retries, ConnectionDroppedMidBodyIsRetriedForReads) {
  const Turn turn = completed_turn();
  break_next("GET", kTurnPath, mock::TransportFault::close_mid_body);
  EXPECT_EQ(client().get_turn(turn.thread, turn.id).id, turn.id);
}

TEST_F(Retries, ConnectionRefusedIsRetriedThenReported) {
  auto with = options();
  with.base_url = "http://127.0.0.1:" + std::to_string(closed_port());
  try {
    client(with).get_thread("t");
    FAIL();
  } catch (const ConnectionError& e) {
    EXPECT_EQ(dynamic_cast<const TimeoutError*>(&e), nullptr);
  }
  EXPECT_EQ(clock->sleeps().size(), 2u);
}

TEST_F(Retries, ConnectionRefusedOnTurnCreationIsRetried) {
  auto with = options();
  with.base_url = "http://127.0.0.1:" + std::to_string(closed_port());
  EXPECT_THROW(client(with).create_thread_with_turn(ask("hi")), ConnectionError);
  EXPECT_EQ(clock->sleeps().size(), 2u);  // nothing can have been created
}

TEST_F(Retries, StalledReadTimesOut) {
  const Turn turn = completed_turn();
  mock::Fault stall;
  stall.method = "GET";
  stall.path_regex = kTurnPath;
  stall.transport = mock::TransportFault::stall_before_response;
  stall.times = -1;
  server.add_fault(stall);
  CallOptions call;
  call.stall_timeout = milliseconds(100);
  call.retry = RetryPolicy{};
  call.retry->max_retries = 1;
  EXPECT_THROW(client().get_turn(turn.thread, turn.id, call), TimeoutError);
  EXPECT_EQ(count("GET", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id), 2u);
}

TEST_F(Retries, RequestTimeoutOnTurnCreationIsNotRetriedBeforeTheLookup) {
  mock::Fault stall;
  stall.method = "POST";
  stall.path_regex = kTurnInThreadPath;
  stall.transport = mock::TransportFault::stall_before_response;
  server.add_fault(stall);
  CallOptions call;
  call.request_timeout = milliseconds(150);
  call.stall_timeout = milliseconds(50);  // does not apply before the answer of a create
  EXPECT_EQ(client().create_thread_with_turn(ask("hi"), {}, call).status, TurnStatus::completed);
  EXPECT_EQ(turn_posts(), 2u);  // the stalled one (which made nothing), then one after the lookup
  EXPECT_EQ(server.turns_created(), 1);
  server.clear_requests();
  server.add_fault([&] {
    mock::Fault again = stall;
    again.path_regex = kCreatePath;
    return again;
  }());
  EXPECT_THROW(client(single_request()).create_thread_with_turn(ask("hi"), {}, call), UnconfirmedTurnError);
  EXPECT_EQ(count("POST", kCreatePath), 1u);
}

TEST_F(Retries, CancellingStopsRetrying) {
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 503, {}, -1);
  CallOptions call;
  clock->on_sleep([&](std::size_t) { call.cancellation.cancel(); });
  EXPECT_THROW(client().get_turn(turn.thread, turn.id, call), CancelledError);
  EXPECT_EQ(count("GET", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id), 1u);
}

// A loopback listener whose accept queue is full: the kernel drops new SYNs,
// so a connect to it hangs until the client's connect timeout.
class FullListener {
 public:
  FullListener() {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(listener_, 0) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("cannot listen on loopback");
    }
    port_ = ntohs(address.sin_port);
    // One connection never accepted fills a backlog of 0.
    filler_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (filler_ < 0 || ::connect(filler_, reinterpret_cast<sockaddr*>(&address), length) != 0) {
      throw std::runtime_error("cannot fill the accept queue");
    }
  }
  ~FullListener() {
    ::close(filler_);
    ::close(listener_);
  }
  FullListener(const FullListener&) = delete;
  FullListener& operator=(const FullListener&) = delete;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int listener_ = -1;
  int filler_ = -1;
  int port_ = 0;
};

TEST_F(Retries, AConnectThatHangsEndsAtTheConnectTimeout) {
  const FullListener unreachable;
  auto with = options();
  with.base_url = unreachable.url();
  with.connect_timeout = std::chrono::milliseconds(150);
  try {
    client(with).list_threads();
    FAIL() << "expected TimeoutError";
  } catch (const TimeoutError& e) {
    EXPECT_NE(std::string(e.what()).find("GET " + unreachable.url() + "/api/v3/threads"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(clock->sleeps().size(), 2u);  // nothing was sent: retried like a refusal

  // The call's own connect timeout wins over the client's.
  with.connect_timeout = std::chrono::seconds(20);
  CallOptions call;
  call.connect_timeout = std::chrono::milliseconds(150);
  call.retry = RetryPolicy{};
  call.retry->max_retries = 0;
  EXPECT_THROW(client(with).list_threads({}, call), TimeoutError);
}

TEST_F(Retries, RetryLogsNameTheAttemptAndDelay) {
  const Turn turn = completed_turn();
  fail_next("GET", kTurnPath, 503, {{"Retry-After", "1"}, {"X-Request-Id", "req-9"}});
  std::vector<LogRecord> records;
  auto with = options();
  with.logger = [&](const LogRecord& record) { records.push_back(record); };
  with.log_level = LogLevel::warning;
  client(with).get_turn(turn.thread, turn.id);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].level, LogLevel::warning);
  EXPECT_EQ(records[0].method, "GET");
  EXPECT_EQ(records[0].path, "/api/v3/threads/" + turn.thread + "/turns/" + turn.id);
  EXPECT_EQ(records[0].status, 503);
  EXPECT_EQ(records[0].attempt, 1);
  EXPECT_EQ(records[0].delay, milliseconds(1000));
  EXPECT_EQ(records[0].request_id, "req-9");
}

}  // namespace
}  // namespace paradigm::testing
