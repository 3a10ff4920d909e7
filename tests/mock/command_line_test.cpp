// The `paradigm-mock` executable: its fault options and SIGHUP restart, as a
// soak script drives it from outside.
#include "raw_connection.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

extern char** environ;

namespace paradigm::mock::command_line_test {
namespace {

using nlohmann::json;
using std::chrono::seconds;
using test_support::http_request;
using test_support::RawConnection;
using test_support::wait_until_accepted;

// paradigm-mock as a child process, from its "listening on" line to its exit.
class MockProcess {
 public:
  explicit MockProcess(std::vector<std::string> options) {
    options.insert(options.begin(), PARADIGM_MOCK_EXECUTABLE);
    options.insert(options.begin() + 1, {"--port", "0"});
    std::vector<char*> argv;
    for (auto& option : options)
      argv.push_back(option.data());
    argv.push_back(nullptr);
    int out[2];
    if (::pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    stdout_ = ::fdopen(out[0], "r");
    char line[256] = {};
    if (pid_ > 0 && stdout_ &&
        std::fgets(line, sizeof(line), stdout_)) {  // "... listening on http://127.0.0.1:PORT"
      const std::string text(line);
      port_ = std::stoi(text.substr(text.rfind(':') + 1));
    }
  }
  ~MockProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      exit_status();
    }
    if (stdout_) std::fclose(stdout_);
  }
  MockProcess(const MockProcess&) = delete;
  MockProcess& operator=(const MockProcess&) = delete;

  int port() const { return port_; }
  void signal(int number) { ::kill(pid_, number); }
  /// Waits for the process to end: its exit status, or -1.
  int exit_status() {
    int status = 0;
    const bool ended = pid_ > 0 && ::waitpid(pid_, &status, 0) == pid_;
    pid_ = -1;
    return ended && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  FILE* stdout_ = nullptr;
  int port_ = 0;
};

std::string post_create(int port, const std::string& key = "") {
  RawConnection connection(port);
  connection.send(
      http_request("POST", "/api/v3/threads/turns", R"({"query": "Hi"})",
                   "Connection: close\r\n" + (key.empty() ? "" : "Idempotency-Key: " + key + "\r\n")));
  return connection.read_until_closed();
}

TEST(CommandLine, FaultOptionsAndIdempotencyKeys) {
  MockProcess mock({"--fault", R"({"method": "POST", "transport": "close_after_handling"})",
                    "--honour-idempotency-key", "--stream-drop-after-events", "2"});
  ASSERT_GT(mock.port(), 0);
  EXPECT_EQ(post_create(mock.port(), "k1"), "") << "the --fault";
  EXPECT_EQ(post_create(mock.port(), "k1").rfind("HTTP/1.1 200 OK", 0), 0u);
  httplib::Client admin("127.0.0.1", mock.port());
  const json turns = json::parse(admin.Get("/_mock/turns")->body);
  EXPECT_EQ(turns["count"], 1) << "the repeated key answered with the first turn";
  EXPECT_EQ(turns["turns"][0]["replays"], 1);

  const std::string thread = turns["turns"][0]["thread_id"];
  RawConnection stream(mock.port());
  stream.send(
      http_request("POST", "/api/v3/threads/" + thread + "/turns", R"({"query": "Hi", "stream": true})"));
  const std::string events = stream.read_until_closed();
  EXPECT_NE(events.find("event: turn.created"), std::string::npos);
  EXPECT_EQ(events.find("event: done"), std::string::npos) << events;
  EXPECT_EQ(admin.Post("/_mock/shutdown", "{}", "application/json")->status, 202);
  EXPECT_EQ(mock.exit_status(), 0);
}

TEST(CommandLine, SighupRestartsKeepingTheStore) {
  MockProcess mock({});
  ASSERT_GT(mock.port(), 0);
  ASSERT_EQ(post_create(mock.port()).rfind("HTTP/1.1 200 OK", 0), 0u);
  RawConnection idle(mock.port());
  ASSERT_EQ(idle.ask(), "HTTP/1.1 200 OK");
  mock.signal(SIGHUP);
  EXPECT_EQ(idle.read_answer(), "") << "the restart dropped it";
  ASSERT_TRUE(wait_until_accepted(mock.port()));
  httplib::Client admin("127.0.0.1", mock.port());
  EXPECT_EQ(json::parse(admin.Get("/_mock/turns")->body)["count"], 1);
  mock.signal(SIGTERM);
  EXPECT_EQ(mock.exit_status(), 0);
}

TEST(CommandLine, ABadFaultIsAUsageError) {
  MockProcess mock({"--fault", R"({"transport": "teleport"})"});
  EXPECT_EQ(mock.port(), 0);
  EXPECT_EQ(mock.exit_status(), 2);
}

}  // namespace
}  // namespace paradigm::mock::command_line_test
