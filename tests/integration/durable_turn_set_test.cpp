// Durable turn sets against the emulator: a journaled TurnSet that dies at
// any step (a journal written up to that step, with the server in the state
// the step left it) or at a random moment (a child process killed with
// SIGKILL) is opened again and every turn exists exactly once on the server,
// with the report matching the server's store.
#include "support/mock_fixture.hpp"

#include "client/journal_file.hpp"
#include "client/turn_journal.hpp"
#include "workflow/turn_steps.hpp"

#include <paradigm/journal.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

namespace paradigm::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

class ScratchFile {
 public:
  ScratchFile() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("paradigm-journal-" + std::to_string(random()) + std::to_string(random()));
  }
  ~ScratchFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void append_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << text;
}

class DurableTurnSets : public MockTest {
 protected:
  DurableTurnSets() {
    mock::MockConfig config;
    config.turn_duration = milliseconds(20);
    config.compress_json = false;
    server.configure(config);
  }

  TurnSetOptions journaled() const {
    TurnSetOptions set_options;
    set_options.waiting = quick_polls();
    set_options.journal = journal.path();
    set_options.settle = milliseconds(50);
    return set_options;
  }

  // Opens the set on the journal, adds `queries` by name (the query) and waits for all.
  std::vector<TurnSet::Finished> run(const std::vector<std::string>& queries,
                                     std::optional<milliseconds> settle = std::nullopt) {
    TurnSetOptions with = journaled();
    if (settle) with.settle = *settle;
    TurnSet set(ThreadsClient(options()), with);
    for (const auto& query : queries)
      set.add(ask(query), query);
    return set.wait_all();
  }

  // Each query created exactly once, and each report names the server's turn.
  void expect_exactly_once(const std::vector<std::string>& queries,
                           const std::vector<TurnSet::Finished>& report) {
    std::map<std::string, std::string> turn_by_query;
    for (const auto& turn : server.created_turns())
      turn_by_query[turn.query] = turn.turn_id;
    ASSERT_EQ(report.size(), queries.size());
    for (const auto& query : queries)
      EXPECT_EQ(server.turns_created_for_query(query), 1) << query;
    for (const auto& finished : report) {
      ASSERT_TRUE(finished.turn) << finished.name;
      EXPECT_TRUE(finished.completed()) << finished.name;
      EXPECT_EQ(finished.turn->id, turn_by_query[finished.name]) << finished.name;
    }
  }

  ScratchFile journal;
};

TEST_F(DurableTurnSets, EachTurnGoesThreadFirstAndIsWrittenDownStepByStep) {
  const std::vector<std::string> queries{"alpha", "beta", "gamma"};
  const auto report = run(queries);
  expect_exactly_once(queries, report);
  // An empty thread, then the turn in it: never the one-step create.
  EXPECT_EQ(count("POST", "/api/v3/threads"), 3u);
  EXPECT_EQ(count("POST", "/api/v3/threads/turns"), 0u);
  std::vector<nlohmann::json> records;
  detail::JournalFile file(journal.path(), records);
  std::map<std::string, int> kinds;
  for (const auto& record : records)
    ++kinds[record["t"].get<std::string>()];
  EXPECT_EQ(kinds, (std::map<std::string, int>{{"intent", 3}, {"thread", 3}, {"turn", 3}, {"outcome", 3}}));
}

TEST_F(DurableTurnSets, AFinishedJournalIsReportedWithoutAnyRequest) {
  const std::vector<std::string> queries{"one", "two"};
  const auto first = run(queries);
  server.clear_requests();
  const auto again = run(queries);
  EXPECT_TRUE(server.requests().empty());
  expect_exactly_once(queries, again);
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(first[i].turn->final_answer(), again[i].turn->final_answer());
}

// The journal as a crash left it after each step, with the server as that
// step left it: opened again, the turn exists once.
class CrashAtStep : public DurableTurnSets {
 protected:
  // A journal holding the intent of "q" (entry 0).
  std::unique_ptr<detail::TurnJournal> intent_only() {
    std::vector<detail::JournalEntry> none;
    auto file = std::make_unique<detail::TurnJournal>(journal.path(), none);
    detail::JournalEntry entry;
    entry.name = "q";
    entry.request = ask("q");
    entry.idempotency_key = detail::new_idempotency_key();
    file->intent(0, entry);
    return file;
  }
};

TEST_F(CrashAtStep, AfterTheIntent) {
  { auto file = intent_only(); }
  expect_exactly_once({"q"}, run({"q"}));
}

TEST_F(CrashAtStep, AfterTheThreadWasMadeButBeforeItsIdWasWritten) {
  { auto file = intent_only(); }
  ThreadsClient(options()).create_thread(ThreadRequest{});  // an orphan, empty: harmless
  expect_exactly_once({"q"}, run({"q"}));
}

TEST_F(CrashAtStep, AfterTheThreadIdWasWritten) {
  {
    auto file = intent_only();
    file->thread(0, ThreadsClient(options()).create_thread(ThreadRequest{}).id);
  }
  expect_exactly_once({"q"}, run({"q"}));
}

TEST_F(CrashAtStep, AfterTheTurnWasCreatedButBeforeItsIdWasWritten) {
  std::string turn_id;
  {
    auto file = intent_only();
    auto client = ThreadsClient(options());
    const auto thread = client.create_thread(ThreadRequest{});
    file->thread(0, thread.id);
    TurnRequest request = ask("q");
    request.background = true;
    turn_id = client.create_turn(thread.id, request).id;
  }
  const auto report = run({"q"});
  expect_exactly_once({"q"}, report);
  EXPECT_EQ(report.at(0).turn->id, turn_id);
}

TEST_F(CrashAtStep, AfterTheTurnIdWasWritten) {
  {
    auto file = intent_only();
    auto client = ThreadsClient(options());
    const auto thread = client.create_thread(ThreadRequest{});
    file->thread(0, thread.id);
    TurnRequest request = ask("q");
    request.background = true;
    file->turn(0, client.create_turn(thread.id, request).id);
  }
  server.clear_requests();
  expect_exactly_once({"q"}, run({"q"}));
  EXPECT_EQ(count("POST", "/api/v3/threads"), 0u);
}

TEST_F(DurableTurnSets, ATornLastLineIsIgnoredAndCutOff) {
  const std::vector<std::string> queries{"a", "b"};
  run(queries);
  const std::string whole = read_text(journal.path());
  // The start of a line a crash cut short, and a line whose bytes changed.
  for (const std::string& torn :
       {std::string("{\"crc\":\"0123"), detail::journal_line({{"t", "turn"}, {"k", 0}}).substr(0, 20),
        std::string("{\"crc\":\"00000000\",\"rec\":{\"t\":\"outcome\",\"k\":0}}\n")}) {
    append_text(journal.path(), torn);
    server.clear_requests();
    const auto report = run(queries);
    EXPECT_TRUE(server.requests().empty());
    expect_exactly_once(queries, report);
    EXPECT_EQ(read_text(journal.path()), whole);
  }
}

TEST_F(DurableTurnSets, ACorruptMiddleLineIsAClearError) {
  run({"a", "b"});
  std::string text = read_text(journal.path());
  text[text.find("\"intent\"") + 2] ^= 1;  // one bit, in a line that is not the last
  std::ofstream(journal.path(), std::ios::binary | std::ios::trunc) << text;
  server.clear_requests();
  try {
    TurnSet set(ThreadsClient(options()), journaled());
    FAIL() << "opened a corrupt journal";
  } catch (const JournalError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2 is corrupt"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(DurableTurnSets, AJournalOfAnotherVersionIsAClearError) {
  std::ofstream(journal.path(), std::ios::binary)
      << detail::journal_line({{"format", "paradigm.turn_set_journal"}, {"version", 2}});
  try {
    TurnSet set(ThreadsClient(options()), journaled());
    FAIL() << "opened a journal of version 2";
  } catch (const JournalError& e) {
    EXPECT_NE(std::string(e.what()).find("version 2, this SDK reads version 1"), std::string::npos)
        << e.what();
  }
  std::ofstream(journal.path(), std::ios::binary | std::ios::trunc) << detail::journal_line({{"hello", 1}});
  EXPECT_THROW(TurnSet(ThreadsClient(options()), journaled()), JournalError);
}

TEST_F(DurableTurnSets, AJournalInUseIsRefused) {
  TurnSet first(ThreadsClient(options()), journaled());
  try {
    TurnSet second(ThreadsClient(options()), journaled());
    FAIL() << "two sets on one journal";
  } catch (const JournalError& e) {
    EXPECT_NE(std::string(e.what()).find("in use"), std::string::npos) << e.what();
  }
}

TEST_F(DurableTurnSets, RequestsComeBackExactlyAsAdded) {
  TurnRequest request = ask("exact");
  request.name = "a thread";
  request.max_steps = 3;
  request.workspace_ids = std::vector<std::int64_t>{1, 2};
  request.tool_parameters = JsonValue::parse(R"({"document_search": {"top_k": 20}})");
  request.extra_body = JsonValue::parse(R"({"custom": [1, "two"]})");
  {
    std::vector<detail::JournalEntry> none;
    detail::TurnJournal file(journal.path(), none);
    detail::JournalEntry entry;
    entry.name = "exact";
    entry.request = request;
    file.intent(0, entry);
  }
  std::vector<detail::JournalEntry> entries;
  detail::TurnJournal file(journal.path(), entries);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(to_json(entries[0].request), to_json(request));
}

TEST_F(DurableTurnSets, AnExistingTurnIsJournaledWithoutACreate) {
  auto client = ThreadsClient(options());
  TurnRequest request = ask("existing");
  request.background = true;
  const Turn running = client.create_thread_with_turn(request);
  {
    TurnSet set(ThreadsClient(options()), journaled());
    set.add_existing(running.thread, running.id);
    const auto report = set.wait_all();
    ASSERT_EQ(report.size(), 1u);
    EXPECT_TRUE(report[0].completed());
  }
  server.clear_requests();
  TurnSet again(ThreadsClient(options()), journaled());
  const auto report = again.wait_all();
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].turn->id, running.id);
  EXPECT_TRUE(server.requests().empty());
  EXPECT_EQ(server.turns_created_for_query("existing"), 1);
}

TEST_F(DurableTurnSets, TurnsTakenBackAllRunUnderACap) {
  std::vector<std::string> queries;
  {
    std::vector<detail::JournalEntry> none;
    detail::TurnJournal file(journal.path(), none);
    for (int i = 0; i < 6; ++i) {
      detail::JournalEntry entry;
      entry.name = queries.emplace_back("capped " + std::to_string(i));
      entry.request = ask(entry.name);
      file.intent(static_cast<std::size_t>(i), entry);
    }
  }
  TurnSetOptions capped = journaled();
  capped.max_in_flight = 2;
  TurnSet set(ThreadsClient(options()), capped);
  EXPECT_EQ(set.size(), 6u);
  EXPECT_LE(set.running(), 6u);
  EXPECT_EQ(set.find("capped 3"), std::optional<TurnSet::Key>(3));
  EXPECT_EQ(set.name(3), "capped 3");
  expect_exactly_once(queries, set.wait_all());
}

TEST_F(DurableTurnSets, UnnamedTurnsAddedInTheSameOrderAreFoundAgain) {
  const std::vector<std::string> queries{"first", "second"};
  const auto unnamed_run = [&] {
    TurnSet set(ThreadsClient(options()), journaled());
    for (const auto& query : queries)
      set.add(ask(query));
    return set.wait_all();
  };
  const auto first = unnamed_run();
  server.clear_requests();
  const auto again = unnamed_run();
  EXPECT_TRUE(server.requests().empty());
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[1].name, "1");
  EXPECT_EQ(again[1].turn->id, first[1].turn->id);
}

TEST_F(DurableTurnSets, AnotherRequestUnderANameTheJournalHoldsIsRefused) {
  run({"kept"});
  server.clear_requests();
  TurnSet set(ThreadsClient(options()), journaled());
  EXPECT_THROW(set.add(ask("changed"), "kept"), InvalidRequestError);
  EXPECT_EQ(set.add(ask("kept"), "kept"), 0u);
  set.wait_all();
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(DurableTurnSets, AFollowUpIsRefusedInAJournaledSet) {
  TurnSet set(ThreadsClient(options()), journaled());
  EXPECT_THROW(set.add("t1", ask("follow-up")), InvalidRequestError);
}

TEST_F(DurableTurnSets, AResumeTokenWaitsForItsTurn) {
  auto client = ThreadsClient(options());
  TurnRequest request = ask("token");
  request.background = true;
  const Turn running = client.create_thread_with_turn(request);
  const std::string token = ResumeToken{running.thread, running.id, std::string("42")}.to_string();
  EXPECT_EQ(token.rfind("pt1.", 0), 0u);
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"),
            std::string::npos);
  const ResumeToken back = ResumeToken::parse(token);
  EXPECT_EQ(back.thread_id, running.thread);
  EXPECT_EQ(back.turn_id, running.id);
  EXPECT_EQ(back.last_event_id, std::optional<std::string>("42"));
  EXPECT_EQ(wait_for_token(client, token, quick_polls()).status, TurnStatus::completed);
  EXPECT_EQ(async_wait_for_token(client, token, quick_polls()).get().id, running.id);
  for (const char* bad : {"", "pt1.", "pt2.eyJ0aCI6IngifQ", "pt1.!!!", "pt1.eyJ0aCI6IngifQ", "hello"})
    EXPECT_THROW(ResumeToken::parse(bad), InvalidRequestError) << bad;
}

// The real thing: a child process runs the set and is killed with SIGKILL at
// a random moment; the parent opens the set again on the same journal.
TEST_F(DurableTurnSets, AProcessKilledAtARandomMomentResumesWithEachTurnOnce) {
  std::vector<std::string> queries;
  for (int i = 0; i < 12; ++i)
    queries.push_back("killed " + std::to_string(i));
  const auto seed = std::random_device{}();
  std::mt19937 random(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  for (int round = 0; round < 3; ++round) {
    const std::string prefix = "r" + std::to_string(round) + " ";
    std::vector<std::string> named;
    for (const auto& query : queries)
      named.push_back(prefix + query);
    std::error_code ignored;
    fs::remove(journal.path(), ignored);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      try {
        run(named);
      } catch (...) {
      }
      ::_exit(0);
    }
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, 150000)(random)));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    // Resumed at once, with the default settle: a create the child had sent
    // and the server had not acted on yet shows before the thread is listed.
    const auto report = run(named, TurnSetOptions().settle);
    expect_exactly_once(named, report);
  }
}

}  // namespace
}  // namespace paradigm::testing
