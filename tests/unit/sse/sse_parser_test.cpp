// The WHATWG event-stream rules, one by one, on whole and split input.

#include "sse_test_util.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace paradigm::test {
namespace {

using namespace std::string_literals;
using detail::SseParser;
using Events = std::vector<Event>;

TEST(SseParser, EventTypeDefaultsToMessage) {
  EXPECT_EQ(parse_all("data: hi\n\n"), Events{make_event("message", "hi")});
}

TEST(SseParser, EventFieldNamesTheEvent) {
  EXPECT_EQ(parse_all("event: token\ndata: {\"text\":\"4\"}\n\n"),
            Events{make_event("token", "{\"text\":\"4\"}")});
}

TEST(SseParser, EventTypeIsResetAfterEachEvent) {
  EXPECT_EQ(parse_all("event: a\ndata: 1\n\ndata: 2\n\n"),
            (Events{make_event("a", "1"), make_event("message", "2")}));
}

TEST(SseParser, EmptyEventTypeMeansMessage) {
  EXPECT_EQ(parse_all("event:\ndata: x\n\n"), Events{make_event("message", "x")});
}

TEST(SseParser, DataLinesAreJoinedWithNewlines) {
  EXPECT_EQ(parse_all("data: a\ndata: b\ndata: c\n\n"), Events{make_event("message", "a\nb\nc")});
}

TEST(SseParser, OnlyTheFinalNewlineOfTheDataIsRemoved) {
  EXPECT_EQ(parse_all("data: a\ndata:\n\n"), Events{make_event("message", "a\n")});
  EXPECT_EQ(parse_all("data:\ndata:\n\n"), Events{make_event("message", "\n")});
}

TEST(SseParser, OneOptionalSpaceAfterTheColonIsRemoved) {
  EXPECT_EQ(parse_all("data:nospace\n\n"), Events{make_event("message", "nospace")});
  EXPECT_EQ(parse_all("data:  two\n\n"), Events{make_event("message", " two")});
  EXPECT_EQ(parse_all("event:  x\ndata: \t1 \n\n"), Events{make_event(" x", "\t1 ")});
}

TEST(SseParser, ColonsInsideTheValueAreKept) {
  EXPECT_EQ(parse_all("data: a: b:c\n\n"), Events{make_event("message", "a: b:c")});
}

TEST(SseParser, LineWithoutColonIsAFieldWithEmptyValue) {
  EXPECT_EQ(parse_all("data\n\n"), Events{make_event("message", "")});
  EXPECT_EQ(parse_all("event: x\nevent\ndata\ndata\n\n"), Events{make_event("message", "\n")});
}

TEST(SseParser, UnknownFieldsAreIgnored) {
  EXPECT_EQ(parse_all("foo: bar\ndata: x\nDATA: y\nEvent: z\n data: w\n\n"),
            Events{make_event("message", "x")});
  EXPECT_TRUE(parse_all("foo: bar\n\n").empty());
}

TEST(SseParser, CommentLinesAreIgnored) {
  EXPECT_EQ(parse_all(": ping\ndata: x\n:\n: data: y\n\n"), Events{make_event("message", "x")});
  EXPECT_TRUE(parse_all(": ping\n\n:\n\n").empty());
}

TEST(SseParser, AcceptsLfCrlfCrAndMixedLineEnds) {
  const Events expected{make_event("a", "1\n2"), make_event("message", "3")};
  EXPECT_EQ(parse_all("event: a\ndata: 1\ndata: 2\n\ndata: 3\n\n"), expected);
  EXPECT_EQ(parse_all("event: a\r\ndata: 1\r\ndata: 2\r\n\r\ndata: 3\r\n\r\n"), expected);
  EXPECT_EQ(parse_all("event: a\rdata: 1\rdata: 2\r\rdata: 3\r\r"), expected);
  EXPECT_EQ(parse_all("event: a\r\ndata: 1\rdata: 2\n\r\ndata: 3\r\r\n"), expected);
}

TEST(SseParser, CrlfSplitAcrossFeedsIsOneLineEnd) {
  EXPECT_EQ(parse_chunks({"data: x\r", "\ndata: y\r", "\n\r", "\n"}), Events{make_event("message", "x\ny")});
}

TEST(SseParser, CrAtTheEndOfAFeedEndsTheLine) {
  EXPECT_EQ(parse_chunks({"data: x\r", "data: y\r", "\r"}), Events{make_event("message", "x\ny")});
  EXPECT_EQ(parse_chunks({"data: x\r", "", "\n", "\r\n"}), Events{make_event("message", "x")});
}

TEST(SseParser, LeadingBomIsSkipped) {
  EXPECT_EQ(parse_all("\xEF\xBB\xBF"
                      "data: x\n\n"),
            Events{make_event("message", "x")});
}

TEST(SseParser, LeadingBomSplitAcrossFeedsIsSkipped) {
  const std::string stream =
      "\xEF\xBB\xBF"
      "data: x\n\n";
  for (std::size_t a = 0; a <= 4; ++a) {
    for (std::size_t b = a; b <= 4; ++b) {
      const std::string_view view = stream;
      EXPECT_EQ(parse_chunks({view.substr(0, a), view.substr(a, b - a), view.substr(b)}),
                Events{make_event("message", "x")})
          << "split at " << a << " and " << b;
    }
  }
}

TEST(SseParser, BomIsOnlySkippedAtTheStartOfTheStream) {
  const Events first_only{make_event("message", "a")};
  EXPECT_EQ(parse_all("data: a\n\n\xEF\xBB\xBF"
                      "data: b\n\n"),
            first_only);
  EXPECT_EQ(parse_chunks({"data: a\n\n",
                          "\xEF\xBB\xBF"
                          "data: b\n\n"}),
            first_only);
  // A second BOM right after the first is content, not another BOM.
  EXPECT_TRUE(parse_all("\xEF\xBB\xBF\xEF\xBB\xBF"
                        "data: x\n\n")
                  .empty());
}

TEST(SseParser, StartThatOnlyLooksLikeABomIsContent) {
  // "\xEF\xBB" + "data" is an unknown field name: dropping those bytes would
  // wrongly reveal a data line.
  EXPECT_TRUE(parse_all("\xEF\xBB"
                        "data: x\n\n")
                  .empty());
  EXPECT_TRUE(parse_chunks({"\xEF", "\xBB", "data: x\n\n"}).empty());
  EXPECT_TRUE(parse_chunks({"\xEF"}).empty());
  EXPECT_EQ(parse_chunks({"\xEF", "\xBB", "\n", "data: x\n\n"}), Events{make_event("message", "x")});
}

TEST(SseParser, EventWithoutDataIsNotDispatchedButResetsTheType) {
  EXPECT_EQ(parse_all("event: ping\n\ndata: x\n\n"), Events{make_event("message", "x")});
  EXPECT_TRUE(parse_all("event: ping\nid: 1\nretry: 5\n\n\n\n").empty());
}

TEST(SseParser, LastEventWithoutBlankLineIsDispatchedAtFinish) {
  for (const char* stream : {"data: x\n", "data: x", "data: x\r", "data: x\r\n"}) {
    SseParser parser;
    std::vector<Event> events;
    const auto handler = collect_into(events);
    EXPECT_TRUE(parser.feed(stream, handler));
    EXPECT_TRUE(events.empty()) << stream;
    EXPECT_TRUE(parser.finish(handler));
    EXPECT_EQ(events, Events{make_event("message", "x")}) << stream;
  }
  EXPECT_EQ(parse_all("data: a\n\nevent: b\ndata: c"),
            (Events{make_event("message", "a"), make_event("b", "c")}));
  // A last event with a type but no data is still not dispatched.
  EXPECT_EQ(parse_all("data: a\n\nevent: b\n").size(), 1U);
}

TEST(SseParser, HandlerReturningFalseStopsParsing) {
  SseParser parser;
  std::vector<std::string> seen;
  const SseParser::Handler stop_after_first = [&seen](const StreamEvent& event) {
    seen.push_back(event.data);
    return false;
  };
  EXPECT_FALSE(parser.feed("data: 1\n\ndata: 2\n\n", stop_after_first));
  EXPECT_FALSE(parser.feed("data: 3\n\n", stop_after_first));
  EXPECT_FALSE(parser.finish(stop_after_first));
  EXPECT_EQ(seen, std::vector<std::string>{"1"});
  EXPECT_EQ(parser.events_dispatched(), 1U);
}

TEST(SseParser, HandlerReturningFalseAtFinishIsReported) {
  SseParser parser;
  const SseParser::Handler stop = [](const StreamEvent&) { return false; };
  EXPECT_TRUE(parser.feed("data: 1", stop));
  EXPECT_FALSE(parser.finish(stop));
  EXPECT_EQ(parser.events_dispatched(), 1U);
}

TEST(SseParser, IdIsAbsentUntilSeenThenPersists) {
  EXPECT_EQ(
      parse_all("data: a\n\nid: 7\ndata: b\n\ndata: c\n\nid\ndata: d\n\nid: 8\n\ndata: e\n\n"),
      (Events{make_event("message", "a"), make_event("message", "b", "7"), make_event("message", "c", "7"),
              make_event("message", "d", ""), make_event("message", "e", "8")}));
}

TEST(SseParser, IdContainingNulIsIgnored) {
  EXPECT_EQ(parse_all("id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n"s),
            (Events{make_event("message", "a", "1"), make_event("message", "b", "1")}));
  EXPECT_EQ(parse_all("id: \0\ndata: a\n\n"s), Events{make_event("message", "a")});
}

TEST(SseParser, RetryTakesAsciiDigitsOnly) {
  const auto retry_after = [](std::string_view stream) {
    SseParser parser;
    parser.feed(stream, [](const StreamEvent&) { return true; });
    return parser.retry();
  };
  using std::chrono::milliseconds;
  EXPECT_EQ(retry_after("data: x\n\n"), std::nullopt);
  EXPECT_EQ(retry_after("retry: 3000\n"), milliseconds(3000));
  EXPECT_EQ(retry_after("retry:0\n"), milliseconds(0));
  EXPECT_EQ(retry_after("retry: 100\nretry: 250\n"), milliseconds(250));
  for (const char* ignored : {"retry: 30a\n", "retry: -1\n", "retry: 1.5\n", "retry:  100\n", "retry: \n",
                              "retry\n", "retry: 99999999999999999999999\n"}) {
    EXPECT_EQ(retry_after(std::string("retry: 42\n") + ignored), milliseconds(42)) << ignored;
  }
}

TEST(SseParser, CountsDispatchedEvents) {
  SseParser parser;
  const SseParser::Handler ignore = [](const StreamEvent&) { return true; };
  EXPECT_EQ(parser.events_dispatched(), 0U);
  parser.feed("data: 1\n\nevent: x\n\n: c\n\ndata: 2\n\ndata: 3", ignore);
  EXPECT_EQ(parser.events_dispatched(), 2U);
  parser.finish(ignore);
  EXPECT_EQ(parser.events_dispatched(), 3U);
}

TEST(SseParser, MultiByteCharactersSplitAcrossFeedsAreKept) {
  const std::string stream = "event: t\xC3\xA9\ndata: \xE2\x82\xAC \xF0\x9F\x98\x80\n\n";
  const Events expected{make_event("t\xC3\xA9", "\xE2\x82\xAC \xF0\x9F\x98\x80")};
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    const std::string_view view = stream;
    EXPECT_EQ(parse_chunks({view.substr(0, cut), view.substr(cut)}), expected) << "cut at " << cut;
  }
}

}  // namespace
}  // namespace paradigm::test
