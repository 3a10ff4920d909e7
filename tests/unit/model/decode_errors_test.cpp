// Input that is not the JSON we expect: always a DecodeError that says where,
// never a crash and never a half-filled value.

#include "json/model_json.hpp"
#include "model_test_util.hpp"

#include <gtest/gtest.h>

#include <cstdint>

namespace paradigm::test {
namespace {

std::string completed_turn() {
  return load_fixture("turn_completed.json");
}

// The completed seed turn with one value replaced.
std::string seed_with(const nlohmann::json::json_pointer& pointer, const nlohmann::json& value) {
  nlohmann::json json = nlohmann::json::parse(load_fixture("turn_all_parts.json"));
  json[pointer] = value;
  return json.dump();
}

TEST(DecodeErrors, EveryTruncationOfATurnIsRejected) {
  const std::string text = nlohmann::json::parse(completed_turn()).dump();
  for (std::size_t length = 0; length < text.size(); ++length) {
    const std::string cut = text.substr(0, length);
    const auto error = decode_error_of([&] { from_json<Turn>(cut); });
    EXPECT_EQ(error.raw(), cut);
  }
}

TEST(DecodeErrors, TruncationMessageSaysMalformed) {
  const std::string text = completed_turn();
  const auto error = decode_error_of([&] { from_json<Turn>(text.substr(0, text.size() / 2)); });
  EXPECT_NE(std::string(error.what()).find("malformed JSON"), std::string::npos) << error.what();
}

TEST(DecodeErrors, EmptyInput) {
  for (const char* text : {"", "   ", "\n\t"}) {
    const auto error = decode_error_of([&] { from_json<Turn>(text); });
    EXPECT_NE(std::string(error.what()).find("empty"), std::string::npos) << error.what();
  }
}

TEST(DecodeErrors, TrailingGarbageAndInvalidUtf8) {
  decode_error_of([] { from_json<Turn>(R"({"id": "t"} x)"); });
  decode_error_of([] { from_json<Turn>("{\"id\": \"\xff\"}"); });
  decode_error_of([] { from_json<Turn>("{\"id\": 'single'}"); });
}

TEST(DecodeErrors, NonObjectRoots) {
  for (const char* text : {"[]", "42", "\"turn\"", "true", "null", "[{\"id\": \"t\"}]"}) {
    const auto error = decode_error_of([&] { from_json<Turn>(text); });
    EXPECT_EQ(error.path(), "");
    EXPECT_NE(std::string(error.what()).find("expected object at the document root"), std::string::npos)
        << error.what();
    EXPECT_EQ(error.raw(), text);
  }
  const auto tags = decode_error_of([] { detail::decode_text<std::vector<AgentTag>>(R"({"id": 1})"); });
  EXPECT_EQ(std::string(tags.what()), "expected array at the document root, got object");
}

TEST(DecodeErrors, WrongTypeNamesTheExactPath) {
  const auto pointer = "/messages/1/parts/1/tool_call/steps"_json_pointer;
  const std::string text = seed_with(pointer, "three steps");
  const auto error = decode_error_of([&] { from_json<Turn>(text); });
  EXPECT_EQ(error.path(), "messages[1].parts[1].tool_call.steps");
  EXPECT_EQ(std::string(error.what()), "expected array at messages[1].parts[1].tool_call.steps, got string");
  EXPECT_EQ(error.raw(), text);
}

struct WrongType {
  const char* pointer;
  nlohmann::json value;
  const char* path;
  const char* expected;
};

TEST(DecodeErrors, WrongTypesAtKnownFields) {
  const std::vector<WrongType> cases = {
      {"/status", 3, "status", "expected string"},
      {"/messages", nlohmann::json::object(), "messages", "expected array"},
      {"/messages/0", "hello", "messages[0]", "expected object"},
      {"/messages/0/parts/0/text", 12, "messages[0].parts[0].text", "expected string"},
      {"/messages/0/parts/3/tag/id", "five", "messages[0].parts[3].tag.id", "expected integer"},
      {"/messages/0/force_tool/accepted_file_types/1", false, "messages[0].force_tool.accepted_file_types[1]",
       "expected string"},
      {"/liked", "yes", "liked", "expected boolean"},
      {"/error", "boom", "error", "expected object"},
      {"/messages/1/parts/1/tool_call/tool", nlohmann::json::array(), "messages[1].parts[1].tool_call.tool",
       "expected object"},
      {"/messages/1/parts/1/tool_call/steps/1/progress_report/progress_percentage", "42%",
       "messages[1].parts[1].tool_call.steps[1].progress_report.progress_percentage", "expected number"},
      {"/messages/1/parts/1/tool_call/result/timings/retrieval", "fast",
       "messages[1].parts[1].tool_call.result.timings.retrieval", "expected number"},
      {"/messages/1/parts/3/tool_call/result/file_artifacts/0/id", nlohmann::json::object(),
       "messages[1].parts[3].tool_call.result.file_artifacts[0].id", "expected string or integer"},
      {"/messages/1/parts/1/tool_call/result/chunk_sources", 1,
       "messages[1].parts[1].tool_call.result.chunk_sources", "expected array"},
  };
  for (const auto& wrong : cases) {
    const std::string text = seed_with(nlohmann::json::json_pointer(wrong.pointer), wrong.value);
    const auto error = decode_error_of([&] { from_json<Turn>(text); });
    EXPECT_EQ(error.path(), wrong.path) << wrong.pointer;
    EXPECT_EQ(std::string(error.what()).rfind(wrong.expected, 0), 0u) << error.what();
  }
}

TEST(DecodeErrors, InvalidDateTimeNamesThePath) {
  const std::string text = seed_with("/messages/0/created_at"_json_pointer, "2026-02-30T00:00:00Z");
  const auto error = decode_error_of([&] { from_json<Turn>(text); });
  EXPECT_EQ(error.path(), "messages[0].created_at");
  EXPECT_NE(std::string(error.what()).find("day out of range"), std::string::npos) << error.what();
}

TEST(DecodeErrors, IntegersOutOfRangeOrFractional) {
  const auto huge = decode_error_of([] { from_json<AgentTag>(R"({"id": 18446744073709551615})"); });
  EXPECT_EQ(std::string(huge.what()),
            "integer out of range: 18446744073709551615 (the largest is 9223372036854775807) at id");
  decode_error_of([] { from_json<AgentTag>(R"({"id": 1e30})"); });
  decode_error_of([] { from_json<AgentTag>(R"({"id": 2.5})"); });
  EXPECT_EQ(from_json<AgentTag>(R"({"id": 12.0})").id, 12);  // integral floats are integers
  EXPECT_EQ(from_json<AgentTag>(R"({"id": -9223372036854775808})").id, INT64_MIN);
}

TEST(DecodeErrors, QuotedMemberNamesInPaths) {
  const auto error =
      decode_error_of([] { from_json<ToolCallResult>(R"({"timings": {"stage one.two": "x"}})"); });
  EXPECT_EQ(error.path(), R"(timings["stage one.two"])");
}

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(DecodeErrors, DeepNestingIsRefusedNotACrash) {
  const std::string text = R"({"id": "tc", "tool_args": )" + nested_arrays(100000) + "}";
  const auto error = decode_error_of([&] { from_json<ToolCall>(text); });
  EXPECT_NE(std::string(error.what()).find("nesting deeper than 256"), std::string::npos) << error.what();
  EXPECT_EQ(error.raw().size(), text.size());
  decode_error_of([] { JsonValue::parse(nested_arrays(1000000)); });
  decode_error_of([] { JsonValue::parse(std::string(1000000, '{')); });
}

TEST(DecodeErrors, DepthLimitIsExactly256Levels) {
  EXPECT_NO_THROW(detail::parse_json(nested_arrays(256)));
  EXPECT_THROW(detail::parse_json(nested_arrays(257)), DecodeError);
  // The root object counts as one level.
  EXPECT_NO_THROW(from_json<ToolCall>(R"({"tool_args": )" + nested_arrays(255) + "}"));
  EXPECT_THROW(from_json<ToolCall>(R"({"tool_args": )" + nested_arrays(256) + "}"), DecodeError);
}

TEST(DecodeErrors, DecodeTakesTheDocumentAndMovesOutOfIt) {
  nlohmann::json json = nlohmann::json::parse(completed_turn());
  const Turn turn = detail::decode<Turn>(std::move(json));
  EXPECT_EQ(turn.final_answer(), "La capitale de la France est Paris.");
}

TEST(DecodeErrors, DecodeErrorIsAnError) {
  try {
    from_json<Turn>("{");
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_NE(dynamic_cast<const DecodeError*>(&e), nullptr);
  }
}

}  // namespace
}  // namespace paradigm::test
