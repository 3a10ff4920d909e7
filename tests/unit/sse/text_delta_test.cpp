// text_delta recognises answer text by payload shape; on_text turns a stream
// into text once, whether the answer comes as deltas or as a final turn.

#include "sse_test_util.hpp"

#include <paradigm/errors.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace paradigm::test {
namespace {

StreamEvent event_of(std::string name, std::string data) {
  StreamEvent event;
  event.event = std::move(name);
  event.data = std::move(data);
  return event;
}

std::optional<std::string> delta(const std::string& name, const std::string& data) {
  return text_delta(event_of(name, data));
}

const char* const kCompletedTurn =
    R"({"object":"turn","id":"t1","status":"completed","messages":[)"
    R"({"role":"user","parts":[{"type":"text","text":"6 x 7?"}]},)"
    R"({"role":"assistant","parts":[{"type":"text","text":"draft"},{"type":"reasoning","reasoning":"r"},)"
    R"({"type":"text","text":"It is 42."},{"type":"tool_call","tool_call":{}}]}]})";

TEST(TextDelta, StringDelta) {
  EXPECT_EQ(delta("message", R"({"delta":"Hel"})"), "Hel");
  EXPECT_EQ(delta("part.delta", R"({"type":"text","delta":"lo"})"), "lo");
  EXPECT_EQ(delta("part.delta", R"({"type":"text_delta","index":2,"delta":""})"), "");
}

TEST(TextDelta, TextWithoutTypeOrOfTypeText) {
  EXPECT_EQ(delta("token", R"({"text":"4"})"), "4");
  EXPECT_EQ(delta("message", R"({"type":"text","text":"a b"})"), "a b");
}

TEST(TextDelta, OneLevelUnderDataPartOrContent) {
  EXPECT_EQ(delta("message", R"({"data":{"delta":"d"}})"), "d");
  EXPECT_EQ(delta("part.added", R"({"type":"part.added","part":{"type":"text","text":"p"}})"), "p");
  EXPECT_EQ(delta("message", R"({"content":{"text":"c"}})"), "c");
}

TEST(TextDelta, OpenAiLikeChoices) {
  EXPECT_EQ(delta("message", R"({"choices":[{"index":0,"delta":{"content":"hi"}}]})"), "hi");
}

// Plain-text tokens: events named like a delta or a token whose data is not
// a JSON object are the text itself.
TEST(TextDelta, PlainDataOfTokenOrDeltaEvents) {
  EXPECT_EQ(delta("token", "Hello world"), "Hello world");
  EXPECT_EQ(delta("text_delta", " world"), " world");
  EXPECT_EQ(delta("token", "42"), "42");
  EXPECT_EQ(delta("token", "\"quoted\""), "quoted");
}

TEST(TextDelta, RejectsWholeTurns) {
  EXPECT_EQ(delta("turn.completed", kCompletedTurn), std::nullopt);
  EXPECT_EQ(delta("message", R"({"messages":[],"text":"x"})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"data":{"messages":[],"text":"x"}})"), std::nullopt);
}

TEST(TextDelta, RejectsReasoning) {
  EXPECT_EQ(delta("part.delta", R"({"type":"reasoning","delta":"thinking"})"), std::nullopt);
  EXPECT_EQ(delta("part.delta", R"({"type":"reasoning","text":"thinking"})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"reasoning":"thinking"})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"part":{"type":"reasoning","reasoning":"r"}})"), std::nullopt);
  EXPECT_EQ(delta("reasoning.delta", R"({"delta":"thinking"})"), std::nullopt);
}

TEST(TextDelta, RejectsToolCallsAndErrors) {
  EXPECT_EQ(delta("message", R"({"type":"tool_call","tool_call":{"id":"tc"}})"), std::nullopt);
  EXPECT_EQ(delta("tool_call.progress", R"({"text":"Running 50 %"})"), std::nullopt);
  EXPECT_EQ(delta("error", R"({"detail":"model exploded"})"), std::nullopt);
  EXPECT_EQ(delta("error", R"({"text":"model exploded"})"), std::nullopt);
}

TEST(TextDelta, RejectsOtherTypesAndShapes) {
  EXPECT_EQ(delta("message", R"({"type":"message","text":"x"})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"type":3,"text":"x"})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"delta":5,"text":null})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"data":{"data":{"delta":"too deep"}}})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"content":"a string is not a part"})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"choices":[]})"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"choices":[{"delta":{"role":"assistant"}}]})"), std::nullopt);
  EXPECT_EQ(delta("done", "{}"), std::nullopt);
  EXPECT_EQ(delta("message", R"(["a"])"), std::nullopt);
  EXPECT_EQ(delta("token", R"(["a"])"), std::nullopt);
}

TEST(TextDelta, RejectsNonJsonAndDoneMarkers) {
  EXPECT_EQ(delta("message", "[DONE]"), std::nullopt);
  EXPECT_EQ(delta("token", "[DONE]"), std::nullopt);
  EXPECT_EQ(delta("message", "plain words"), std::nullopt);
  EXPECT_EQ(delta("message", R"({"delta":"cut)"), std::nullopt);
  EXPECT_EQ(delta("token", ""), std::nullopt);
}

TEST(TextDelta, NeverThrows) {
  for (const char* data : {"", "{", "\xFF\xFE", "{\"delta\":\"\xC3\"}", "nul\0l", "[[[[[[[[", "1e999999"}) {
    EXPECT_NO_THROW(delta("message", data));
    EXPECT_NO_THROW(delta("token", data));
  }
}

struct TextSink {
  std::vector<std::string> pieces;
  TextHandler handler() {
    return [this](std::string_view text) { pieces.emplace_back(text); };
  }
};

TEST(OnText, PassesEachDeltaAndNeverStops) {
  TextSink sink;
  const auto handler = on_text(sink.handler());
  EXPECT_TRUE(handler(event_of("sources", R"({"results":[]})")));
  EXPECT_TRUE(handler(event_of("token", R"({"text":"4"})")));
  EXPECT_TRUE(handler(event_of("token", R"({"text":"2"})")));
  EXPECT_TRUE(handler(event_of("done", "{}")));
  EXPECT_EQ(sink.pieces, (std::vector<std::string>{"4", "2"}));
}

TEST(OnText, PassesTheFinalTurnOnceWhenNoDeltaCame) {
  TextSink sink;
  const auto handler = on_text(sink.handler());
  handler(event_of("turn.created", R"({"status":"running","messages":[{"role":"user","parts":[]}]})"));
  handler(event_of("part.delta", R"({"type":"reasoning","delta":"hmm"})"));
  handler(event_of("turn.completed", kCompletedTurn));
  handler(event_of("turn.completed", kCompletedTurn));
  EXPECT_EQ(sink.pieces, std::vector<std::string>{"It is 42."});
}

TEST(OnText, FindsTheFinalTurnUnderTurnOrData) {
  TextSink sink;
  on_text(sink.handler())(event_of("message", std::string(R"({"turn":)") + kCompletedTurn + "}"));
  on_text(sink.handler())(event_of("message", std::string(R"({"data":)") + kCompletedTurn + "}"));
  EXPECT_EQ(sink.pieces, (std::vector<std::string>{"It is 42.", "It is 42."}));
}

TEST(OnText, IgnoresTurnsThatAreNotCompletedOrHaveNoAnswer) {
  TextSink sink;
  const auto handler = on_text(sink.handler());
  handler(event_of(
      "turn",
      R"({"status":"running","messages":[{"role":"assistant","parts":[{"type":"text","text":"partial"}]}]})"));
  handler(event_of(
      "turn", R"({"status":"completed","messages":[{"role":"user","parts":[{"type":"text","text":"q"}]}]})"));
  handler(event_of(
      "turn",
      R"({"status":"completed","messages":[{"role":"assistant","parts":[{"type":"reasoning","reasoning":"r"}]}]})"));
  EXPECT_TRUE(sink.pieces.empty());
}

TEST(OnText, DeltasThenFinalTurnGiveNoDuplicate) {
  TextSink sink;
  const auto handler = on_text(sink.handler());
  handler(event_of("part.delta", R"({"type":"text","delta":"It is "})"));
  handler(event_of("part.delta", R"({"type":"text","delta":"42."})"));
  handler(event_of("turn.completed", kCompletedTurn));
  EXPECT_EQ(sink.pieces, (std::vector<std::string>{"It is ", "42."}));
}

TEST(OnText, CopiesShareOneState) {
  TextSink sink;
  const auto handler = on_text(sink.handler());
  const auto copy = handler;
  copy(event_of("part.delta", R"({"delta":"x"})"));
  handler(event_of("turn.completed", kCompletedTurn));
  EXPECT_EQ(sink.pieces, std::vector<std::string>{"x"});
}

TEST(OnText, RecordedStreamGivesTheAnswerExactlyOnce) {
  const auto stream = read_fixture("turn_stream.txt");
  ASSERT_FALSE(stream.empty());
  std::string text;
  std::size_t calls = 0;
  const auto handler = on_text([&](std::string_view piece) {
    text += piece;
    ++calls;
  });
  detail::SseParser parser;
  parser.feed(stream, handler);
  parser.finish(handler);
  EXPECT_EQ(calls, 31U);
  EXPECT_EQ(
      text,
      "Le r\xC3\xA9sultat de 6 \xC3\x97 7 est 42 \xE2\x80\x94 c'est aussi \xC2\xAB la r\xC3\xA9ponse "
      "\xC2\xBB \xF0\x9F\x99\x82. Voici le d\xC3\xA9tail :\n\n- 6 \xC3\x97 7 = 42\n- v\xC3\xA9rifi\xC3\xA9 "
      "par l'outil.");
}

TEST(StreamEventJson, ParsesTheData) {
  const auto event = event_of("token", R"({"text":"4","n":2})");
  EXPECT_EQ(event.json()["text"].as_string(), "4");
  ASSERT_TRUE(event.try_json().has_value());
  EXPECT_EQ((*event.try_json())["n"].as_int(), 2);
}

TEST(StreamEventJson, NonJsonDataThrowsOrGivesNullopt) {
  const auto event = event_of("message", "[DONE]");
  EXPECT_THROW(event.json(), DecodeError);
  EXPECT_EQ(event.try_json(), std::nullopt);
  EXPECT_EQ(event_of("message", "").try_json(), std::nullopt);
}

TEST(StreamEventJson, DataNestedTooDeepIsRefusedLikeAnyAnswer) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto event = event_of("message", deep);
  EXPECT_EQ(event.try_json(), std::nullopt);
  EXPECT_THROW(event.json(), DecodeError);
  EXPECT_EQ(text_delta(event), std::nullopt);
}

}  // namespace
}  // namespace paradigm::test
