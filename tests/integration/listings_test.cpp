// Threads, pagination, feedback, agents and sources.
#include "support/mock_fixture.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace paradigm::testing {
namespace {

class Listings : public MockTest {};

TEST_F(Listings, CreateGetRenameAndArchiveAThread) {
  auto paradigm = client();
  ThreadRequest request;
  request.name = "Quarterly notes";
  request.agent_id = 1;
  const Thread created = paradigm.create_thread(request);
  EXPECT_EQ(created.name, "Quarterly notes");
  EXPECT_EQ(nlohmann::json::parse(server.requests().back().body),
            nlohmann::json::parse(R"({"name": "Quarterly notes", "agent_id": 1})"));

  EXPECT_EQ(paradigm.get_thread(created.id).id, created.id);
  ThreadUpdate update;
  update.name = "Renamed";
  update.is_archived = true;
  const Thread updated = paradigm.update_thread(created.id, update);
  EXPECT_EQ(updated.name, "Renamed");
  EXPECT_EQ(updated.is_archived, true);
  EXPECT_EQ(nlohmann::json::parse(server.requests().back().body),
            nlohmann::json::parse(R"({"name": "Renamed", "is_archived": true})"));
}

TEST_F(Listings, ThreadsPageWithCursors) {
  auto paradigm = client();
  std::set<std::string> created;
  for (int i = 0; i < 25; ++i)
    created.insert(paradigm.create_thread().id);

  std::set<std::string> listed;
  ThreadListOptions list;
  list.limit = 10;
  int pages = 0;
  for (;;) {
    const Page<Thread> page = paradigm.list_threads(list);
    ++pages;
    for (const auto& thread : page.results)
      EXPECT_TRUE(listed.insert(thread.id).second) << "listed twice";
    if (!page.has_more()) break;
    list.starting_after = page.results.back().id;
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(listed, created);
  EXPECT_EQ(server.requests("GET", "/api/v3/threads").back().param("limit"), "10");
}

TEST_F(Listings, TurnsPageWithCursorsNewestFirst) {
  auto paradigm = client();
  const Turn first = paradigm.create_thread_with_turn(ask("one"));
  std::vector<std::string> ids{first.id};
  for (int i = 0; i < 4; ++i)
    ids.push_back(paradigm.create_turn(first.thread, ask("more " + std::to_string(i))).id);

  ListOptions list;
  list.limit = 2;
  std::vector<std::string> listed;
  for (;;) {
    const Page<Turn> page = paradigm.list_turns(first.thread, list);
    for (const auto& turn : page.results)
      listed.push_back(turn.id);
    if (!page.has_more()) break;
    list.starting_after = page.results.back().id;
  }
  std::reverse(ids.begin(), ids.end());
  EXPECT_EQ(listed, ids);
}

TEST_F(Listings, TurnsPageBackwardsWithEndingBefore) {
  auto paradigm = client();
  const Turn first = paradigm.create_thread_with_turn(ask("one"));
  std::vector<std::string> ids{first.id};  // oldest first
  for (int i = 0; i < 4; ++i)
    ids.push_back(paradigm.create_turn(first.thread, ask("more " + std::to_string(i))).id);

  // From the oldest turn, ending_before walks towards the newest.
  ListOptions list;
  list.limit = 2;
  list.ending_before = ids.front();
  std::set<std::string> listed;
  for (int pages = 0; pages < 10; ++pages) {
    const Page<Turn> page = paradigm.list_turns(first.thread, list);
    if (page.results.empty()) break;
    for (const auto& turn : page.results)
      EXPECT_TRUE(listed.insert(turn.id).second) << "listed twice";
    EXPECT_EQ(server.requests().back().param("ending_before"), *list.ending_before);
    list.ending_before = page.results.front().id;  // newest first: the front is the newest
  }
  EXPECT_EQ(listed, std::set<std::string>(ids.begin() + 1, ids.end()));
}

TEST_F(Listings, AgentsFilteredByNameAndCompany) {
  auto paradigm = client();
  AgentFilter by_name;
  by_name.name = "research";
  const Page<Agent> named = paradigm.list_agents(by_name);
  EXPECT_EQ(server.requests().back().param("name"), "research");
  ASSERT_EQ(named.results.size(), 1u);
  EXPECT_EQ(named.results[0].name, "Research assistant");

  AgentFilter by_company;
  by_company.company_id = 1;
  EXPECT_EQ(paradigm.list_agents(by_company).results.size(), 3u);
  EXPECT_EQ(server.requests().back().param("company_id"), "1");
  by_company.company_id = 2;
  EXPECT_TRUE(paradigm.list_agents(by_company).results.empty());
}

TEST_F(Listings, FeedbackIsSentAsAnAction) {
  auto paradigm = client();
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"));
  paradigm.send_feedback(turn.thread, turn.id, FeedbackAction::like_dislike);
  const auto patches = server.requests("PATCH", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id);
  ASSERT_EQ(patches.size(), 1u);
  EXPECT_EQ(patches[0].param("action"), "like_dislike");
  EXPECT_EQ(paradigm.get_turn(turn.thread, turn.id).liked, true);
  paradigm.send_feedback(turn.thread, turn.id, FeedbackAction::flag);
  EXPECT_EQ(server.requests().back().param("action"), "flag");
}

TEST_F(Listings, AgentsToolsTagsAndFiles) {
  auto paradigm = client();
  const Agent agent = paradigm.default_agent();
  EXPECT_EQ(agent.is_default, true);
  EXPECT_EQ(server.requests().back().param("is_default"), "true");
  EXPECT_FALSE(agent.workspaces.empty());

  const Agent again = paradigm.get_agent(agent.id);
  EXPECT_EQ(again.name, agent.name);

  const AgentTools tools = paradigm.list_agent_tools(agent.id);
  bool has_code_execution = false;
  for (const auto& tool : tools.native)
    has_code_execution |= tool.name == "code_execution";
  EXPECT_TRUE(has_code_execution);
  EXPECT_FALSE(tools.mcp_servers.empty());

  const auto tags = paradigm.list_agent_tags(agent.id);
  EXPECT_FALSE(tags.empty());

  AgentFileFilter files_filter;
  files_filter.extensions = {"pdf", "docx"};
  files_filter.page_size = 2;
  const Page<AgentFile> files = paradigm.list_agent_files(agent.id, files_filter);
  EXPECT_LE(files.results.size(), 2u);
  EXPECT_EQ(server.requests().back().param("extension"), "pdf,docx");
}

TEST_F(Listings, AgentsPageByNumber) {
  auto paradigm = client();
  AgentFilter filter;
  filter.page_size = 1;
  filter.page = 1;
  const Page<Agent> first = paradigm.list_agents(filter);
  ASSERT_EQ(first.results.size(), 1u);
  ASSERT_TRUE(first.has_more());
  filter.page = 2;
  const Page<Agent> second = paradigm.list_agents(filter);
  ASSERT_EQ(second.results.size(), 1u);
  EXPECT_NE(second.results[0].id, first.results[0].id);
  EXPECT_THROW(paradigm.get_agent(999999), NotFoundError);
}

TEST_F(Listings, SourcesOfADocumentSearchTurn) {
  auto paradigm = client();
  TurnRequest request = ask("What is the conclusion of the last quarterly meeting note?");
  request.workspace_ids = std::vector<std::int64_t>{1, 2};
  const Turn turn = paradigm.create_thread_with_turn(request);
  EXPECT_FALSE(turn.sources().document.empty());

  SourceFilter filter;
  filter.thread_id = turn.thread;
  filter.source_type = "document";
  const SourceList sources = paradigm.list_sources(filter);
  EXPECT_FALSE(sources.document.empty());
  EXPECT_EQ(server.requests().back().param("thread_id"), turn.thread);
}

}  // namespace
}  // namespace paradigm::testing
