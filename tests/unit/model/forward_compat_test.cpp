// Forward compatibility: unknown values and members survive, nulls and
// absent fields read as "not set", and encode leaves unset fields out.

#include "model_test_util.hpp"

#include <gtest/gtest.h>

namespace paradigm::test {
namespace {

TEST(ForwardCompat, UnknownEnumValuesKeepTheirText) {
  const Turn turn = from_json<Turn>(load_fixture("turn_forward_compat.json"));
  EXPECT_EQ(turn.status, TurnStatus::unknown);
  EXPECT_EQ(turn.status.text(), "paused");
  EXPECT_FALSE(turn.is_terminal());
  const Message& first = turn.messages.at(0);
  EXPECT_TRUE(first.role.is_unknown());
  EXPECT_EQ(first.role.text(), "system");
  EXPECT_EQ(first.force_tool.value().type.text(), "plugin");
  EXPECT_EQ(first.parts.at(0).type, PartType::unknown);
  EXPECT_EQ(first.parts.at(0).type.text(), "image");
  EXPECT_EQ(first.parts.at(0).extra["image"]["width"].as_int(), 256);
  EXPECT_EQ(first.parts.at(3).workspace.value().type.text(), "shared");
}

TEST(ForwardCompat, UnknownValuesAndMembersSurviveARoundTrip) {
  const std::string text = load_fixture("turn_forward_compat.json");
  EXPECT_EQ(round_trip<Turn>(text), nlohmann::json::parse(text));
}

TEST(ForwardCompat, ExtraMembersLandInTheirOwnLevel) {
  const Turn turn = from_json<Turn>(load_fixture("turn_forward_compat.json"));
  EXPECT_EQ(turn.extra.keys(), std::vector<std::string>{"usage"});
  EXPECT_EQ(turn.extra["usage"]["output_tokens"].as_int(), 34);
  EXPECT_EQ(turn.error.value().extra["details"].size(), 2u);
  const Message& first = turn.messages.at(0);
  EXPECT_EQ(first.extra["metadata"]["source"].as_string(), "api");
  EXPECT_EQ(first.force_tool.value().extra["icon"].as_string(), "sun.svg");
  EXPECT_TRUE(first.parts.at(1).extra.contains("annotations"));
  EXPECT_EQ(first.parts.at(2).document.value().extra["title"].as_string(), "Report");
  EXPECT_EQ(first.parts.at(3).workspace.value().extra["color"].as_string(), "blue");
  EXPECT_EQ(first.parts.at(4).tag.value().extra["color"].as_string(), "red");

  const ToolCall& call = turn.messages.at(1).parts.at(0).tool_call.value();
  EXPECT_EQ(call.extra["parent_id"].as_string(), "tc-0");
  EXPECT_EQ(call.tool.extra["version"].as_int(), 2);
  EXPECT_TRUE(call.tool_args.is_array());  // free-form: any JSON is kept
  EXPECT_EQ(call.steps.at(0).extra["duration_ms"].as_int(), 3);
  EXPECT_EQ(call.steps.at(0).progress_report.value().extra["stage"].as_string(), "warmup");
  EXPECT_DOUBLE_EQ(call.result.value().extra["cost"]["credits"].as_double().value(), 0.25);
  EXPECT_EQ(call.result->file_artifacts.at(0).size, 1024);  // a typed field since 0.3
  EXPECT_EQ(call.result->web_sources.at(0).extra["favicon"].as_string(), "https://example.com/f.ico");
}

// The element shapes of tool-result source lists are not published: a known
// field of another type stays in `extra` rather than failing the turn.
TEST(ForwardCompat, ToolResultSourcesTolerateUnexpectedTypes) {
  const Turn turn = from_json<Turn>(load_fixture("turn_forward_compat.json"));
  const DocumentSource& chunk = turn.messages.at(1).parts.at(0).tool_call->result->chunk_sources.at(0);
  EXPECT_FALSE(chunk.id);
  EXPECT_FALSE(chunk.certainty);
  EXPECT_EQ(chunk.document_chunk, 4);
  EXPECT_EQ(chunk.extra["id"].as_int(), 17);
  EXPECT_EQ(chunk.extra["certainty"].as_string(), "high");
}

TEST(ForwardCompat, TheSourcesEndpointStaysStrict) {
  const auto error =
      decode_error_of([] { from_json<SourceList>(R"({"document": [{"id": 17}], "web": []})"); });
  EXPECT_EQ(error.path(), "document[0].id");
}

TEST(ForwardCompat, NullsReadAsUnset) {
  const Turn turn = from_json<Turn>(load_fixture("turn_nulls.json"));
  EXPECT_FALSE(turn.object);
  EXPECT_FALSE(turn.error);
  EXPECT_FALSE(turn.liked);
  EXPECT_FALSE(turn.created_at);
  const Message& user = turn.messages.at(0);
  EXPECT_FALSE(user.object);
  EXPECT_FALSE(user.force_tool);
  EXPECT_FALSE(user.immediate_final_answer);
  EXPECT_FALSE(user.created_at);
  const Part& part = user.parts.at(0);
  EXPECT_FALSE(part.text || part.reasoning || part.tool_call || part.document || part.workspace || part.tag);
  const WorkspacePart& workspace = user.parts.at(1).workspace.value();
  EXPECT_FALSE(workspace.name || workspace.files_count);
  EXPECT_TRUE(workspace.type.empty());

  const Message& agent = turn.messages.at(1);
  const Tool& forced = agent.force_tool.value();
  EXPECT_FALSE(forced.mcp_server_name || forced.require_document || forced.accepted_file_types ||
               forced.object);
  const ToolCall& call = agent.parts.at(0).tool_call.value();
  EXPECT_TRUE(call.tool_args.is_null());
  EXPECT_FALSE(call.created_at || call.updated_at);
  EXPECT_FALSE(call.steps.at(0).progress_report);
  const ProgressReport& report = call.steps.at(1).progress_report.value();
  EXPECT_FALSE(report.progress_percentage || report.current_progress_text || report.time_remaining_estimate);
  EXPECT_TRUE(report.metadata.is_null());
  const ToolCallResult& result = call.result.value();
  EXPECT_FALSE(result.text);
  EXPECT_TRUE(result.file_artifacts.empty() && result.web_sources.empty() && result.chunk_sources.empty() &&
              result.document_sources.empty() && result.timings.empty());
  const ToolCall& bare = agent.parts.at(1).tool_call.value();
  EXPECT_TRUE(bare.steps.empty());
  EXPECT_FALSE(bare.result);
}

// turn_nulls.json (or a document made from it) as to_json writes it: a null
// member is left out, but a null list (or `timings`) is written empty.
nlohmann::json turn_nulls_as_written(const nlohmann::json& document) {
  nlohmann::json written = without_nulls(document);
  auto& result = written["/messages/1/parts/0/tool_call/result"_json_pointer];
  for (const char* list : {"file_artifacts", "web_sources", "chunk_sources", "document_sources"})
    result[list] = nlohmann::json::array();
  result["timings"] = nlohmann::json::object();
  written["/messages/1/parts/1/tool_call/steps"_json_pointer] = nlohmann::json::array();
  return written;
}

TEST(ForwardCompat, NullsAreLeftOutWhenWritten) {
  const std::string text = load_fixture("turn_nulls.json");
  const nlohmann::json written = round_trip<Turn>(text);
  EXPECT_FALSE(contains_null(written));
  EXPECT_EQ(written, turn_nulls_as_written(nlohmann::json::parse(text)));
}

TEST(ForwardCompat, NullErrorAndNullFieldsOfError) {
  EXPECT_FALSE(from_json<Turn>(R"({"id": "t", "error": null})").error);
  const Turn turn = from_json<Turn>(R"({"id": "t", "error": {"code": null, "message": null}})");
  ASSERT_TRUE(turn.error);
  EXPECT_FALSE(turn.error->code || turn.error->message);
}

TEST(ForwardCompat, AbsentFieldsReadAsUnset) {
  const Turn turn = from_json<Turn>(R"({"id": "t", "thread": "th", "status": "completed", "messages": [
      {"id": "m", "role": "assistant", "parts": [{"type": "text"}]}]})");
  EXPECT_FALSE(turn.error || turn.liked || turn.created_at || turn.object);
  const Message& message = turn.messages.at(0);
  EXPECT_FALSE(message.force_tool || message.immediate_final_answer || message.created_at || message.object);
  EXPECT_FALSE(message.parts.at(0).text);
  EXPECT_EQ(turn.final_answer(), "");
}

TEST(ForwardCompat, EncodeWritesRequiredFieldsAndOnlySetOptionals) {
  const nlohmann::json written = nlohmann::json::parse(to_json(Turn{}));
  EXPECT_EQ(written, nlohmann::json::parse(R"({"id": "", "thread": "", "messages": []})"));

  Message message;
  message.id = "m";
  EXPECT_EQ(nlohmann::json::parse(to_json(message)), nlohmann::json::parse(R"({"id": "m", "parts": []})"));
  Page<Turn> page;
  EXPECT_EQ(nlohmann::json::parse(to_json(page)), nlohmann::json::parse(R"({"results": []})"));
}

TEST(ForwardCompat, KnownFieldsWinOverSameNamedExtraMembers) {
  Turn turn;
  turn.id = "real";
  turn.extra = JsonValue::object().set("id", "stale").set("usage", 1);
  const auto written = nlohmann::json::parse(to_json(turn));
  EXPECT_EQ(written["id"], "real");
  EXPECT_EQ(written["usage"], 1);
}

// Adds a member no release has (yet) to every object of the document.
void add_future_member(nlohmann::json& json) {
  if (json.is_object()) {
    for (auto& [key, value] : json.items())
      add_future_member(value);
    json["zz_future_field"] = 7;  // a number, so it also fits the `timings` map
  } else if (json.is_array()) {
    for (auto& element : json)
      add_future_member(element);
  }
}

template <class T>
void expect_future_members_survive(const std::string& fixture,
                                   nlohmann::json (*as_written)(const nlohmann::json&) = without_nulls) {
  nlohmann::json json = nlohmann::json::parse(load_fixture(fixture));
  add_future_member(json);
  EXPECT_EQ(round_trip<T>(json.dump()), as_written(json)) << fixture;
}

TEST(ForwardCompat, UnknownMembersOfEveryObjectSurvive) {
  expect_future_members_survive<Turn>("turn_completed.json");
  expect_future_members_survive<Turn>("turn_all_parts.json");
  expect_future_members_survive<Turn>("turn_forward_compat.json");
  expect_future_members_survive<Turn>("turn_nulls.json", turn_nulls_as_written);
  expect_future_members_survive<Page<Turn>>("turns_page.json");
  expect_future_members_survive<Thread>("thread_current.json");
  expect_future_members_survive<Thread>("thread_legacy.json");
  expect_future_members_survive<Agent>("agent.json");
  expect_future_members_survive<AgentTools>("agent_tools.json");
  expect_future_members_survive<Page<AgentFile>>("agent_files_page.json");
  expect_future_members_survive<SourceList>("sources.json");
}

}  // namespace
}  // namespace paradigm::test
