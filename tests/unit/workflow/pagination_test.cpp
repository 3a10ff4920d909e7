// The all_* ranges: every item of a listing, a page fetched only when the
// loop reaches it, by cursor or by page number.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

class Pagination : public WorkflowTest {};

json thread_item(const std::string& id) {
  return json::parse(thread(id));
}

TEST_F(Pagination, ThreadsPageByCursorAndLazily) {
  server()
      .expect("GET", "/api/v3/threads?limit=2", json_answer(page({thread_item("a"), thread_item("b")}, "c1")))
      .expect("GET", "/api/v3/threads?limit=2&starting_after=b", json_answer(page({thread_item("c")})));
  ThreadListOptions list;
  list.limit = 2;
  auto range = client().all_threads(list);
  EXPECT_TRUE(server().sent().empty());  // nothing before the loop starts
  std::vector<std::string> ids;
  for (const Thread& thread : range) {
    ids.push_back(thread.id);
    // The second page is fetched only once the first is used up.
    EXPECT_EQ(server().sent().size(), ids.size() <= 2 ? 1u : 2u);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(Pagination, TurnsPageByCursorToo) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns", json_answer(page({turn_json("u1", "completed")}, "n")))
      .expect("GET", "/api/v3/threads/t1/turns?starting_after=u1",
              json_answer(page({turn_json("u2", "completed")})));
  std::vector<std::string> ids;
  for (const Turn& turn : client().all_turns("t1"))
    ids.push_back(turn.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"u1", "u2"}));
}

TEST_F(Pagination, AgentsPageByNumberWhileTheServerSaysNext) {
  const json agent = {{"id", 1}, {"name", "a"}};
  server()
      .expect("GET", "/api/v3/agents", json_answer(page({agent, agent}, "http://x/?page=2")))
      .expect("GET", "/api/v3/agents?page=2", json_answer(page({agent}, "http://x/?page=3")))
      .expect("GET", "/api/v3/agents?page=3", json_answer(page({})));
  std::size_t count = 0;
  for (const Agent& each : client().all_agents()) {
    EXPECT_EQ(each.name, "a");
    ++count;
  }
  EXPECT_EQ(count, 3u);
}

TEST_F(Pagination, AgentFilesStartAtTheGivenPage) {
  const json file = {{"id", 9}};
  server()
      .expect("GET", "/api/v3/agents/4/files?page=3&page_size=1", json_answer(page({file}, "next")))
      .expect("GET", "/api/v3/agents/4/files?page=4&page_size=1", json_answer(page({file})));
  AgentFileFilter filter;
  filter.page = 3;
  filter.page_size = 1;
  std::size_t count = 0;
  for (const AgentFile& each : client().all_agent_files(4, filter)) {
    EXPECT_EQ(each.id, 9);
    ++count;
  }
  EXPECT_EQ(count, 2u);
}

TEST_F(Pagination, SourcesStopAtAShortPage) {
  const json source = {{"id", "s"}, {"url", "https://example.org"}};
  server()
      .expect("GET", "/api/v3/sources?source_type=web&per_page=2",
              json_answer(json{{"document", json::array()}, {"web", {source, source}}}.dump()))
      .expect("GET", "/api/v3/sources?source_type=web&page=2&per_page=2",
              json_answer(json{{"document", json::array()}, {"web", {source}}}.dump()));
  SourceFilter filter;
  filter.per_page = 2;
  std::size_t count = 0;
  for (const WebSource& each : client().all_web_sources(filter)) {
    EXPECT_EQ(each.url, "https://example.org");
    ++count;
  }
  EXPECT_EQ(count, 3u);
}

TEST_F(Pagination, AnEmptyListingIsAnEmptyLoop) {
  server().expect("GET", "/api/v3/threads", json_answer(page({})));
  auto range = client().all_threads();
  EXPECT_EQ(range.begin(), range.end());
}

// A server that always names a next page must not make a loop endless:
// paging that stops advancing is a DecodeError, after the items seen.
std::size_t count_until_error(const std::function<void(std::size_t&)>& loop, std::string& error) {
  std::size_t count = 0;
  try {
    loop(count);
    ADD_FAILURE() << "the loop ended without an error";
  } catch (const DecodeError& e) {
    error = e.what();
  }
  return count;
}

TEST_F(Pagination, AServerRepeatingItsPageByCursorIsAnError) {
  server()
      .expect("GET", "/api/v3/threads", json_answer(page({thread_item("a")}, "n")))
      .expect("GET", "/api/v3/threads?starting_after=a", json_answer(page({thread_item("a")}, "n")));
  std::string error;
  const std::size_t count = count_until_error(
      [&](std::size_t& seen) {
        for (const Thread& each : client().all_threads()) {
          (void)each;
          ++seen;
        }
      },
      error);
  EXPECT_EQ(count, 2u);
  EXPECT_NE(error.find("all_threads: the server's pages do not end"), std::string::npos) << error;
}

// Not only the page just before: a cursor used once is never used again.
TEST_F(Pagination, ACursorCycleIsAnError) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns", json_answer(page({turn_json("a", "completed")}, "n")))
      .expect("GET", "/api/v3/threads/t1/turns?starting_after=a",
              json_answer(page({turn_json("b", "completed")}, "n")))
      .expect("GET", "/api/v3/threads/t1/turns?starting_after=b",
              json_answer(page({turn_json("a", "completed")}, "n")));
  std::string error;
  const std::size_t count = count_until_error(
      [&](std::size_t& seen) {
        for (const Turn& each : client().all_turns("t1")) {
          (void)each;
          ++seen;
        }
      },
      error);
  EXPECT_EQ(count, 3u);
  EXPECT_NE(error.find("the page after \"a\" was fetched already"), std::string::npos) << error;
}

TEST_F(Pagination, ACursorThatComesBackToWhereTheLoopStartedIsAnError) {
  server().expect("GET", "/api/v3/threads?starting_after=a", json_answer(page({thread_item("a")}, "n")));
  ThreadListOptions list;
  list.starting_after = "a";
  std::string error;
  count_until_error(
      [&](std::size_t&) {
        for (const Thread& each : client().all_threads(list))
          (void)each;
      },
      error);
  EXPECT_NE(error.find("the page after \"a\" was fetched already"), std::string::npos) << error;
}

// A server that ignores `page` and always names a next one.
TEST_F(Pagination, AServerRepeatingItsNumberedPageIsAnError) {
  const json agent = {{"id", 1}, {"name", "a"}};
  server()
      .expect("GET", "/api/v3/agents", json_answer(page({agent}, "http://x/?page=2")))
      .expect("GET", "/api/v3/agents?page=2", json_answer(page({agent}, "http://x/?page=2")));
  std::string error;
  const std::size_t count = count_until_error(
      [&](std::size_t& seen) {
        for (const Agent& each : client().all_agents()) {
          (void)each;
          ++seen;
        }
      },
      error);
  EXPECT_EQ(count, 2u);
  EXPECT_NE(error.find("all_agents: the server's pages do not end: page 2 repeats"), std::string::npos)
      << error;
}

TEST_F(Pagination, FullSourcePagesThatRepeatAreAnErrorToo) {
  const json source = {{"id", "s"}, {"url", "https://example.org"}};
  const std::string full = json{{"document", json::array()}, {"web", {source, source}}}.dump();
  server()
      .expect("GET", "/api/v3/sources?source_type=web&per_page=2", json_answer(full))
      .expect("GET", "/api/v3/sources?source_type=web&page=2&per_page=2", json_answer(full));
  SourceFilter filter;
  filter.per_page = 2;
  std::string error;
  count_until_error(
      [&](std::size_t&) {
        for (const WebSource& each : client().all_web_sources(filter))
          (void)each;
      },
      error);
  EXPECT_NE(error.find("all_web_sources"), std::string::npos) << error;
}

// Looping over a range again starts over, with its guard too.
TEST_F(Pagination, ASecondLoopStartsOverWithAFreshGuard) {
  for (int loop = 0; loop < 2; ++loop) {
    server()
        .expect("GET", "/api/v3/threads", json_answer(page({thread_item("a")}, "n")))
        .expect("GET", "/api/v3/threads?starting_after=a", json_answer(page({thread_item("b")})));
  }
  auto range = client().all_threads();
  for (int loop = 0; loop < 2; ++loop) {
    std::vector<std::string> ids;
    for (const Thread& thread : range)
      ids.push_back(thread.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"a", "b"}));
  }
}

TEST_F(Pagination, AFailedPageThrowsFromTheLoop) {
  server()
      .expect("GET", "/api/v3/threads", json_answer(page({thread_item("a")}, "n")))
      .expect("GET", "/api/v3/threads?starting_after=a", json_answer(404, R"({"detail": "gone"})"));
  auto range = client().all_threads();
  auto it = range.begin();
  EXPECT_EQ(it->id, "a");
  EXPECT_THROW(++it, NotFoundError);
}

}  // namespace
}  // namespace paradigm::testing
