// The builders make the turns, threads, pages and streams a test needs.
#include <paradigm/paradigm.hpp>
#include <paradigm/testing/builders.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace paradigm::testing {
namespace {

using ::testing::ElementsAre;

TEST(Builders, ACompletedTurnHasItsAnswer) {
  const Turn turn = completed_turn("Paris");
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_TRUE(turn.is_terminal());
  EXPECT_EQ(turn.final_answer(), "Paris");
  EXPECT_EQ(turn.id, "turn-1");
  EXPECT_EQ(turn.thread, "thread-1");
  ASSERT_EQ(turn.messages.size(), 2u);
  EXPECT_EQ(turn.messages[0].role, Role::user);
  EXPECT_EQ(turn.messages[0].parts.at(0).text, "What is the capital of France?");
  EXPECT_FALSE(turn.error);
}

TEST(Builders, RunningFailedAndCancelledTurns) {
  const Turn running = running_turn();
  EXPECT_EQ(running.status, TurnStatus::running);
  EXPECT_FALSE(running.is_terminal());
  EXPECT_EQ(running.answer(), nullptr);
  EXPECT_EQ(running.final_answer(), "");

  const Turn failed = failed_turn("tool_timeout", "The tool did not answer in time.");
  EXPECT_EQ(failed.status, TurnStatus::failed);
  ASSERT_TRUE(failed.error);
  EXPECT_EQ(failed.error->code, "tool_timeout");
  EXPECT_EQ(failed.error->message, "The tool did not answer in time.");

  EXPECT_EQ(cancelled_turn().status, TurnStatus::cancelled);
  EXPECT_EQ(TurnBuilder().status(TurnStatus::cancelling).build().status, TurnStatus::cancelling);
  EXPECT_FALSE(TurnBuilder().failed("x", "y").status(TurnStatus::completed).build().error);
}

TEST(Builders, ARunningTurnShowsTheAgentsWorkButNoAnswer) {
  const Turn turn = TurnBuilder().reasoning("Looking it up.").tool_call("web_search").answer("Paris").running();
  ASSERT_NE(turn.answer(), nullptr);
  EXPECT_EQ(turn.reasoning(), std::vector<std::string>{"Looking it up."});
  EXPECT_EQ(turn.tool_calls().size(), 1u);
  EXPECT_EQ(turn.final_answer(), "");
}

TEST(Builders, AResearchedTurnWithToolCallsArtifactsAndSources) {
  const Turn turn = TurnBuilder()
                        .id("turn-7")
                        .thread("thread-7")
                        .query("How did revenue grow?")
                        .reasoning("The user asks about revenue.")
                        .tool_call(ToolCallBuilder("document_search")
                                       .args(R"({"query": "revenue 2025"})")
                                       .step("started")
                                       .progress(50, "Reading chunks", 4)
                                       .document_source("revenue-2025.pdf", 3, 4)
                                       .chunk_source("revenue-2025.pdf", 3, "Q3 revenue was 15")
                                       .result("Revenue: Q1 10, Q4 18"))
                        .tool_call(ToolCallBuilder("linkup_search").mcp_server("websearch-linkup").web_source(
                            "https://example.com/revenue", "Revenue"))
                        .tool_call(ToolCallBuilder("code_execution").artifact("art-1", "chart.png", "image/png"))
                        .answer("Revenue grew by 12%.");
  EXPECT_EQ(turn.final_answer(), "Revenue grew by 12%.");
  EXPECT_EQ(turn.messages[0].parts[0].text, "How did revenue grow?");
  const auto calls = turn.tool_calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].id, "call-1");
  EXPECT_EQ(calls[2].id, "call-3");
  EXPECT_EQ(calls[0].tool.name, "document_search");
  EXPECT_EQ(calls[0].tool_args["query"].as_string(), "revenue 2025");
  ASSERT_NE(calls[0].latest_progress(), nullptr);
  EXPECT_EQ(calls[0].latest_progress()->progress_percentage, 50.0);
  EXPECT_EQ(calls[0].latest_progress()->current_progress_text, "Reading chunks");
  EXPECT_EQ(calls[0].latest_progress()->time_remaining_estimate, 4);
  EXPECT_EQ(calls[0].steps.size(), 2u);
  EXPECT_EQ(calls[0].result->text, "Revenue: Q1 10, Q4 18");
  EXPECT_EQ(calls[1].tool.type, ToolType::mcp);
  EXPECT_EQ(calls[1].tool.mcp_server_name, "websearch-linkup");

  const SourceList sources = turn.sources();
  ASSERT_EQ(sources.document.size(), 2u);  // the chunk and the document
  for (const DocumentSource& source : sources.document) {
    EXPECT_EQ(source.extra["file_name"].as_string(), "revenue-2025.pdf");
    EXPECT_EQ(source.page_end, source.id == "document-source-1" ? 4 : 3) << *source.id;
  }
  EXPECT_EQ(calls[0].result->chunk_sources.at(0).extra["text"].as_string(), "Q3 revenue was 15");
  ASSERT_EQ(sources.web.size(), 1u);
  EXPECT_EQ(sources.web[0].url, "https://example.com/revenue");
  const auto artifacts = turn.artifacts();
  ASSERT_EQ(artifacts.size(), 1u);
  EXPECT_EQ(artifacts[0].id, "art-1");
  EXPECT_EQ(artifacts[0].extra["name"].as_string(), "chart.png");
}

TEST(Builders, ResultsAreStableAndSurviveJson) {
  const Turn turn = TurnBuilder().tool_call("document_search", JsonValue::parse(R"({"top_k": 5})")).answer("Paris");
  EXPECT_EQ(to_json(turn), to_json(TurnBuilder().tool_call("document_search", JsonValue::parse(R"({"top_k": 5})")).answer("Paris").build()));
  EXPECT_EQ(to_json(from_json<Turn>(to_json(turn))), to_json(turn));
  EXPECT_EQ(turn.created_at->to_string(), "2026-01-01T12:00:00.000000Z");
}

TEST(Builders, ThreadsAndPages) {
  const Thread thread = ThreadBuilder().id("thread-9").name("Revenue").status(TurnStatus::running).agent(2, "Research assistant").archived();
  EXPECT_EQ(thread.id, "thread-9");
  EXPECT_EQ(thread.name, "Revenue");
  EXPECT_FALSE(thread.is_terminal());
  EXPECT_EQ(thread.agent_id, 2);
  EXPECT_EQ(thread.is_archived, true);
  EXPECT_TRUE(ThreadBuilder().build().is_terminal());

  const Page<Turn> first = page_of<Turn>({completed_turn("a"), completed_turn("b")}, "turn-2");
  EXPECT_EQ(first.results.size(), 2u);
  EXPECT_EQ(first.count, 2);
  EXPECT_TRUE(first.has_more());
  EXPECT_FALSE(page_of<Thread>({thread}).has_more());
}

TEST(Builders, AStreamTellsTheTurnInTheEmulatorsVocabulary) {
  const Turn turn = TurnBuilder()
                        .reasoning("Easy.")
                        .tool_call("web_search")
                        .answer("La capitale de la France est Paris, évidemment.");
  const std::vector<StreamEvent> events = stream_events(turn, 3);
  std::vector<std::string> names;
  std::string text;
  for (const StreamEvent& event : events) {
    names.push_back(event.event);
    if (auto delta = text_delta(event)) text += *delta;
  }
  EXPECT_THAT(names, ElementsAre("turn.created", "part.reasoning", "tool_call.progress", "part.delta", "part.delta",
                                 "part.delta", "turn.completed", "done"));
  EXPECT_EQ(text, turn.final_answer());
  EXPECT_EQ(events[0].json()["status"].as_string(), "running");
  EXPECT_EQ(events[1].json()["reasoning"].as_string(), "Easy.");
  EXPECT_EQ(events[2].json()["tool_call"]["tool"]["name"].as_string(), "web_search");
  EXPECT_EQ(from_json<Turn>(events[6].data).final_answer(), turn.final_answer());
  for (std::size_t i = 3; i < 6; ++i)  // no UTF-8 sequence is cut
    EXPECT_TRUE(events[i].try_json()) << events[i].data;
}

TEST(Builders, AStreamOfAnEmptyAnswerHasNoDeltas) {
  const auto events = stream_events(running_turn());
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].event, "turn.completed");
  EXPECT_EQ(stream_event("custom", JsonValue::parse(R"({"a": 1})")).data, R"({"a":1})");
}

}  // namespace
}  // namespace paradigm::testing
