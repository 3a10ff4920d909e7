// `paradigm --record FILE batch --concurrency 50` keeps as many turns in
// flight as it is asked to: a recording client runs its calls on the event
// loop like any other (0.2 ran them one at a time). The server holds every
// turn running until 50 were created, so a client with fewer in flight never
// sees one finish (and ends at its --timeout).

#include "cli_test_support.hpp"

#include <algorithm>
#include <mutex>
#include <set>

namespace paradigm_cli_test {
namespace {

constexpr int kInputs = 100;
constexpr int kConcurrency = 50;

// Turns the server has created and not yet reported finished; the most at once.
class Barrier {
 public:
  json create() {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string n = std::to_string(++created_);
    peak_ = std::max(peak_, ++running_);
    return turn_json("t" + n, "u" + n, "q", "");
  }
  json poll(const std::string& thread, const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (created_ < kConcurrency) return turn_json(thread, id, "q", "");
    if (finished_.insert(id).second) --running_;
    return turn_json(thread, id, "q", "Answer " + id);
  }
  int peak() {
    std::lock_guard<std::mutex> lock(mutex_);
    return peak_;
  }

 private:
  std::mutex mutex_;
  int created_ = 0;
  int running_ = 0;
  int peak_ = 0;
  std::set<std::string> finished_;
};

TEST(BatchRecord, KeepsFiftyTurnsInFlightWhileRecording) {
  TestServer server;
  Barrier barrier;
  // One server thread per keep-alive connection the client may open.
  server.routes().new_task_queue = [] { return new httplib::ThreadPool(2 * kConcurrency + 8); };
  server.on_new_turn([&barrier](const httplib::Request&, httplib::Response& res) {
    res.set_content(barrier.create().dump(), "application/json");
  });
  server.routes().Get(R"(/api/v3/threads/([^/]+)/turns/([^/]+))", [&barrier](const httplib::Request& req,
                                                                             httplib::Response& res) {
    res.set_content(barrier.poll(req.matches[1], req.matches[2]).dump(), "application/json");
  });
  server.start();
  ScratchDirectory scratch;
  std::string questions;
  for (int i = 0; i < kInputs; ++i)
    questions += "question " + std::to_string(i) + "\n";
  write_text(scratch.path() / "questions.txt", questions);

  const CliRun run = run_cli(scratch.path(), server.url(),
                             {"--timeout", "60", "--record", "session.jsonl", "batch", "questions.txt", "-o",
                              "answers.jsonl", "--concurrency", std::to_string(kConcurrency)});
  ASSERT_EQ(run.exit_code, 0) << run.output << read_text(scratch.path() / "answers.jsonl");
  EXPECT_EQ(barrier.peak(), kConcurrency);
  std::istringstream answers(read_text(scratch.path() / "answers.jsonl"));
  std::string line;
  int completed = 0;
  while (std::getline(answers, line))
    completed += json::parse(line).value("status", "") == "completed";
  EXPECT_EQ(completed, kInputs);
  // Every exchange was recorded: the creates and at least one poll per turn.
  std::istringstream cassette(read_text(scratch.path() / "session.jsonl"));
  int exchanges = 0;
  while (std::getline(cassette, line))
    exchanges += !line.empty();
  EXPECT_GE(exchanges, 2 * kInputs);
}

}  // namespace
}  // namespace paradigm_cli_test
