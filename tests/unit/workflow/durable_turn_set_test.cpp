// A journaled TurnSet on a scripted transport: what it writes down before
// each request leaves, and how it reconciles a create whose fate is unknown.
#include "workflow_test_util.hpp"

#include <paradigm/turn_set.hpp>

#include <filesystem>
#include <fstream>
#include <random>

namespace paradigm::testing {
namespace {

namespace fs = std::filesystem;

// The records of a journal, in order ("intent", "thread", ...).
std::vector<std::string> record_types(const fs::path& path) {
  std::vector<std::string> types;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto record = json::parse(line)["rec"];
    if (record.contains("t")) types.push_back(record["t"]);
  }
  return types;
}

class DurableTurnSetCalls : public WorkflowTest {
 protected:
  DurableTurnSetCalls() {
    std::random_device random;
    journal = fs::temp_directory_path() /
              ("paradigm-journal-" + std::to_string(random()) + std::to_string(random()));
  }
  ~DurableTurnSetCalls() override {
    std::error_code ignored;
    fs::remove(journal, ignored);
  }

  TurnSetOptions journaled() const {
    TurnSetOptions options;
    options.journal = journal.string();
    options.retry_for = std::chrono::seconds(30);
    options.settle = milliseconds(20);
    return options;
  }

  fs::path journal;
};

TEST_F(DurableTurnSetCalls, EachStepIsWrittenDownBeforeTheNextRequestLeaves) {
  ScriptedAnswer made = json_answer(thread("t1"));
  made.before = [this] { EXPECT_EQ(record_types(journal), (std::vector<std::string>{"intent"})); };
  ScriptedAnswer created = json_answer(turn("u1", "running"));
  created.before = [this] {
    EXPECT_EQ(record_types(journal), (std::vector<std::string>{"intent", "thread"}));
  };
  ScriptedAnswer polled = json_answer(turn("u1", "completed", "Paris"));
  polled.before = [this] {
    EXPECT_EQ(record_types(journal), (std::vector<std::string>{"intent", "thread", "turn"}));
  };
  server()
      .expect("POST", "/api/v3/threads", made)
      .expect("POST", "/api/v3/threads/t1/turns", created)
      .expect("GET", "/api/v3/threads/t1/turns/u1", polled);
  TurnSet set(client(), journaled());
  TurnRequest request = ask();
  request.agent_id = 7;
  request.name = "capitals";
  set.add(request, "france");
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished && finished->turn);
  EXPECT_EQ(finished->name, "france");
  EXPECT_EQ(finished->turn->final_answer(), "Paris");
  // The thread takes the thread-level fields, the turn the rest, in the background.
  const auto thread_body = json::parse(*server().sent().at(0).body);
  EXPECT_EQ(thread_body["agent_id"], 7);
  EXPECT_EQ(thread_body["name"], "capitals");
  const auto turn_body = json::parse(*server().sent().at(1).body);
  EXPECT_FALSE(turn_body.contains("agent_id"));
  EXPECT_FALSE(turn_body.contains("name"));
  EXPECT_EQ(turn_body["background"], true);
  EXPECT_EQ(record_types(journal), (std::vector<std::string>{"intent", "thread", "turn", "outcome"}));
}

// The SDK's own lookup (one query, since the request was sent: the fake wall
// clock's 2023-11-14T22:13:20Z) answers a create whose fate is unknown.
const char* kSdkLookup = "/api/v3/threads/t1/turns?limit=100";

std::string idempotency_key(const SentRequest& request) {
  const std::string prefix = "Idempotency-Key: ";
  for (const auto& line : request.header_lines)
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "";
}

json running_since_sent(const std::string& id) {
  json turn = turn_json(id, "running");
  turn["created_at"] = "2023-11-14T22:13:20Z";
  return turn;
}

TEST_F(DurableTurnSetCalls, ACreateWhoseFateIsUnknownIsFoundInItsThreadNotSentAgain) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(thread("t1")))
      .expect("POST", "/api/v3/threads/t1/turns", failure(TransferError::reset))
      .expect("GET", kSdkLookup, json_answer(page({running_since_sent("u1")})))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnSet set(client(), journaled());
  set.add(ask(), "france");
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished && finished->turn);
  EXPECT_EQ(finished->turn->id, "u1");
  EXPECT_EQ(server().sent().size(), 4u);
}

// Sent again with the key the journal holds, so that a server that honours
// Idempotency-Key also knows it for the same create after a crash.
TEST_F(DurableTurnSetCalls, ACreateThatCertainlyFailedIsSentOnceMoreWithTheJournalsKey) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(thread("t1")))
      .expect("POST", "/api/v3/threads/t1/turns", failure(TransferError::reset))
      .expect("GET", kSdkLookup, json_answer(page({})))
      .expect("POST", "/api/v3/threads/t1/turns", json_answer(turn("u2", "completed", "Paris")));
  TurnSet set(client(), journaled());
  set.add(ask(), "france");
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished && finished->turn);
  EXPECT_EQ(finished->turn->id, "u2");
  const std::string key = idempotency_key(server().sent().at(1));
  EXPECT_EQ(key.size(), 36u);
  EXPECT_EQ(idempotency_key(server().sent().at(3)), key);
  std::ifstream in(journal);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find(key), std::string::npos) << "the key is in the journal";
}

// When the SDK cannot ask (its lookups fail), the journal's own step does,
// once the server answers: the thread was made for this turn alone.
TEST_F(DurableTurnSetCalls, ACreateTheClientCouldNotConfirmIsFoundByTheJournalsNextStep) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(thread("t1")))
      .expect("POST", "/api/v3/threads/t1/turns", failure(TransferError::reset));
  for (int look = 0; look < 3; ++look)
    server().expect("GET", kSdkLookup, json_answer(404, "{}"));
  server()
      .expect("GET", "/api/v3/threads/t1/turns", json_answer(page({turn_json("u1", "running")})))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnSet set(client(), journaled());
  set.add(ask(), "france");
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished && finished->turn) << (finished && finished->error ? "an error" : "nothing");
  EXPECT_EQ(finished->turn->id, "u1");
  EXPECT_EQ(server().sent().size(), 7u);  // the turn was created once
}

TEST_F(DurableTurnSetCalls, ARefusedCreateIsAnOutcomeReportedAgainWithoutARequest) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(thread("t1")))
      .expect("POST", "/api/v3/threads/t1/turns", json_answer(400, R"({"detail": "bad scope"})"));
  {
    TurnSet set(client(), journaled());
    set.add(ask(), "france");
    const auto finished = set.next_completed();
    ASSERT_TRUE(finished && finished->error);
  }
  EXPECT_EQ(record_types(journal), (std::vector<std::string>{"intent", "thread", "outcome"}));
  TurnSet again(client(), journaled());
  EXPECT_EQ(again.find("france"), std::optional<TurnSet::Key>(0));
  EXPECT_EQ(again.add(ask(), "france"), 0u);  // taken back: nothing sent
  const auto finished = again.next_completed();
  ASSERT_TRUE(finished && finished->error);
  try {
    std::rethrow_exception(finished->error);
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad scope"), std::string::npos) << e.what();
  }
  EXPECT_EQ(server().sent().size(), 2u);
}

TEST_F(DurableTurnSetCalls, AnUnwritableJournalSendsNothing) {
  TurnSetOptions options = journaled();
  options.journal = (journal / "no" / "such" / "directory").string();
  EXPECT_THROW(TurnSet(client(), options), JournalError);
  EXPECT_TRUE(server().sent().empty());
}

}  // namespace
}  // namespace paradigm::testing
