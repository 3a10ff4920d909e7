// Turns from the guide and a turn with every part type, field by field and
// through a full round trip.

#include "model_test_util.hpp"

#include <gtest/gtest.h>

namespace paradigm::test {
namespace {

TEST(TurnJson, CompletedSeedTurnRoundTripsExactly) {
  const std::string text = load_fixture("turn_completed.json");
  EXPECT_EQ(round_trip<Turn>(text), nlohmann::json::parse(text));
}

TEST(TurnJson, BackgroundSeedTurnRoundTripsExactly) {
  const std::string text = load_fixture("turn_background_running.json");
  EXPECT_EQ(round_trip<Turn>(text), nlohmann::json::parse(text));
}

TEST(TurnJson, CompletedSeedTurnFields) {
  const Turn turn = from_json<Turn>(load_fixture("turn_completed.json"));
  EXPECT_EQ(turn.id, "9339cf12-8530-421d-8dda-79cd3016a182");
  EXPECT_EQ(turn.thread, "783b089b-0ecc-496b-b0c3-70d0f327d9b8");
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_TRUE(turn.is_terminal());
  EXPECT_EQ(turn.object, "turn");
  ASSERT_TRUE(turn.created_at);
  EXPECT_EQ(turn.created_at->to_string(), "2025-12-16T16:01:53.804779Z");
  ASSERT_EQ(turn.messages.size(), 2u);
  EXPECT_EQ(turn.messages[0].role, Role::user);
  EXPECT_EQ(turn.messages[1].role, Role::assistant);
  ASSERT_EQ(turn.messages[1].parts.size(), 2u);
  EXPECT_EQ(turn.messages[1].parts[0].type, PartType::reasoning);
  EXPECT_EQ(turn.messages[1].parts[0].reasoning, "Basic factual question - no tools needed.");
  EXPECT_TRUE(turn.extra.is_null());
  EXPECT_TRUE(turn.messages[0].extra.is_null());
}

TEST(TurnJson, CompletedSeedTurnAccessors) {
  const Turn turn = from_json<Turn>(load_fixture("turn_completed.json"));
  EXPECT_EQ(turn.final_answer(), "La capitale de la France est Paris.");
  EXPECT_EQ(turn.answer(), &turn.messages[1]);
  EXPECT_EQ(turn.reasoning(), std::vector<std::string>{"Basic factual question - no tools needed."});
  EXPECT_TRUE(turn.tool_calls().empty());
  EXPECT_TRUE(turn.artifacts().empty());
  EXPECT_TRUE(turn.sources().empty());
}

TEST(TurnJson, RunningTurnHasNoAnswerYet) {
  const Turn turn = from_json<Turn>(load_fixture("turn_background_running.json"));
  EXPECT_EQ(turn.status, TurnStatus::running);
  EXPECT_FALSE(turn.is_terminal());
  EXPECT_EQ(turn.answer(), nullptr);
  EXPECT_EQ(turn.final_answer(), "");
  EXPECT_TRUE(turn.reasoning().empty());
}

TEST(TurnJson, TurnWithEveryPartTypeRoundTripsExactly) {
  const std::string text = load_fixture("turn_all_parts.json");
  EXPECT_EQ(round_trip<Turn>(text), nlohmann::json::parse(text));
}

TEST(TurnJson, UserMessageParts) {
  const Turn turn = from_json<Turn>(load_fixture("turn_all_parts.json"));
  EXPECT_EQ(turn.status, TurnStatus::failed);
  ASSERT_TRUE(turn.error);
  EXPECT_EQ(turn.error->code, "tool_timeout");
  EXPECT_EQ(turn.error->message, "The tool did not answer in time.");
  EXPECT_EQ(turn.liked, true);

  const Message& user = turn.messages.at(0);
  ASSERT_TRUE(user.force_tool);
  EXPECT_EQ(user.force_tool->name, "code_execution");
  EXPECT_EQ(user.force_tool->type, ToolType::native);
  EXPECT_FALSE(user.force_tool->mcp_server_name);
  EXPECT_EQ(user.force_tool->require_document, false);
  EXPECT_EQ(user.force_tool->accepted_file_types, (std::vector<std::string>{"csv", "xlsx"}));
  EXPECT_EQ(user.immediate_final_answer, false);

  ASSERT_EQ(user.parts.size(), 4u);
  EXPECT_EQ(user.parts[1].type, PartType::document);
  ASSERT_TRUE(user.parts[1].document);
  EXPECT_EQ(user.parts[1].document->id, "doc-42");
  ASSERT_TRUE(user.parts[2].workspace);
  EXPECT_EQ(user.parts[2].workspace->name, "Finance");
  EXPECT_EQ(user.parts[2].workspace->type, WorkspaceType::company);
  EXPECT_EQ(user.parts[2].workspace->files_count, 12);
  ASSERT_TRUE(user.parts[3].tag);
  EXPECT_EQ(user.parts[3].tag->id, 5);
  EXPECT_EQ(user.parts[3].tag->tag, "Q3");
}

TEST(TurnJson, ToolCallStepsAndResult) {
  const Turn turn = from_json<Turn>(load_fixture("turn_all_parts.json"));
  const ToolCall& call = turn.messages.at(1).parts.at(1).tool_call.value();
  EXPECT_EQ(call.id, "tc-1");
  EXPECT_EQ(call.tool.name, "document_search");
  EXPECT_EQ(call.tool_args["top_k"].as_int(), 20);
  EXPECT_EQ(call.tool_args["filters"]["years"][1].as_int(), 2025);
  ASSERT_EQ(call.steps.size(), 3u);
  ASSERT_TRUE(call.steps[1].progress_report);
  const ProgressReport& report = *call.steps[1].progress_report;
  EXPECT_DOUBLE_EQ(report.progress_percentage.value(), 42.5);
  EXPECT_EQ(report.current_progress_text, "Reading chunks");
  EXPECT_EQ(report.time_remaining_estimate, 7);
  EXPECT_EQ(report.metadata["chunks_read"].as_int(), 17);
  EXPECT_EQ(call.steps[1].created_at->to_string(), "2026-02-10T09:00:02.5Z");

  ASSERT_TRUE(call.result);
  const ToolCallResult& result = *call.result;
  EXPECT_EQ(result.text, "Revenue: Q1 10, Q2 12, Q3 15, Q4 18");
  ASSERT_EQ(result.chunk_sources.size(), 1u);
  EXPECT_EQ(result.chunk_sources[0].document_chunk, 981);
  EXPECT_EQ(result.chunk_sources[0].page_end, 4);
  EXPECT_EQ(result.chunk_sources[0].used_for_generation, true);
  EXPECT_EQ(result.chunk_sources[0].extra["file_name"].as_string(), "report.pdf");
  ASSERT_EQ(result.document_sources.size(), 1u);
  EXPECT_EQ(result.document_sources[0].vision_chunk, 12);
  ASSERT_EQ(result.web_sources.size(), 1u);
  EXPECT_EQ(result.web_sources[0].url, "https://example.com/revenue");
  EXPECT_EQ(result.timings, (std::map<std::string, double>{{"reranking", 0.1}, {"retrieval", 0.52}}));
}

TEST(TurnJson, ArtifactIdsAsStringOrNumber) {
  const Turn turn = from_json<Turn>(load_fixture("turn_all_parts.json"));
  const std::vector<Artifact> files = turn.artifacts();
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].id, "art-1");
  EXPECT_EQ(files[0].thumbnail_base64, "UklGRg==");
  EXPECT_EQ(files[0].mime_type, "image/png");
  EXPECT_EQ(files[1].id, "77");
  EXPECT_FALSE(files[1].thumbnail_base64);
  // A numeric id is written back as a number, a textual one as text.
  const auto written = nlohmann::json::parse(to_json(files[1]));
  EXPECT_EQ(written["id"], 77);
  EXPECT_EQ(nlohmann::json::parse(to_json(files[0]))["id"], "art-1");
}

TEST(TurnJson, AccessorsGatherOverAllToolCalls) {
  const Turn turn = from_json<Turn>(load_fixture("turn_all_parts.json"));
  EXPECT_EQ(turn.final_answer(), "Here is the chart of the quarterly revenue.");
  EXPECT_EQ(turn.reasoning(),
            (std::vector<std::string>{"I need the numbers first.", "Now I can draw the chart."}));
  const auto calls = turn.tool_calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].id, "tc-1");
  EXPECT_EQ(calls[1].id, "tc-2");

  const SourceList sources = turn.sources();
  ASSERT_EQ(sources.document.size(), 2u);  // chunk sources, then document sources
  EXPECT_EQ(sources.document[0].id, "cs-1");
  EXPECT_EQ(sources.document[1].id, "ds-1");
  ASSERT_EQ(sources.web.size(), 1u);
  EXPECT_EQ(sources.web[0].id, "ws-1");
}

TEST(TurnJson, LatestProgressIsTheLastStepThatHasOne) {
  const Turn turn = from_json<Turn>(load_fixture("turn_all_parts.json"));
  const auto calls = turn.tool_calls();
  const ProgressReport* latest = calls.at(0).latest_progress();
  ASSERT_NE(latest, nullptr);
  EXPECT_EQ(latest->current_progress_text, "Done");
  EXPECT_EQ(calls.at(1).latest_progress(), nullptr);

  ToolCall call = calls.at(0);
  call.steps.push_back(ToolStep{});  // a later step without a report
  ASSERT_NE(call.latest_progress(), nullptr);
  EXPECT_EQ(call.latest_progress()->current_progress_text, "Done");
}

Message message_with_role(const std::string& role, const std::string& text) {
  Message message;
  message.role = OpenEnum<Role>::from_text(role);
  Part part;
  part.type = PartType::text;
  part.text = text;
  message.parts.push_back(part);
  return message;
}

TEST(TurnAccessors, AnswerFallsBackToTheLastNonUserMessage) {
  Turn turn;
  turn.messages = {message_with_role("user", "q"), message_with_role("agent", "a")};
  EXPECT_EQ(turn.answer(), &turn.messages[1]);
  EXPECT_EQ(turn.final_answer(), "a");
}

TEST(TurnAccessors, NoAnswerWhenTheLastMessageIsTheUsers) {
  Turn turn;
  turn.messages = {message_with_role("agent", "a"), message_with_role("user", "q")};
  EXPECT_EQ(turn.answer(), nullptr);
  turn.messages = {message_with_role("agent", "a")};
  EXPECT_EQ(turn.answer(), nullptr);
}

TEST(TurnAccessors, AssistantMessageWinsEvenWhenNotLast) {
  Turn turn;
  turn.messages = {message_with_role("user", "q"), message_with_role("assistant", "a"),
                   message_with_role("agent", "b")};
  EXPECT_EQ(turn.answer(), &turn.messages[1]);
}

TEST(TurnAccessors, FinalAnswerIsTheLastTextPart) {
  Turn turn;
  turn.messages = {message_with_role("user", "q"), message_with_role("assistant", "first")};
  Part reasoning;
  reasoning.type = PartType::reasoning;
  reasoning.reasoning = "thinking";
  turn.messages[1].parts.push_back(reasoning);
  Part last;
  last.type = PartType::text;
  last.text = "second";
  turn.messages[1].parts.push_back(last);
  EXPECT_EQ(turn.final_answer(), "second");
  turn.messages[1].parts.clear();
  EXPECT_EQ(turn.final_answer(), "");
}

}  // namespace
}  // namespace paradigm::test
