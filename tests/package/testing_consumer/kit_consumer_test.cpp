// A user's tests, built against the installed package: each piece of the
// testing kit, used as docs/testing.md shows.
#include <paradigm/paradigm.hpp>
#include <paradigm/testing/builders.hpp>
#include <paradigm/record_replay.hpp>
#include <paradigm/testing/mock_connection.hpp>
#include <paradigm/testing/mock_server.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace {

using ::testing::_;
using ::testing::Return;

// The code under test: it asks a question and returns the answer.
std::string capital_of_france(paradigm::ThreadsClient& client) {
  paradigm::TurnRequest ask;
  ask.query = "What is the capital of France?";
  return client.create_thread_with_turn(ask).final_answer();
}

// 1 and 2: the gMock connection and the builders.
TEST(Kit, MockConnectionAndBuilders) {
  auto mock = std::make_shared<paradigm::testing::MockThreadsConnection>();
  EXPECT_CALL(*mock, create_thread_with_turn(_, _, _))
      .WillOnce(Return(paradigm::testing::completed_turn("Paris")));
  paradigm::ThreadsClient client(mock);
  EXPECT_EQ(capital_of_france(client), "Paris");
}

paradigm::ClientOptions options_for(const std::string& base_url) {
  paradigm::ClientOptions options;
  options.base_url = base_url;
  options.api_key = "test-key";
  options.wait.initial_interval = std::chrono::milliseconds(1);
  return options;
}

// 3a: the emulator in process, its clock moved by the test.
TEST(Kit, EmulatorLibrary) {
  paradigm::mock::MockConfig config;
  config.turn_duration = std::chrono::seconds(10);
  paradigm::mock::ServerOptions frozen;
  frozen.clock_speed = 0;
  paradigm::mock::MockServer server(config, frozen);
  paradigm::ThreadsClient client(options_for(server.base_url()));
  paradigm::TurnRequest ask;
  ask.query = "What is the capital of France?";
  ask.background = true;
  const paradigm::Turn running = client.create_thread_with_turn(ask);
  EXPECT_EQ(running.status, paradigm::TurnStatus::running);
  server.advance_clock(std::chrono::seconds(10));
  EXPECT_EQ(client.get_turn(running.thread, running.id).final_answer(), "The capital of France is Paris.");
}

// An HTTP POST to the emulator's admin API, as a test in any language would send it.
std::string admin_post(int port, const std::string& path, const std::string& body) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) return "";
  const std::string request =
      "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
      "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  ::send(fd, request.data(), request.size(), 0);
  std::string answer;
  char buffer[4096];
  for (ssize_t size; (size = ::recv(fd, buffer, sizeof(buffer), 0)) > 0;)
    answer.append(buffer, static_cast<std::size_t>(size));
  ::close(fd);
  const auto head_end = answer.find("\r\n\r\n");
  return head_end == std::string::npos ? "no answer: '" + answer + "'" : answer.substr(head_end + 4);
}

// 3b: the installed paradigm-mock executable, driven through its admin API.
TEST(Kit, EmulatorExecutable) {
  const std::string command = std::string("exec '") + PARADIGM_MOCK_EXECUTABLE +
                              "' --port 0 --clock-speed 0 --turn-duration-ms 10000 --sync-timeout-ms 0";
  FILE* mock = ::popen(command.c_str(), "r");
  ASSERT_NE(mock, nullptr);
  char line[256] = {};
  // "paradigm-mock listening on http://127.0.0.1:PORT"
  ASSERT_NE(std::fgets(line, sizeof(line), mock), nullptr);
  std::string url(line);
  url = url.substr(url.find("http://"));
  url.erase(url.find_last_not_of("\r\n") + 1);
  const int port = std::stoi(url.substr(url.rfind(':') + 1));

  paradigm::ThreadsClient client(options_for(url));
  paradigm::TurnRequest ask;
  ask.query = "What is the capital of France?";
  ask.background = true;
  const paradigm::Turn running = client.create_thread_with_turn(ask);
  EXPECT_EQ(client.get_turn(running.thread, running.id).status, paradigm::TurnStatus::running);
  EXPECT_EQ(admin_post(port, "/_mock/clock", R"({"advance_ms": 10000})"),
            R"({"elapsed_ms":10000,"speed":0.0})");
  EXPECT_EQ(client.get_turn(running.thread, running.id).status, paradigm::TurnStatus::completed);

  EXPECT_EQ(admin_post(port, "/_mock/shutdown", "{}"), R"({"stopping":true})");
  const int status = ::pclose(mock);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

// 4: a cassette recorded against the emulator, replayed with the emulator stopped.
TEST(Kit, CassetteRecordedThenReplayed) {
  const std::string cassette = ::testing::TempDir() + "kit-consumer-cassette.jsonl";
  std::string recorded;
  {
    paradigm::mock::MockServer server;
    paradigm::ThreadsClient client(
        paradigm::make_recording_connection(options_for(server.base_url()), cassette));
    recorded = capital_of_france(client);
  }  // the emulator is gone
  std::ifstream file(cassette);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str().find("test-key"), std::string::npos);

  paradigm::ThreadsClient replay(paradigm::make_replaying_connection(cassette));
  EXPECT_EQ(capital_of_france(replay), recorded);
  EXPECT_EQ(recorded, "The capital of France is Paris.");
}

}  // namespace
