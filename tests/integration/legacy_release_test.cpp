// Releases before Wise Wolf, against the emulator's legacy mode: the scope
// is spelled `workspaces_ids`, threads name a chat setting, a 202 names its
// thread `tread`.
#include "support/mock_fixture.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::testing {
namespace {

mock::MockConfig legacy_release() {
  mock::MockConfig config;
  config.legacy_release = true;
  return config;
}

class LegacyRelease : public MockTest {
 protected:
  LegacyRelease() : MockTest(legacy_release()) {}

  ThreadsClient client_for(ServerRelease release) {
    ClientOptions with = options();
    with.server_release = release;
    return client(with);
  }

  static TurnRequest scoped() {
    TurnRequest request = ask("What does the quarterly note conclude?");
    request.workspace_ids = std::vector<std::int64_t>{1, 2};
    return request;
  }

  static bool searched_documents(const Turn& turn) {
    for (const auto& call : turn.tool_calls()) {
      if (call.tool.name == "document_search") return true;
    }
    return false;
  }
};

TEST_F(LegacyRelease, TheLegacySpellingKeepsTheScope) {
  const Turn turn = client_for(ServerRelease::victorious_vicuna).create_thread_with_turn(scoped());
  const auto body = nlohmann::json::parse(server.requests("POST", "/api/v3/threads/turns").back().body);
  EXPECT_EQ(body["workspaces_ids"], nlohmann::json({1, 2}));
  EXPECT_FALSE(body.contains("workspace_ids"));
  EXPECT_TRUE(searched_documents(turn));
}

TEST_F(LegacyRelease, WithoutItAnOlderServerSilentlyDropsTheScope) {
  const Turn turn = client_for(ServerRelease::current).create_thread_with_turn(scoped());
  EXPECT_FALSE(searched_documents(turn));  // why ClientOptions::server_release exists
}

TEST_F(LegacyRelease, ThreadsOfTheOlderShapeParse) {
  const Thread thread = client_for(ServerRelease::unique_urchin).create_thread();
  EXPECT_EQ(thread.chat_setting, 1);
  EXPECT_FALSE(thread.agent_id.has_value());
}

TEST_F(LegacyRelease, A202NamingItsThreadTreadIsWaitedThrough) {
  mock::MockConfig config = manual_turns();
  config.legacy_release = true;
  config.accepted_shape = mock::AcceptedShape::ids;
  server.configure(config);
  CreateOptions create;
  create.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  const Turn turn = client_for(ServerRelease::victorious_vicuna).create_thread_with_turn(ask("hi"), create);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_FALSE(turn.thread.empty());
}

}  // namespace
}  // namespace paradigm::testing
