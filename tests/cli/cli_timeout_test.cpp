// `--timeout SECONDS` bounds each request of a command, retries included,
// against a server that accepts connections and never answers; on a terminal
// the CLI says that it is still trying while it retries.

#include "cli_test_support.hpp"

#include <gmock/gmock.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace paradigm_cli_test {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

/// A socket on 127.0.0.1 that listens and never accepts: the kernel completes
/// each connection, the request is sent, no answer ever comes.
class SilentServer {
 public:
  SilentServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd_, 64) != 0) {
      ADD_FAILURE() << "cannot listen";
      return;
    }
    socklen_t size = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
  }
  ~SilentServer() { ::close(fd_); }
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  int port_ = 0;
};

/// The URL of a port nothing listens on (bound, then closed): connections are refused.
std::string refusing_url() {
  SilentServer closed_soon;
  return closed_soon.url();
}

class CliTimeout : public ::testing::Test {
 protected:
  // Runs the CLI and measures how long it took.
  CliRun timed_run(const std::string& url, const std::vector<std::string>& args) {
    const auto start = std::chrono::steady_clock::now();
    CliRun run = run_cli(scratch.path(), url, args);
    took = std::chrono::steady_clock::now() - start;
    return run;
  }

  ScratchDirectory scratch;
  std::chrono::steady_clock::duration took{};
};

// Without --timeout the defaults apply (10 min at most, docs/configuration.md):
// a listing against this server took 361 s, a question 600 s.
TEST_F(CliTimeout, AListingGivesUpAfterTheTimeout) {
  SilentServer server;
  const CliRun run = timed_run(server.url(), {"threads", "--timeout", "1.5"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.err,
              AllOf(HasSubstr("timeout"), HasSubstr("1 attempt, 1."), HasSubstr("total_timeout reached")));
  EXPECT_LT(took, std::chrono::seconds(60)) << "bounds only a failure: the limit is 1.5 s";
}

TEST_F(CliTimeout, AQuestionGivesUpAfterTheTimeout) {
  SilentServer server;
  const CliRun run = timed_run(server.url(), {"--timeout", "1.5", "ask", "Hello?"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.err, HasSubstr("total_timeout reached"));
  EXPECT_LT(took, std::chrono::seconds(60)) << "bounds only a failure: the limit is 1.5 s";
}

TEST_F(CliTimeout, RetriesAreSilentWhenStderrIsNotATerminal) {
  const CliRun run = timed_run(refusing_url(), {"threads", "--timeout", "30"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.err, AllOf(HasSubstr("3 attempts"), Not(HasSubstr("still trying"))));
}

// On a terminal (a pty from script(1)), each retry says so on a line of its own.
TEST_F(CliTimeout, OnATerminalEachRetryIsShown) {
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  const std::string command = "cd " + shell_quoted(scratch.path().string()) +
                              " && PARADIGM_BASE_URL=" + shell_quoted(refusing_url()) +
                              " PARADIGM_API_KEY=cli-test-key script -qec " +
                              shell_quoted(shell_quoted(PARADIGM_CLI) + " threads --timeout 30") +
                              " /dev/null > terminal.txt 2>&1";
  std::system(command.c_str());
  const std::string terminal = read_text(scratch.path() / "terminal.txt");
  EXPECT_THAT(terminal, AllOf(HasSubstr("still trying: could not connect"), HasSubstr("attempt 1, "),
                              HasSubstr("attempt 2, "), HasSubstr("3 attempts")));
}

}  // namespace
}  // namespace paradigm_cli_test
