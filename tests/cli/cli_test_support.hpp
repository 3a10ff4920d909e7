#pragma once

// Running the built `paradigm` CLI against a server of the test's own: a
// cpp-httplib server on 127.0.0.1 (a free port), each route answering what the
// test says, and a scratch directory to run in.

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace paradigm_cli_test {

namespace fs = std::filesystem;
using nlohmann::json;

/// A server on 127.0.0.1 whose routes the test sets before the CLI runs.
class TestServer {
 public:
  TestServer() = default;
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;
  ~TestServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Server& routes() { return server_; }

  /// Answers a new thread's turn with `handler`, however the client sends it:
  /// the thread first (POST /api/v3/threads, answered with thread "t1", then
  /// its turn) or as one request (POST /api/v3/threads/turns).
  void on_new_turn(const httplib::Server::Handler& handler) {
    server_.Post("/api/v3/threads/turns", handler);
    server_.Post("/api/v3/threads", [](const httplib::Request&, httplib::Response& res) {
      res.status = 201;
      res.set_content(R"({"id": "t1", "object": "thread", "status": "completed"})", "application/json");
    });
    server_.Post(R"(/api/v3/threads/[^/]+/turns)", handler);
  }

  /// Binds to a free port and serves (the socket listens once bound, so a
  /// client may connect at once).
  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    deepen_backlog();
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  // httplib listens with a backlog of 5: a client opening dozens of
  // connections at once overflows it (SYN cookies, then resets the client
  // rightly reports). Linux takes a second listen() on the socket as a new
  // backlog; the socket is the one listening on this server's port.
  void deepen_backlog() const {
    for (int fd = 0; fd < 4096; ++fd) {
      sockaddr_in address{};
      socklen_t length = sizeof(address);
      if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
      if (address.sin_family != AF_INET || ntohs(address.sin_port) != port_) continue;
      int listening = 0;
      socklen_t size = sizeof(listening);
      if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0 && listening)
        ::listen(fd, 1024);
    }
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

/// A fresh directory, removed with everything in it.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("paradigm-cli-test-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// Single quotes for the shell.
inline std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout then stderr
  std::string out;
  std::string err;
};

/// Runs `paradigm ARGS...` in `directory` with the environment's
/// PARADIGM_BASE_URL (when `base_url` is not empty) and PARADIGM_API_KEY
/// (when `api_key` is not empty) and nothing else of PARADIGM_*; stdin is
/// `input`.
inline CliRun run_cli(const fs::path& directory, const std::string& base_url,
                      const std::vector<std::string>& args, const std::string& input = "",
                      const std::string& api_key = "cli-test-key") {
  write_text(directory / ".stdin", input);
  std::string command = "cd " + shell_quoted(directory.string()) +
                        " && env -u PARADIGM_LOG -u PARADIGM_BASE_URL -u PARADIGM_API_KEY";
  if (!base_url.empty()) command += " PARADIGM_BASE_URL=" + shell_quoted(base_url);
  if (!api_key.empty()) command += " PARADIGM_API_KEY=" + shell_quoted(api_key);
  command += " " + shell_quoted(PARADIGM_CLI);
  for (const auto& arg : args)
    command += " " + shell_quoted(arg);
  command += " < .stdin > .stdout 2> .stderr";
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_text(directory / ".stdout");
  run.err = read_text(directory / ".stderr");
  run.output = run.out + run.err;
  for (const char* name : {".stdin", ".stdout", ".stderr"})
    fs::remove(directory / name);
  return run;
}

/// A turn of `thread` asking `query`; completed with `answer`, or running
/// (without an answer) when `answer` is empty.
inline json turn_json(const std::string& thread, const std::string& id, const std::string& query,
                      const std::string& answer) {
  json turn = {
      {"id", id},
      {"thread", thread},
      {"status", answer.empty() ? "running" : "completed"},
      {"object", "turn"},
      {"messages", {{{"id", "m1"}, {"role", "user"}, {"parts", {{{"type", "text"}, {"text", query}}}}}}}};
  if (!answer.empty()) {
    turn["messages"].push_back(
        {{"id", "m2"}, {"role", "assistant"}, {"parts", {{{"type", "text"}, {"text", answer}}}}});
  }
  return turn;
}

/// A completed turn whose one tool call produced `file_artifacts`.
inline json turn_with_artifacts(const json& file_artifacts) {
  return {{"id", "u1"},
          {"thread", "t1"},
          {"status", "completed"},
          {"object", "turn"},
          {"messages",
           {{{"id", "m1"}, {"role", "user"}, {"parts", {{{"type", "text"}, {"text", "Draw"}}}}},
            {{"id", "m2"},
             {"role", "assistant"},
             {"parts",
              {{{"type", "tool_call"},
                {"tool_call",
                 {{"id", "c1"},
                  {"tool", {{"id", "x"}, {"name", "code_execution"}, {"type", "native"}}},
                  {"result", {{"file_artifacts", file_artifacts}}}}}},
               {{"type", "text"}, {"text", "Here it is."}}}}}}}};
}

/// Every file and directory under `root`, as paths relative to it.
inline std::vector<std::string> tree(const fs::path& root) {
  std::vector<std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    entries.push_back(fs::relative(entry.path(), root).string());
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace paradigm_cli_test
