// Refusing connections for a while, and restarting: the emulator stops
// listening, drops its connections and listens again on the same port, with
// the same store, as an instance or a load balancer restarting does.
#include <paradigm/testing/mock_server.hpp>

#include "raw_connection.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <string>

namespace paradigm::mock::restart_test {
namespace {

using nlohmann::json;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;
using test_support::eventually;
using test_support::http_request;
using test_support::RawConnection;
using test_support::wait_until_accepted;

constexpr const char* kOk = "HTTP/1.1 200 OK";

MockConfig ten_second_turns() {
  MockConfig config;
  config.turn_duration = seconds(10);
  config.sync_timeout = seconds(0);
  return config;
}
ServerOptions frozen_clock() {
  ServerOptions options;
  options.clock_speed = 0;
  return options;
}

// Whether a new connection to `port` is refused right now.
bool refused(int port) {
  RawConnection probe(port);
  return !probe.connected() && probe.connect_error() == ECONNREFUSED;
}

// The threads of this process (Linux).
int process_threads() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  }
  return -1;
}

class Restart : public ::testing::Test {
 protected:
  Restart() : server(ten_second_turns(), frozen_clock()), http("127.0.0.1", server.port()) {
    http.set_default_headers({{"Authorization", "Bearer test-key"}});
    http.set_read_timeout(seconds(30));
  }

  json call(const std::string& method, const std::string& path, const json& body = json::object()) {
    auto res =
        method == "GET" ? http.Get(path.c_str()) : http.Post(path.c_str(), body.dump(), "application/json");
    if (!res) return {{"transport_error", httplib::to_string(res.error())}};
    json answer = json::parse(res->body, nullptr, false);
    answer["http_status"] = res->status;
    return answer;
  }
  std::string turn_path(const json& turn) {
    return "/api/v3/threads/" + turn["thread"].get<std::string>() + "/turns/" + turn["id"].get<std::string>();
  }

  MockServer server;
  httplib::Client http;
};

TEST_F(Restart, RefusesConnectionsThenListensAgainOnTheSamePortWithTheSameStore) {
  const json running = call("POST", "/api/v3/threads/turns", {{"query", "What is the capital of France?"}});
  ASSERT_EQ(running["status"], "running");
  const std::string artifact = server.add_artifact("bytes", "text/plain", "a.txt");
  RawConnection idle(server.port());
  ASSERT_EQ(idle.ask(), kOk);
  const int port = server.port();

  const auto start = std::chrono::steady_clock::now();
  server.refuse_connections(milliseconds(300));
  EXPECT_FALSE(server.listening());
  EXPECT_TRUE(refused(port)) << "nothing listens";
  EXPECT_EQ(idle.read_answer(), "") << "open connections are closed";
  server.advance_clock(seconds(10));  // the turn runs on while nothing listens

  ASSERT_TRUE(wait_until_accepted(port));
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(300));
  EXPECT_TRUE(server.listening());
  EXPECT_EQ(server.port(), port);
  EXPECT_EQ(call("GET", turn_path(running))["status"], "completed");
  EXPECT_EQ(call("GET", "/api/v3/threads")["count"], 1);
  auto content = http.Get(("/api/v3/artifacts/" + artifact + "/content").c_str());
  ASSERT_TRUE(content);
  EXPECT_EQ(content->body, "bytes");
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(Restart, RestartDropsEveryConnectionAndListensAgainAtOnce) {
  RawConnection idle(server.port());
  ASSERT_EQ(idle.ask(), kOk);
  const json thread = call("POST", "/api/v3/threads");
  server.restart();
  EXPECT_TRUE(server.listening());
  EXPECT_EQ(idle.read_answer(), "");
  RawConnection next(server.port());
  EXPECT_EQ(next.ask(), kOk) << "listening when restart() returns";
  EXPECT_EQ(call("GET", "/api/v3/threads/" + thread["id"].get<std::string>())["http_status"], 200);
  EXPECT_EQ(server.requests().size(), 2u) << "the request log is kept";
}

TEST_F(Restart, RequestsBeingHandledAreCutWithoutAnAnswerButTheirTurnsRemain) {
  MockConfig config = ten_second_turns();
  config.sync_timeout = seconds(60);  // a synchronous create waits for its turn
  server.configure(config);
  Fault stall;
  stall.path_regex = "/api/v3/agents";
  stall.transport = TransportFault::stall_before_response;  // until interrupted
  server.add_fault(stall);
  auto held = std::make_shared<RawConnection>(server.port());
  auto stalled = std::make_shared<RawConnection>(server.port());
  held->send(http_request("POST", "/api/v3/threads/turns", R"({"query": "Hi"})"));
  stalled->send(http_request("GET", "/api/v3/agents"));
  ASSERT_TRUE(eventually([&] { return server.turns_created() == 1 && server.requests().size() == 2; }));

  server.restart();  // returns: both handlers stopped waiting
  EXPECT_EQ(held->read_until_closed(), "");
  EXPECT_EQ(stalled->read_until_closed(), "");
  const auto turns = server.created_turns();
  ASSERT_EQ(turns.size(), 1u);
  EXPECT_EQ(turns[0].status, "running");
  server.advance_clock(seconds(10));
  EXPECT_EQ(server.created_turns()[0].status, "completed");
}

TEST_F(Restart, AStreamIsCutByARestart) {
  MockConfig config;
  config.stream.pause = hours(1);  // after its first event, the stream waits
  server.configure(config);
  const json thread = call("POST", "/api/v3/threads");
  auto streaming = std::make_shared<RawConnection>(server.port());
  streaming->send(http_request("POST", "/api/v3/threads/" + thread["id"].get<std::string>() + "/turns",
                               R"({"query": "Hi", "stream": true})"));
  ASSERT_TRUE(eventually([&] { return server.turns_created() == 1; }));
  server.restart();
  const std::string received = streaming->read_until_closed();
  EXPECT_EQ(received.find("event: done"), std::string::npos) << received;
}

TEST_F(Restart, StoppingDuringARefusalEndsPromptlyAndForGood) {
  server.refuse_connections(hours(1));
  server.stop();
  EXPECT_FALSE(server.listening());
  EXPECT_FALSE(server.wait_until_listening(milliseconds(0)));
  server.restart();  // does nothing once stopped
  server.refuse_connections(milliseconds(1));
  EXPECT_FALSE(server.listening());
}

TEST_F(Restart, ANewRefusalWhileRefusingRestartsTheWindow) {
  server.refuse_connections(milliseconds::max());  // forever, for a test
  server.refuse_connections(milliseconds(0));
  EXPECT_TRUE(server.wait_until_listening(seconds(30)));
  EXPECT_THROW(server.refuse_connections(milliseconds(-1)), std::invalid_argument);
}

TEST_F(Restart, RestartsLeaveNoThreadBehind) {
  server.restart();  // the lifecycle's own thread is started once
  RawConnection first(server.port());
  ASSERT_EQ(first.ask(), kOk);
  server.restart();
  const int before = process_threads();
  for (int i = 0; i < 20; ++i) {
    RawConnection connection(server.port());
    ASSERT_EQ(connection.ask(), kOk);
    server.restart();
  }
  EXPECT_LE(process_threads(), before);
}

TEST_F(Restart, TheAdminApiRefusesAndRestarts) {
  const int port = server.port();
  const json thread = call("POST", "/api/v3/threads");
  httplib::Client admin("127.0.0.1", port);
  admin.set_read_timeout(seconds(30));
  auto res = admin.Post("/_mock/refuse", R"({"duration_ms": 200})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 202);
  EXPECT_EQ(json::parse(res->body), json::parse(R"({"refusing_ms": 200})"));
  EXPECT_TRUE(refused(port)) << "refused as soon as the answer is in";
  ASSERT_TRUE(wait_until_accepted(port));
  EXPECT_EQ(call("GET", "/api/v3/threads/" + thread["id"].get<std::string>())["http_status"], 200);

  res = admin.Post("/_mock/restart", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 202);
  EXPECT_EQ(res->body, R"({"restarting":true})");
  ASSERT_TRUE(wait_until_accepted(port));
  ASSERT_TRUE(server.wait_until_listening(seconds(30)));
  EXPECT_EQ(admin.Post("/_mock/refuse", R"({"duration_ms": -5})", "application/json")->status, 400);
  EXPECT_TRUE(server.listening());
}

}  // namespace
}  // namespace paradigm::mock::restart_test
