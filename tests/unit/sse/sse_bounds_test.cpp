// What a stream may make the parser hold: an event's data up to the limit,
// its `event` and `id` up to kMaxFieldBytes, and nothing of the lines it
// does not keep (comments, `retry`, unknown fields), which may not be longer
// than the limit either. A hostile server that never ends a line or an
// event stops the parser, with the bound it passed.

#include "sse_test_util.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace paradigm::test {
namespace {

using detail::SseParser;
using Overflow = SseParser::Overflow;

constexpr std::size_t kKiB = 1024;

const SseParser::Handler kTakeAll = [](const StreamEvent&) { return true; };

// Feeds `start`, then `filler` in 4 KiB chunks until the parser stops or
// `total` bytes went in; the most it held at any time.
struct Fed {
  bool stopped = false;
  std::size_t bytes = 0;
  std::size_t most_held = 0;
};
Fed feed_until_stopped(SseParser& parser, const std::string& start, char filler, std::size_t total) {
  Fed fed;
  const std::string chunk(4 * kKiB, filler);
  fed.stopped = !parser.feed(start, kTakeAll);
  fed.bytes = start.size();
  while (!fed.stopped && fed.bytes < total) {
    fed.stopped = !parser.feed(chunk, kTakeAll);
    fed.bytes += chunk.size();
    fed.most_held = std::max(fed.most_held, parser.pending_bytes());
  }
  return fed;
}

TEST(SseBounds, ADataLineThatNeverEndsStopsAtTheLimit) {
  SseParser parser(256 * kKiB);
  const Fed fed = feed_until_stopped(parser, "data: ", 'x', 64 * 256 * kKiB);
  EXPECT_TRUE(fed.stopped);
  EXPECT_EQ(parser.overflow(), Overflow::event);
  EXPECT_LE(fed.bytes, 256 * kKiB + 8 * kKiB);  // stopped as soon as it went past
  EXPECT_LE(fed.most_held, 256 * kKiB);
  EXPECT_FALSE(parser.feed("\n\n", kTakeAll));  // stopped for good
}

TEST(SseBounds, AnEventOfManyDataLinesStopsAtTheLimitToo) {
  SseParser parser(100);
  std::string stream;
  for (int i = 0; i < 20; ++i)
    stream += "data: 0123456789\n";
  EXPECT_FALSE(parser.feed(stream, kTakeAll));
  EXPECT_EQ(parser.overflow(), Overflow::event);
  EXPECT_LE(parser.pending_bytes(), 100u);
}

// The limit is on the event's data as dispatched plus its line ends: an event
// of exactly the limit passes, one byte more does not.
TEST(SseBounds, AnEventOfExactlyTheLimitIsDispatched) {
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
    SseParser parser(1000);
    std::vector<Event> events;
    const std::string stream = "data: " + std::string(499, 'a') + "\ndata: " + std::string(499, 'b') + "\n\n";
    for (std::size_t at = 0; at < stream.size(); at += chunk)
      ASSERT_TRUE(parser.feed(std::string_view(stream).substr(at, chunk), collect_into(events))) << chunk;
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(std::get<1>(events[0]).size(), 999u);
    EXPECT_EQ(parser.overflow(), Overflow::none);

    SseParser over(1000);
    EXPECT_FALSE(
        over.feed("data: " + std::string(499, 'a') + "\ndata: " + std::string(500, 'b') + "\n\n", kTakeAll));
    EXPECT_EQ(over.overflow(), Overflow::event);
  }
}

// A comment, a `retry` or an unknown field is never held, whatever its
// length; it may not be longer than the limit, so that a server cannot keep
// the parser busy on one line forever.
TEST(SseBounds, LinesThatKeepNothingAreNotHeldAndStopAtTheLimit) {
  for (const std::string start : {": ", "retry: ", "unknown: ", "an-endless-field-name"}) {
    SCOPED_TRACE(start);
    SseParser parser(1024 * kKiB);
    const Fed fed = feed_until_stopped(parser, start, start == "retry: " ? '9' : 'x', 64 * 1024 * kKiB);
    EXPECT_TRUE(fed.stopped);
    EXPECT_EQ(parser.overflow(), Overflow::line);
    EXPECT_LE(fed.bytes, 1024 * kKiB + 8 * kKiB);
    EXPECT_LE(fed.most_held, 16u);
    EXPECT_LE(parser.stats().bytes_buffered, 16u);
  }
}

TEST(SseBounds, WithoutALimitALongCommentCostsNoMemory) {
  SseParser parser;
  const Fed fed = feed_until_stopped(parser, ": ", 'x', 16 * 1024 * kKiB);
  EXPECT_FALSE(fed.stopped);
  EXPECT_LE(fed.most_held, 16u);
  std::vector<Event> events;
  EXPECT_TRUE(parser.feed("\ndata: after\n\n", collect_into(events)));
  EXPECT_EQ(events, (std::vector<Event>{make_event("message", "after")}));
}

TEST(SseBounds, EventAndIdValuesStopPastTheirBound) {
  for (const std::string field : {"event", "id"}) {
    SCOPED_TRACE(field);
    SseParser parser(1024 * kKiB);
    const Fed fed = feed_until_stopped(parser, field + ": ", 'x', 1024 * kKiB);
    EXPECT_TRUE(fed.stopped);
    EXPECT_EQ(parser.overflow(), Overflow::field);
    EXPECT_LE(fed.most_held, SseParser::kMaxFieldBytes);

    SseParser within;
    std::vector<Event> events;
    within.feed(field + ": " + std::string(SseParser::kMaxFieldBytes, 'n') + "\ndata: x\n\n",
                collect_into(events));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(within.overflow(), Overflow::none);
  }
}

TEST(SseBounds, AnIdWithNulIsStillBounded) {
  SseParser parser(1024 * kKiB);
  const Fed fed = feed_until_stopped(parser, std::string("id: a\0b", 7), 'x', 1024 * kKiB);
  EXPECT_TRUE(fed.stopped);
  EXPECT_EQ(parser.overflow(), Overflow::field);
}

// Values arrive in pieces: a value split anywhere reads as if whole.
TEST(SseBounds, RetryAndIdSplitAnywhereReadAsWhole) {
  const std::string stream = "retry: 1234\nid: abc\ndata: x\n\n";
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    SseParser parser;
    std::vector<Event> events;
    parser.feed(std::string_view(stream).substr(0, cut), collect_into(events));
    parser.feed(std::string_view(stream).substr(cut), collect_into(events));
    EXPECT_EQ(parser.retry(), std::chrono::milliseconds(1234)) << cut;
    EXPECT_EQ(events, (std::vector<Event>{make_event("message", "x", "abc")})) << cut;
  }
}

}  // namespace
}  // namespace paradigm::test
