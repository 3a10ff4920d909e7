// The CLI's command line as docs/cli.md describes it: options that work
// before or after the subcommand, --version, a missing key explained in shell
// terms, `batch` refusing what it cannot do, `chat --json` as JSON Lines, and
// the batch summary on a line of its own on a terminal.

#include "cli_test_support.hpp"

#include <gmock/gmock.h>

#include <atomic>
#include <mutex>

namespace paradigm_cli_test {
namespace {

using ::testing::AllOf;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

class CliOptions : public ::testing::Test {
 protected:
  CliOptions() {
    const auto answer = [this](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Authorization") != "Bearer " + expected_key) {
        res.status = 401;
        return res.set_content(R"({"detail": "Invalid token."})", "application/json");
      }
      const int n = ++turns;
      {
        std::lock_guard<std::mutex> lock(mutex);
        last_body = req.body;
      }
      res.set_content(turn_json("t1", "u" + std::to_string(n), "q", "answer " + std::to_string(n)).dump(),
                      "application/json");
    };
    server.on_new_turn(answer);
    server.routes().Get("/api/v3/threads", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Authorization") != "Bearer " + expected_key) {
        res.status = 401;
        return res.set_content(R"({"detail": "Invalid token."})", "application/json");
      }
      res.set_content(R"({"count": 1, "next": null, "previous": null, "results": [
                           {"id": "t1", "name": "capitals", "status": "completed"}]})",
                      "application/json");
    });
    server.start();
  }

  CliRun run(const std::vector<std::string>& args, const std::string& input = "") {
    return run_cli(scratch.path(), server.url(), args, input, expected_key);
  }

  json last_request() {
    std::lock_guard<std::mutex> lock(mutex);
    return json::parse(last_body);
  }

  std::string expected_key = "cli-test-key";
  std::atomic<int> turns{0};
  std::mutex mutex;
  std::string last_body;
  TestServer server;
  ScratchDirectory scratch;
};

TEST_F(CliOptions, TheKeyAndTheUrlWorkBeforeTheSubcommand) {
  const CliRun before =
      run_cli(scratch.path(), "", {"--base-url", server.url(), "--api-key", expected_key, "threads"}, "", "");
  EXPECT_EQ(before.exit_code, 0) << before.output;
  EXPECT_THAT(before.out, HasSubstr("t1  completed  capitals"));
  const CliRun after =
      run_cli(scratch.path(), "", {"threads", "--base-url", server.url(), "--api-key", expected_key}, "", "");
  EXPECT_EQ(after.exit_code, 0) << after.output;
  const CliRun json_first =
      run_cli(scratch.path(), server.url(), {"--json", "-v", "threads"}, "", expected_key);
  EXPECT_EQ(json_first.exit_code, 0) << json_first.output;
  EXPECT_THAT(json_first.out, HasSubstr(R"("results")"));
}

TEST_F(CliOptions, AMissingKeyIsExplainedForTheShell) {
  const CliRun missing = run_cli(scratch.path(), server.url(), {"ask", "Hello?"}, "", "");
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_THAT(missing.err,
              AllOf(HasSubstr("PARADIGM_API_KEY"), HasSubstr("--api-key"), Not(HasSubstr("ClientOptions"))));
  EXPECT_EQ(turns, 0);
}

// Refused before anything is touched: the answers of an earlier run survive.
TEST_F(CliOptions, BatchWithoutAKeyKeepsItsOutputFile) {
  write_text(scratch.path() / "answers.jsonl", "{\"id\": \"1\", \"status\": \"completed\"}\n");
  const CliRun missing = run_cli(scratch.path(), server.url(), {"batch", "-o", "answers.jsonl"},
                                 "What is the capital of France?\n", "");
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_THAT(missing.err, HasSubstr("PARADIGM_API_KEY"));
  EXPECT_EQ(read_text(scratch.path() / "answers.jsonl"), "{\"id\": \"1\", \"status\": \"completed\"}\n");
}

TEST_F(CliOptions, VersionIsPrinted) {
  const CliRun version = run({"--version"});
  EXPECT_EQ(version.exit_code, 0) << version.output;
  EXPECT_THAT(version.out, ContainsRegex("^paradigm [0-9]+\\.[0-9]+\\.[0-9]+"));
}

TEST_F(CliOptions, BatchRefusesWhatItCannotDo) {
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{"--thread", "t1"}, {"--stream"}, {"--json"}}) {
    std::vector<std::string> args = {"batch"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliRun refused = run(args, "What is the capital of France?\n");
    EXPECT_EQ(refused.exit_code, 2) << extra[0] << ": " << refused.output;
    EXPECT_THAT(refused.err, HasSubstr(extra[0])) << refused.output;
    std::vector<std::string> global = {extra[0], "batch"};
    if (extra.size() > 1) global.insert(global.begin() + 1, extra[1]);
    if (extra[0] == "--json") {
      EXPECT_EQ(run(global, "Hi\n").exit_code, 2) << "--json before batch";
    }
  }
  EXPECT_EQ(turns, 0);
}

TEST_F(CliOptions, ChatJsonIsJsonLines) {
  const CliRun chat = run({"chat", "--json"}, "What is the capital of France?\nAnd its population?\n");
  EXPECT_EQ(chat.exit_code, 0) << chat.output;
  std::vector<std::string> lines;
  std::istringstream out(chat.out);
  for (std::string line; std::getline(out, line);)
    lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u) << chat.out;
  EXPECT_EQ(json::parse(lines[0])["id"], "u1");
  EXPECT_EQ(json::parse(lines[1])["id"], "u2");
  EXPECT_EQ(json::parse(lines[1])["status"], "completed");
}

// On a terminal (a pty from script(1)), the summary starts a line of its own.
TEST_F(CliOptions, TheBatchSummaryIsNotGluedToTheProgressLine) {
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  write_text(scratch.path() / "questions.txt", "What is the capital of France?\nWho wrote Hamlet?\n");
  const std::string command =
      "cd " + shell_quoted(scratch.path().string()) + " && PARADIGM_BASE_URL=" + shell_quoted(server.url()) +
      " PARADIGM_API_KEY=" + shell_quoted(expected_key) + " script -qec " +
      shell_quoted(shell_quoted(PARADIGM_CLI) + " batch questions.txt -o answers.jsonl") +
      " /dev/null > terminal.txt 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string terminal = read_text(scratch.path() / "terminal.txt");
  const auto summary = terminal.find("2 completed, 0 failed");
  ASSERT_NE(summary, std::string::npos) << terminal;
  const std::string before = terminal.substr(0, summary);
  const bool own_line = before.empty() || before.back() == '\n' ||
                        (before.size() >= 3 && before.substr(before.size() - 3) == "\x1b[K");
  EXPECT_TRUE(own_line) << "glued to: " << before;
}

// A first try: `paradigm ask What is the capital of France?` without quotes.
TEST_F(CliOptions, AnUnquotedQuestionIsOneQuery) {
  const CliRun ask = run({"ask", "What", "is", "the", "capital", "of", "France?", "--max-steps", "2"});
  EXPECT_EQ(ask.exit_code, 0) << ask.output;
  EXPECT_EQ(ask.out, "answer 1\n");
  EXPECT_EQ(last_request()["query"], "What is the capital of France?");
  EXPECT_EQ(last_request()["max_steps"], 2);
}

// `paradigm artifact ID -o DIR`: a directory gets the file the server names,
// as --download-artifacts does (never replacing one).
TEST_F(CliOptions, AnArtifactToADirectoryIsSavedInIt) {
  server.routes().Get(R"(/api/v3/artifacts/(.+)/content)",
                      [](const httplib::Request&, httplib::Response& res) {
                        res.set_header("Content-Disposition", R"(attachment; filename="../chart.png")");
                        res.set_content("png bytes", "image/png");
                      });
  fs::create_directories(scratch.path() / "charts");
  write_text(scratch.path() / "charts" / "chart.png", "mine");
  const CliRun first = run({"artifact", "a1", "-o", "charts"});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(read_text(scratch.path() / "charts" / "chart.png"), "mine");
  EXPECT_EQ(read_text(scratch.path() / "charts" / "chart (1).png"), "png bytes");
  const CliRun second = run({"artifact", "a1", "-o", "charts/"});
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(read_text(scratch.path() / "charts" / "chart (2).png"), "png bytes");
  EXPECT_THAT(second.err, HasSubstr("saved charts/chart (2).png"));
  // A file the user names is the user's to replace.
  const CliRun named = run({"artifact", "a1", "-o", "charts/chart.png"});
  EXPECT_EQ(named.exit_code, 0) << named.output;
  EXPECT_EQ(read_text(scratch.path() / "charts" / "chart.png"), "png bytes");
}

}  // namespace
}  // namespace paradigm_cli_test
