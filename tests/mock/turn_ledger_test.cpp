// The server's side of "every requested turn exists exactly once": each
// created turn with the query and Idempotency-Key that asked for it, and the
// Idempotency-Key honoured on request.
#include <paradigm/testing/mock_server.hpp>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <thread>
#include <vector>

namespace paradigm::mock::turn_ledger_test {
namespace {

using nlohmann::json;

class TurnLedger : public ::testing::Test {
 protected:
  explicit TurnLedger(MockConfig config = {}) : server(std::move(config)), http("127.0.0.1", server.port()) {
    http.set_read_timeout(std::chrono::seconds(30));
  }

  // A turn-creating POST; `key` empty: no Idempotency-Key header.
  httplib::Result create(const std::string& path, const json& body, const std::string& key = "") {
    httplib::Headers headers{{"Authorization", "Bearer test-key"}};
    if (!key.empty()) headers.emplace("Idempotency-Key", key);
    return http.Post(path.c_str(), headers, body.dump(), "application/json");
  }
  std::string new_thread() {
    return json::parse(
        http.Post("/api/v3/threads", {{"Authorization", "Bearer test-key"}}, "{}", "application/json")
            ->body)["id"];
  }
  json admin_turns(const std::string& query = "") {
    return json::parse(http.Get(("/_mock/turns" + query).c_str())->body);
  }

  MockServer server;
  httplib::Client http;
};

TEST_F(TurnLedger, RecordsEveryCreatedTurnWithWhatAskedForIt) {
  const auto sync = create("/api/v3/threads/turns", {{"query", "What is the capital of France?"}}, "key-1");
  const std::string thread = new_thread();
  const auto background =
      create("/api/v3/threads/" + thread + "/turns", {{"query", "Hi"}, {"background", true}});
  const auto streamed =
      create("/api/v3/threads/" + thread + "/turns", {{"query", "Hi"}, {"stream", true}}, "key-2");
  ASSERT_EQ(create("/api/v3/threads/turns", {{"query", "x"}, {"max_steps", 0}}, "key-3")->status, 400);
  ASSERT_TRUE(sync && background && streamed);

  const auto turns = server.created_turns();
  ASSERT_EQ(turns.size(), 3u);
  const json first = json::parse(sync->body);
  EXPECT_EQ(turns[0].thread_id, first["thread"]);
  EXPECT_EQ(turns[0].turn_id, first["id"]);
  EXPECT_EQ(turns[0].query, "What is the capital of France?");
  EXPECT_EQ(turns[0].idempotency_key, "key-1");
  EXPECT_EQ(turns[0].request_id, sync->get_header_value("x-request-id"));
  EXPECT_EQ(turns[0].status, "completed");
  EXPECT_EQ(turns[0].replays, 0);
  EXPECT_EQ(turns[1].thread_id, thread);
  EXPECT_EQ(turns[1].turn_id, json::parse(background->body)["id"]);
  EXPECT_EQ(turns[1].idempotency_key, std::nullopt);
  EXPECT_EQ(turns[2].thread_id, thread);
  EXPECT_EQ(turns[2].idempotency_key, "key-2");

  EXPECT_EQ(server.turns_created_for_query("Hi"), 2);
  EXPECT_EQ(server.turns_created_for_query("What is the capital of France?"), 1);
  EXPECT_EQ(server.turns_created_for_query("x"), 0);  // refused: no turn
  EXPECT_EQ(server.turns_created_for_idempotency_key("key-2"), 1);
  EXPECT_EQ(server.turns_created_for_idempotency_key("key-3"), 0);
  EXPECT_EQ(server.turns_created(), 3);
}

class ManualTurnLedger : public TurnLedger {
 protected:
  static MockConfig manual() {
    MockConfig config;
    config.turn_duration = std::chrono::hours(1);
    config.sync_timeout = std::chrono::milliseconds(0);
    return config;
  }
  ManualTurnLedger() : TurnLedger(manual()) {}
};

TEST_F(ManualTurnLedger, ShowsEachTurnsStatusNow) {
  const json running = json::parse(create("/api/v3/threads/turns", {{"query", "slow"}})->body);
  EXPECT_EQ(server.created_turns().at(0).status, "running");
  server.complete_turn(running["thread"], running["id"]);
  EXPECT_EQ(server.created_turns().at(0).status, "completed");
  EXPECT_EQ(admin_turns()["turns"][0]["status"], "completed");
}

TEST_F(TurnLedger, TheAdminRouteListsAndFiltersTheTurns) {
  create("/api/v3/threads/turns", {{"query", "a b&c"}}, "k=1");
  create("/api/v3/threads/turns", {{"query", "a b&c"}});
  create("/api/v3/threads/turns", {{"query", "other"}}, "k=1");
  const json all = admin_turns();
  EXPECT_EQ(all["count"], 3);
  ASSERT_EQ(all["turns"].size(), 3u);
  const json& first = all["turns"][0];
  for (const char* key :
       {"thread_id", "turn_id", "query", "idempotency_key", "request_id", "status", "replays"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(first["query"], "a b&c");
  EXPECT_EQ(first["idempotency_key"], "k=1");
  EXPECT_TRUE(all["turns"][1]["idempotency_key"].is_null());
  EXPECT_EQ(admin_turns("?query=a%20b%26c")["count"], 2);
  EXPECT_EQ(admin_turns("?idempotency_key=k%3D1")["count"], 2);
  EXPECT_EQ(admin_turns("?query=other&idempotency_key=k%3D1")["count"], 1);
  EXPECT_EQ(admin_turns("?query=none")["turns"], json::array());
}

TEST_F(TurnLedger, ARepeatedKeyCreatesAnotherTurnUnlessTheKeyIsHonoured) {
  const auto first = create("/api/v3/threads/turns", {{"query", "Hi"}}, "same");
  const auto second = create("/api/v3/threads/turns", {{"query", "Hi"}}, "same");
  EXPECT_NE(json::parse(first->body)["id"], json::parse(second->body)["id"]);
  EXPECT_EQ(server.turns_created_for_idempotency_key("same"), 2);
}

class HonouredKeys : public TurnLedger {
 protected:
  static MockConfig honouring() {
    MockConfig config;
    config.honour_idempotency_key = true;
    return config;
  }
  HonouredKeys() : TurnLedger(honouring()) {}
};

TEST_F(HonouredKeys, ASecondCreateWithTheKeyAnswersWithTheFirstTurn) {
  const json first = json::parse(create("/api/v3/threads/turns", {{"query", "Hi"}}, "once")->body);
  const auto again = create("/api/v3/threads/turns", {{"query", "Hi"}}, "once");
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["id"], first["id"]);
  EXPECT_EQ(json::parse(again->body)["thread"], first["thread"]);
  const std::string thread = first["thread"];
  const auto background =
      create("/api/v3/threads/" + thread + "/turns", {{"query", "Hi"}, {"background", true}}, "once");
  EXPECT_EQ(json::parse(background->body)["id"], first["id"]);
  const auto streamed =
      create("/api/v3/threads/" + thread + "/turns", {{"query", "Hi"}, {"stream", true}}, "once");
  EXPECT_NE(streamed->body.find("\"id\":\"" + first["id"].get<std::string>() + "\""), std::string::npos)
      << "the stream replays the first turn";
  EXPECT_EQ(server.turns_created(), 1);
  ASSERT_EQ(server.created_turns().size(), 1u);
  EXPECT_EQ(server.created_turns()[0].replays, 3);
  // Another key, or none, creates a turn.
  create("/api/v3/threads/turns", {{"query", "Hi"}}, "twice");
  create("/api/v3/threads/turns", {{"query", "Hi"}});
  EXPECT_EQ(server.turns_created(), 3);
}

TEST_F(HonouredKeys, ConcurrentCreatesWithOneKeyMakeOneTurn) {
  std::vector<std::string> ids(8);
  std::vector<std::thread> callers;
  for (auto& id : ids) {
    callers.emplace_back([this, &id] {
      httplib::Client own("127.0.0.1", server.port());
      own.set_read_timeout(std::chrono::seconds(30));
      auto res =
          own.Post("/api/v3/threads/turns", {{"Authorization", "Bearer test-key"}, {"Idempotency-Key", "k"}},
                   R"({"query": "Hi"})", "application/json");
      if (res) id = json::parse(res->body)["id"];
    });
  }
  for (auto& caller : callers)
    caller.join();
  for (const auto& id : ids)
    EXPECT_EQ(id, ids[0]);
  EXPECT_EQ(server.turns_created(), 1);
  EXPECT_EQ(server.created_turns()[0].replays, 7);
}

TEST_F(TurnLedger, TheAdminConfigTurnsHonouringOn) {
  ASSERT_EQ(http.Post("/_mock/config", R"({"honour_idempotency_key": true})", "application/json")->status,
            200);
  EXPECT_TRUE(server.config().honour_idempotency_key);
  create("/api/v3/threads/turns", {{"query", "Hi"}}, "k");
  create("/api/v3/threads/turns", {{"query", "Hi"}}, "k");
  EXPECT_EQ(server.turns_created(), 1);
}

}  // namespace
}  // namespace paradigm::mock::turn_ledger_test
