// Hostile servers: answers made to exhaust the client's memory or time (gzip
// and deflate bombs, lines and heads that never end, lying lengths). Each
// must end in its typed error, and the memory it costs stays within
// max_response_bytes plus a small constant, measured in a fresh process
// (memory_probe.hpp).

#include "hostile_server.hpp"
#include "memory_probe.hpp"
#include "support/mock_fixture.hpp"

#include <memory>
#include <string>

namespace paradigm::testing {
namespace {

using hostile::Answer;
using hostile::Encoding;
using probe::kMiB;

// max_response_bytes of every case: not a power of two, so that a buffer
// doubling its capacity would overshoot it.
constexpr std::size_t kLimit = std::size_t{40} << 20;
constexpr long kLimitKib = static_cast<long>(kLimit / 1024);
// What a case may cost beyond what it must hold (libcurl's and zlib's buffers, the heap's slack).
constexpr long kSlackKib = 16 * kMiB;

std::string error_kind(const std::exception& e) {
  if (dynamic_cast<const ServerError*>(&e)) return "ServerError";
  if (dynamic_cast<const ApiError*>(&e)) return "ApiError";
  if (dynamic_cast<const TimeoutError*>(&e)) return "TimeoutError";
  if (dynamic_cast<const ConnectionError*>(&e)) return "ConnectionError";
  if (dynamic_cast<const StreamError*>(&e)) return "StreamError";
  if (dynamic_cast<const DecodeError*>(&e)) return "DecodeError";
  if (dynamic_cast<const CancelledError*>(&e)) return "CancelledError";
  if (dynamic_cast<const InvalidRequestError*>(&e)) return "InvalidRequestError";
  if (dynamic_cast<const Error*>(&e)) return "Error";
  return "std::exception";
}

ClientOptions hostile_options(const hostile::Server& server) {
  ClientOptions options;
  options.base_url = server.base_url();
  options.api_key = kApiKey;
  options.max_response_bytes = kLimit;
  // Only bound a failure: every case ends in milliseconds when it passes.
  options.connect_timeout = std::chrono::seconds(10);
  options.request_timeout = std::chrono::seconds(10);
  options.stall_timeout = std::chrono::seconds(10);
  return options;
}

// A case: `answer` for every request, then `call` on a client of that server,
// measured.
using ClientCall = std::function<void(ThreadsClient&)>;
probe::Case hostile_case(std::function<Answer()> make_answer, ClientCall call) {
  return [make_answer, call](const auto& measure) {
    const Answer answer = make_answer();
    hostile::Server server([&answer](const hostile::Request&) -> const Answer& { return answer; });
    ThreadsClient client = test_client(hostile_options(server), std::make_shared<FakeClock>());
    return measure([&] {
      probe::Outcome outcome;
      try {
        call(client);
      } catch (const std::exception& e) {
        outcome.error = error_kind(e);
        outcome.message = e.what();
      }
      outcome.requests = static_cast<long>(server.requests());
      return outcome;
    });
  };
}

void get_thread(ThreadsClient& client) {
  client.get_thread("t1");
}
void download_in_memory(ThreadsClient& client) {
  client.download_artifact_bytes("a1");
}
void stream(ThreadsClient& client) {
  TurnRequest request;
  request.query = "q";
  client.stream_turn("t1", request, [](const StreamEvent&) { return true; });
}

// A head that never ends: one more header line, forever.
Answer header_flood() {
  Answer answer;
  answer.head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
  answer.repeat = "X-Flood: " + std::string(1000, 'a') + "\r\n";
  return answer;
}

// Informational heads that never stop coming: every head is short, but they
// add up.
Answer endless_informational() {
  Answer answer;
  answer.head = "HTTP/1.1 100 Continue\r\n\r\n";
  answer.repeat = "HTTP/1.1 102 Processing\r\nX-Pad: " + std::string(200, 'p') + "\r\n\r\n";
  return answer;
}

// A Content-Length of 10^18, and a body that keeps coming.
Answer lying_length() {
  Answer answer;
  answer.head =
      hostile::head_of(200, {"Content-Type: application/json", "Content-Length: 1000000000000000000"});
  answer.body = "{\"x\": \"";
  answer.repeat = std::string(64 * 1024, '0');
  return answer;
}

// A chunk size no 64-bit number holds.
Answer chunk_overflow() {
  Answer answer;
  answer.head = hostile::head_of(200, {"Content-Type: application/json", "Transfer-Encoding: chunked"});
  answer.body = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\r\n";
  answer.repeat = std::string(64 * 1024, '0');
  return answer;
}

// A JSON answer far under the limit whose values would take ~17 times its size once parsed.
Answer many_small_values() {
  std::string body = "{\"x_big\":[0";
  while (body.size() < (std::size_t{15} << 20))
    body += ",0";
  body += "]}";
  Answer answer;
  answer.head = hostile::head_of(
      200, {"Content-Type: application/json", "Content-Length: " + std::to_string(body.size())});
  answer.body = std::move(body);
  return answer;
}

Answer json_bomb(Encoding encoding) {
  return hostile::bomb_answer(200, "application/json", encoding, "{\"x\": \"");
}

const bool kCases = [] {
  probe::add_case("json-gzip", hostile_case([] { return json_bomb(Encoding::gzip); }, get_thread));
  probe::add_case("json-deflate", hostile_case([] { return json_bomb(Encoding::deflate); }, get_thread));
  probe::add_case(
      "download-gzip",
      hostile_case([] { return hostile::bomb_answer(200, "application/octet-stream", Encoding::gzip); },
                   download_in_memory));
  probe::add_case(
      "sse-data-line",
      hostile_case(
          [] { return hostile::bomb_answer(200, "text/event-stream", Encoding::gzip, "data: ", 'x'); },
          stream));
  probe::add_case(
      "error-body-gzip",
      hostile_case(
          [] { return hostile::bomb_answer(503, "application/json", Encoding::gzip, "{\"detail\": \""); },
          get_thread));
  probe::add_case("header-flood", hostile_case(header_flood, get_thread));
  probe::add_case("endless-informational", hostile_case(endless_informational, get_thread));
  probe::add_case("lying-length", hostile_case(lying_length, get_thread));
  probe::add_case("chunk-overflow", hostile_case(chunk_overflow, get_thread));
  probe::add_case("many-small-values", hostile_case(many_small_values, get_thread));
  for (const char* field : {"id", "retry", "event", ""}) {
    // "": a comment line.
    probe::add_case(std::string("sse-field-") + field, hostile_case(
                                                           [field] {
                                                             return hostile::bomb_answer(
                                                                 200, "text/event-stream", Encoding::gzip,
                                                                 std::string(field) + ": ", '9');
                                                           },
                                                           stream));
  }
  return true;
}();

class HostileAnswers : public ::testing::Test {
 protected:
  /// Runs `name` in a child; checks its error and, where RSS means something,
  /// that its memory grew by at most `max_growth_kib`.
  probe::Report expect(const std::string& name, const std::string& error, long max_growth_kib) {
    probe::Report report = probe::run_in_child(name);
    EXPECT_EQ(report.outcome.error, error) << report.outcome.message << "\n" << report.output;
    std::cout << "[ memory   ] " << name << ": " << report.peak_kib / 1024 << " MiB at the peak, "
              << report.growth_kib() / 1024 << " MiB more than before the call (" << report.outcome.requests
              << " requests)" << (probe::kMeasuresMemory ? "" : ", not asserted under a sanitizer") << "\n";
    if (probe::kMeasuresMemory) {
      EXPECT_GT(report.before_kib, 0);
      EXPECT_LE(report.growth_kib(), max_growth_kib)
          << name << ": the call cost " << report.growth_kib() / 1024 << " MiB";
    }
    return report;
  }
};

TEST_F(HostileAnswers, AGzipBombOnAJsonAnswerStopsAtTheLimit) {
  const auto report = expect("json-gzip", "DecodeError", kLimitKib + kSlackKib);
  EXPECT_NE(report.outcome.message.find("max_response_bytes"), std::string::npos) << report.outcome.message;
  EXPECT_EQ(report.outcome.requests, 1);  // a body over the limit is not retried
}

TEST_F(HostileAnswers, ADeflateBombOnAJsonAnswerStopsAtTheLimit) {
  expect("json-deflate", "DecodeError", kLimitKib + kSlackKib);
}

TEST_F(HostileAnswers, AGzipBombDownloadedToMemoryStopsAtTheLimit) {
  expect("download-gzip", "DecodeError", kLimitKib + kSlackKib);
}

TEST_F(HostileAnswers, AnEventLineThatNeverEndsStopsAtTheLimit) {
  expect("sse-data-line", "StreamError", kLimitKib + kSlackKib);
}

// Only 1 MiB of an error body is kept: the rest is not even inflated, and the
// 503 is retried as any 503 is.
TEST_F(HostileAnswers, AnErrorBodyBombIsReadOnlyAsFarAsItIsKept) {
  const auto report = expect("error-body-gzip", "ServerError", kSlackKib);
  EXPECT_EQ(report.outcome.requests, 3);
}

// libcurl refuses a head over its own limit (a connection failure, retried
// like one); what our callbacks keep of it stays bounded either way.
TEST_F(HostileAnswers, AHeadThatNeverEndsIsRefused) {
  expect("header-flood", "ConnectionError", kSlackKib);
}

TEST_F(HostileAnswers, InformationalHeadsThatNeverStopAreRefused) {
  expect("endless-informational", "ConnectionError", kSlackKib);
}

TEST_F(HostileAnswers, AContentLengthOfTenToTheEighteenReservesNothing) {
  const auto report = expect("lying-length", "DecodeError", kLimitKib + kSlackKib);
  EXPECT_EQ(report.outcome.requests, 1);
}

TEST_F(HostileAnswers, AChunkSizeThatOverflowsIsABrokenConnection) {
  expect("chunk-overflow", "ConnectionError", kSlackKib);
}

// max_response_bytes also bounds what an answer becomes once parsed.
TEST_F(HostileAnswers, AnAnswerOfManySmallValuesIsRefusedBeforeItTakesAllMemory) {
  const auto report = expect("many-small-values", "DecodeError", 15 * kMiB + kLimitKib + kSlackKib);
  EXPECT_NE(report.outcome.message.find("memory"), std::string::npos) << report.outcome.message;
}

// Fields of an event that never end: none is held whole, and each ends the
// stream once longer than the limit.
TEST_F(HostileAnswers, EventFieldsThatNeverEndAreNotHeld) {
  for (const char* field : {"id", "retry", "event", ""}) {
    SCOPED_TRACE(field);
    expect(std::string("sse-field-") + field, "StreamError", kSlackKib);
  }
}

}  // namespace
}  // namespace paradigm::testing
