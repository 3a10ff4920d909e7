// Inputs the SSE fuzzer found (tests/fuzz/fuzz_sse.cpp), kept as tests.

#include "sse_test_util.hpp"

#include <gtest/gtest.h>

#include <string>

namespace paradigm::test {
namespace {

using detail::SseParser;

struct Parsed {
  std::vector<Event> events;
  SseParser::Overflow overflow = SseParser::Overflow::none;
};

Parsed parse_bounded(std::string_view stream, std::size_t bound, std::size_t chunk) {
  SseParser parser(bound);
  Parsed run;
  const auto handler = collect_into(run.events);
  for (std::size_t at = 0; at < stream.size(); at += chunk) {
    if (!parser.feed(stream.substr(at, chunk), handler)) break;
  }
  if (parser.overflow() == SseParser::Overflow::none) parser.finish(handler);
  run.overflow = parser.overflow();
  return run;
}

// A line without a colon, longer than the bound, whose name came in pieces:
// it was only measured when it arrived whole.
TEST(SseFuzzRegression, ALineWithoutAColonIsMeasuredHoweverItArrives) {
  const std::string stream(
      "\xef\xbb\xbf"
      "event\xba a\r\ndata: 1\r\ndata: \x81"
      "C\xbe!*V\x00\x00\r\nretry:: 10\r\n\r\nd\x00\x00\x00\x00\x00\x00\x00\x11"
      "ata:{\"delta\":\"hi\"}\r\r: c\n\ndata",
      90);
  const Parsed whole = parse_bounded(stream, 4, stream.size());
  EXPECT_EQ(whole.overflow, SseParser::Overflow::line);
  for (std::size_t chunk = 1; chunk <= 17; ++chunk) {
    const Parsed chunked = parse_bounded(stream, 4, chunk);
    EXPECT_EQ(chunked.overflow, whole.overflow) << chunk;
    EXPECT_EQ(chunked.events, whole.events) << chunk;
  }
}

}  // namespace
}  // namespace paradigm::test
