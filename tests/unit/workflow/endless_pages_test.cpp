// A server whose pages are all different and never end: the range stops
// after its page limit with a DecodeError, instead of looping forever.
// Through a fake connection: 100,000 pages cost no server.
#include <paradigm/paradigm.hpp>

#include "socket_guard.hpp"

#include <gtest/gtest.h>

namespace paradigm::testing {
namespace {

class EndlessAgents : public ThreadsConnection {
 public:
  Page<Agent> list_agents(const AgentFilter& filter, const CallOptions&) override {
    ++pages;
    Page<Agent> page;
    Agent agent;
    agent.id = filter.page.value_or(1);  // a new agent on every page
    page.results.push_back(agent);
    page.next = "more";
    return page;
  }
  Page<Thread> list_threads(const ThreadListOptions& list, const CallOptions&) override {
    ++pages;
    Page<Thread> page;
    Thread thread;
    thread.id = "t" + std::to_string(pages);  // a new cursor every time
    (void)list;
    page.results.push_back(thread);
    page.next = "more";
    return page;
  }
  std::size_t pages = 0;
};

// The first page, and the 100,000 after it.
constexpr std::size_t kPagesFetched = 100001;

class EndlessPages : public SocketFreeTest {};

TEST_F(EndlessPages, PageNumbersStopAfterTheLimit) {
  auto server = std::make_shared<EndlessAgents>();
  ThreadsClient client(server);
  std::size_t seen = 0;
  try {
    for (const Agent& agent : client.all_agents()) {
      EXPECT_EQ(agent.id, static_cast<std::int64_t>(seen + 1));
      ++seen;
    }
    FAIL() << "the loop ended";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("more than 100000 pages"), std::string::npos) << e.what();
  }
  EXPECT_EQ(seen, kPagesFetched);
  EXPECT_EQ(server->pages, kPagesFetched);
}

TEST_F(EndlessPages, CursorsStopAfterTheLimit) {
  auto server = std::make_shared<EndlessAgents>();
  ThreadsClient client(server);
  std::size_t seen = 0;
  try {
    for (const Thread& thread : client.all_threads()) {
      EXPECT_EQ(thread.id, "t" + std::to_string(seen + 1));
      ++seen;
    }
    FAIL() << "the loop ended";
  } catch (const DecodeError& e) {
    EXPECT_NE(
        std::string(e.what()).find("all_threads: the server's pages do not end: more than 100000 pages"),
        std::string::npos)
        << e.what();
  }
  EXPECT_EQ(seen, kPagesFetched);
}

}  // namespace
}  // namespace paradigm::testing
