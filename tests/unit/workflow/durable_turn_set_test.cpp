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

TEST_F(DurableTurnSetCalls, ACreateWhoseFateIsUnknownIsFoundInItsThreadNotSentAgain) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(thread("t1")))
      .expect("POST", "/api/v3/threads/t1/turns", failure(TransferError::reset))
      .expect("GET", "/api/v3/threads/t1/turns", json_answer(page({turn_json("u1", "running")})))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnSet set(client(), journaled());
  set.add(ask(), "france");
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished && finished->turn);
  EXPECT_EQ(finished->turn->id, "u1");
  EXPECT_EQ(server().sent().size(), 4u);
}

TEST_F(DurableTurnSetCalls, ACreateThatCertainlyFailedIsSentOnceMore) {
  server()
      .expect("POST", "/api/v3/threads", json_answer(thread("t1")))
      .expect("POST", "/api/v3/threads/t1/turns", failure(TransferError::reset))
      .expect("GET", "/api/v3/threads/t1/turns", json_answer(page({})))
      .expect("POST", "/api/v3/threads/t1/turns", json_answer(turn("u2", "completed", "Paris")));
  TurnSet set(client(), journaled());
  set.add(ask(), "france");
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished && finished->turn);
  EXPECT_EQ(finished->turn->id, "u2");
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
