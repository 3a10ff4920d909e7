// Threads (both shapes), agents, their files, tags and tools, sources, pages.

#include "json/model_json.hpp"
#include "model_test_util.hpp"

#include <gtest/gtest.h>

namespace paradigm::test {
namespace {

template <class T>
void expect_exact_round_trip(const std::string& fixture) {
  const std::string text = load_fixture(fixture);
  EXPECT_EQ(round_trip<T>(text), nlohmann::json::parse(text)) << fixture;
}

TEST(ThreadJson, CurrentShape) {
  const Thread thread = from_json<Thread>(load_fixture("thread_current.json"));
  EXPECT_EQ(thread.id, "783b089b-0ecc-496b-b0c3-70d0f327d9b8");
  EXPECT_EQ(thread.name, "Capital of France");
  EXPECT_EQ(thread.status, TurnStatus::completed);
  EXPECT_TRUE(thread.is_terminal());
  EXPECT_EQ(thread.agent_id, 1);
  EXPECT_EQ(thread.agent_name, "Default agent");
  EXPECT_FALSE(thread.chat_setting);
  EXPECT_FALSE(thread.ml_model);  // null
  EXPECT_EQ(thread.legacy, false);
  EXPECT_EQ(thread.is_read, true);
  EXPECT_EQ(thread.creation_source, "api");
  EXPECT_EQ(thread.tool_parameters["document_search"]["top_k_retrieval"].as_int(), 20);
  EXPECT_EQ(thread.updated_at->utc_offset_minutes(), 60);
  EXPECT_TRUE(thread.extra.is_null());
}

TEST(ThreadJson, CurrentShapeRoundTrip) {
  const std::string text = load_fixture("thread_current.json");
  EXPECT_EQ(round_trip<Thread>(text), without_nulls(nlohmann::json::parse(text)));
}

TEST(ThreadJson, OlderShapeWithChatSetting) {
  const Thread thread = from_json<Thread>(load_fixture("thread_legacy.json"));
  EXPECT_EQ(thread.status, TurnStatus::running);
  EXPECT_FALSE(thread.is_terminal());
  EXPECT_EQ(thread.chat_setting, 4);
  EXPECT_FALSE(thread.agent_id);
  EXPECT_FALSE(thread.legacy);
  EXPECT_EQ(thread.ml_model_name, "Alfred 4");
  EXPECT_TRUE(thread.tool_parameters.is_null());
  expect_exact_round_trip<Thread>("thread_legacy.json");
}

TEST(AgentJson, ListExample) {
  const Agent agent = from_json<Agent>(load_fixture("agent.json"));
  EXPECT_EQ(agent.id, 1);
  EXPECT_EQ(agent.name, "Default agent");
  EXPECT_FALSE(agent.description);
  EXPECT_EQ(agent.instructions, "Answer in French.");
  ASSERT_TRUE(agent.company);
  EXPECT_EQ(agent.company->allow_ephemeral_mode, true);
  EXPECT_EQ(agent.group.value().id, 3);
  ASSERT_EQ(agent.workspaces.size(), 2u);
  EXPECT_EQ(agent.workspaces[0].file_count, 120);
  EXPECT_TRUE(agent.workspaces[0].summaries.is_array());
  EXPECT_EQ(agent.workspaces[1].summaries[0]["language"].as_string(), "en");
  ASSERT_TRUE(agent.tools);
  ASSERT_EQ(agent.tools->native.size(), 1u);
  EXPECT_EQ(agent.tools->native[0].name, "document_search");
  EXPECT_TRUE(agent.tools->native[0].type.empty());  // absent in this listing
  EXPECT_EQ(agent.tools->mcp_servers.at(0).object, "mcp_server");
  EXPECT_EQ(agent.is_default, true);
  EXPECT_EQ(agent.updated_at->to_string(), "2026-01-15T10:30:00.5Z");
}

TEST(AgentJson, RoundTrip) {
  const std::string text = load_fixture("agent.json");
  EXPECT_EQ(round_trip<Agent>(text), without_nulls(nlohmann::json::parse(text)));
}

TEST(AgentJson, ToolsOfAnAgent) {
  const AgentTools tools = from_json<AgentTools>(load_fixture("agent_tools.json"));
  ASSERT_EQ(tools.native.size(), 2u);
  EXPECT_EQ(tools.native[1].accepted_file_types, (std::vector<std::string>{"pdf", "docx"}));
  EXPECT_EQ(tools.native[1].require_document, true);
  ASSERT_EQ(tools.mcp_servers.size(), 1u);
  const McpServer& server = tools.mcp_servers[0];
  EXPECT_EQ(server.name, "");
  EXPECT_EQ(server.has_credentials, true);
  EXPECT_EQ(server.company_id, 123);
  EXPECT_EQ(server.url, "");
  const std::string text = load_fixture("agent_tools.json");
  EXPECT_EQ(round_trip<AgentTools>(text), without_nulls(nlohmann::json::parse(text)));
}

TEST(AgentJson, TagsAreABareArray) {
  const std::string text = load_fixture("agent_tags.json");
  const auto tags = detail::decode_text<std::vector<AgentTag>>(text);
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].id, 4);
  EXPECT_EQ(tags[0].name, "Q3");
  EXPECT_EQ(tags[0].document_count, 17);
  EXPECT_EQ(tags[1].auto_assign, true);
  EXPECT_EQ(tags[1].description, "");
  nlohmann::json written = nlohmann::json::array();
  for (const auto& tag : tags)
    written.push_back(nlohmann::json::parse(to_json(tag)));
  EXPECT_EQ(written, nlohmann::json::parse(text));
}

TEST(AgentJson, FilesPage) {
  const auto page = from_json<Page<AgentFile>>(load_fixture("agent_files_page.json"));
  EXPECT_EQ(page.count, 1);
  EXPECT_TRUE(page.has_more());
  EXPECT_FALSE(page.previous);
  ASSERT_EQ(page.results.size(), 1u);
  const AgentFile& file = page.results[0];
  EXPECT_EQ(file.id, 8);
  EXPECT_EQ(file.filename, "meeting-notes.pdf");
  EXPECT_EQ(file.workspace.value().workspace_type, "company");
  ASSERT_EQ(file.tags.size(), 1u);
  EXPECT_EQ(file.tags[0].auto_assigned, false);
  EXPECT_EQ(file.total_pages, 14);
  EXPECT_EQ(file.status_vision, "pending");
  EXPECT_EQ(file.search_details["relevant_chunks"][0]["chunk_type"].as_string(), "text");
  EXPECT_EQ(file.external_metadata["external_id"].as_string(), "x-1");
  EXPECT_EQ(file.summaries.size(), 1u);
  const std::string text = load_fixture("agent_files_page.json");
  EXPECT_EQ(round_trip<Page<AgentFile>>(text), without_nulls(nlohmann::json::parse(text)));
}

TEST(SourceListJson, DocumentAndWeb) {
  const SourceList sources = from_json<SourceList>(load_fixture("sources.json"));
  ASSERT_EQ(sources.document.size(), 1u);
  EXPECT_EQ(sources.document[0].document_chunk, 123);
  EXPECT_DOUBLE_EQ(sources.document[0].certainty.value(), 123);
  EXPECT_EQ(sources.document[0].used_for_generation, true);
  ASSERT_EQ(sources.web.size(), 1u);
  EXPECT_EQ(sources.web[0].title, "Example");
  expect_exact_round_trip<SourceList>("sources.json");
  EXPECT_EQ(nlohmann::json::parse(to_json(SourceList{})),
            nlohmann::json::parse(R"({"document": [], "web": []})"));
}

TEST(PageJson, TurnsWithCountNull) {
  const std::string text = load_fixture("turns_page.json");
  const auto page = from_json<Page<Turn>>(text);
  EXPECT_FALSE(page.count);
  EXPECT_TRUE(page.has_more());
  ASSERT_EQ(page.results.size(), 2u);
  EXPECT_EQ(page.results[0].final_answer(), "La capitale de la France est Paris.");
  EXPECT_EQ(page.results[1].status, TurnStatus::running);
  EXPECT_EQ(round_trip<Page<Turn>>(text), without_nulls(nlohmann::json::parse(text)));
}

TEST(PageJson, ErrorPathsIncludeTheResultIndex) {
  const auto error =
      decode_error_of([] { from_json<Page<Thread>>(R"({"results": [{}, {"agent_id": "one"}]})"); });
  EXPECT_EQ(error.path(), "results[1].agent_id");
}

TEST(PageJson, AgentsPage) {
  const std::string text =
      R"({"count": 1, "next": null, "previous": null, "results": [)" + load_fixture("agent.json") + "]}";
  const auto page = from_json<Page<Agent>>(text);
  EXPECT_FALSE(page.has_more());
  EXPECT_EQ(page.results.at(0).workspaces.size(), 2u);
}

}  // namespace
}  // namespace paradigm::test
