// `paradigm batch --journal` and `paradigm wait --token` against a server of
// the test's own: a second run on a finished journal sends nothing, each
// result line carries a token that `wait --token` takes, and what cannot
// work is refused before anything is sent.

#include "cli_test_support.hpp"

#include <gmock/gmock.h>

#include <atomic>
#include <mutex>

namespace paradigm_cli_test {
namespace {

using ::testing::HasSubstr;

class BatchJournal : public ::testing::Test {
 protected:
  void SetUp() override {
    server.routes().Post("/api/v3/threads", [this](const httplib::Request&, httplib::Response& res) {
      const std::string id = "t" + std::to_string(++threads);
      res.set_content(json{{"id", id}, {"name", "n"}, {"object", "thread"}}.dump(), "application/json");
    });
    server.routes().Post(R"(/api/v3/threads/([^/]+)/turns)",
                         [this](const httplib::Request& req, httplib::Response& res) {
                           const std::string thread = req.matches[1];
                           const std::string query = json::parse(req.body).value("query", "");
                           std::lock_guard<std::mutex> lock(mutex);
                           turns[thread] = turn_json(thread, "u" + thread.substr(1), query, "About " + query);
                           res.set_content(turns[thread].dump(), "application/json");
                         });
    server.routes().Get(R"(/api/v3/threads/([^/]+)/turns/([^/]+))",
                        [this](const httplib::Request& req, httplib::Response& res) {
                          ++polls;
                          std::lock_guard<std::mutex> lock(mutex);
                          const auto found = turns.find(req.matches[1]);
                          if (found == turns.end()) {
                            res.status = 404;
                            res.set_content(R"({"detail": "Not found."})", "application/json");
                            return;
                          }
                          res.set_content(found->second.dump(), "application/json");
                        });
    server.start();
    write_text(scratch.path() / "questions.txt", "first\nsecond\nthird\n");
  }

  CliRun batch(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"batch", "questions.txt", "--journal", "run.journal",
                                  "-o",    "answers.jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(scratch.path(), server.url(), args);
  }

  std::vector<json> answers() const {
    std::vector<json> lines;
    std::istringstream text(read_text(scratch.path() / "answers.jsonl"));
    std::string line;
    while (std::getline(text, line))
      lines.push_back(json::parse(line));
    return lines;
  }

  TestServer server;
  ScratchDirectory scratch;
  std::atomic<int> threads{0};
  std::atomic<int> polls{0};
  std::mutex mutex;
  std::map<std::string, json> turns;
};

TEST_F(BatchJournal, ASecondRunOnAFinishedJournalSendsNothingAndReportsTheSame) {
  const CliRun first = batch();
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const auto before = answers();
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(threads, 3);
  const int polls_before = polls;
  const CliRun second = batch();
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(threads, 3);
  EXPECT_EQ(polls, polls_before);
  EXPECT_EQ(answers(), before);
}

TEST_F(BatchJournal, EachResultCarriesATokenThatWaitTakes) {
  ASSERT_EQ(batch().exit_code, 0);
  const auto lines = answers();
  ASSERT_FALSE(lines.empty());
  const std::string token = lines[0]["resume_token"];
  EXPECT_EQ(token.rfind("pt1.", 0), 0u);
  const CliRun waited = run_cli(scratch.path(), server.url(), {"wait", "--token", token});
  EXPECT_EQ(waited.exit_code, 0) << waited.output;
  EXPECT_THAT(waited.out, HasSubstr("About first"));
}

TEST_F(BatchJournal, WhatCannotWorkIsRefusedBeforeAnythingIsSent) {
  const CliRun with_resume = batch({"--resume"});
  EXPECT_EQ(with_resume.exit_code, 2);
  EXPECT_THAT(with_resume.err, HasSubstr("drop --resume"));
  write_text(scratch.path() / "questions.txt",
             "{\"id\": \"a\", \"query\": \"x\"}\n{\"id\": \"a\", \"query\": \"y\"}\n");
  const CliRun twice = batch();
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_THAT(twice.err, HasSubstr("input id a appears twice"));
  const CliRun bad_token = run_cli(scratch.path(), server.url(), {"wait", "--token", "pt1.%%%"});
  EXPECT_EQ(bad_token.exit_code, 2);
  EXPECT_THAT(bad_token.err, HasSubstr("not a resume token"));
  const CliRun neither = run_cli(scratch.path(), server.url(), {"wait"});
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_EQ(threads, 0);
  EXPECT_EQ(polls, 0);
}

TEST_F(BatchJournal, ACorruptJournalIsAClearErrorAndSendsNothing) {
  write_text(scratch.path() / "run.journal", "{\"crc\":\"00000000\",\"rec\":{}}\nnot a record\n{}\n");
  const CliRun run = batch();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("line 1 is corrupt"));
  EXPECT_EQ(threads, 0);
}

}  // namespace
}  // namespace paradigm_cli_test
