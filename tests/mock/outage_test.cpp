// An outage of a server that still accepts connections: requests are
// received, held unanswered while it lasts, then closed unanswered (never
// acted on) or answered late, as asked.
#include <paradigm/testing/mock_server.hpp>

#include "raw_connection.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

namespace paradigm::mock::outage_test {
namespace {

using nlohmann::json;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;
using test_support::eventually;
using test_support::http_request;
using test_support::RawConnection;

const std::string kCreate = R"({"query": "What is the capital of France?"})";

class Outage : public ::testing::Test {
 protected:
  explicit Outage(MockConfig config = {}, ServerOptions options = {})
      : server(std::move(config), std::move(options)), admin("127.0.0.1", server.port()) {
    admin.set_read_timeout(seconds(30));
  }

  // Sends a turn-creating POST on a connection of its own; the answer's bytes
  // (until the emulator closes the connection) come later.
  std::future<std::string> create_in_background() {
    auto connection = std::make_shared<RawConnection>(server.port());
    connection->send(http_request("POST", "/api/v3/threads/turns", kCreate, "Connection: close\r\n"));
    return std::async(std::launch::async, [connection] { return connection->read_until_closed(); });
  }
  bool received(std::size_t count) {
    return eventually([&] { return server.requests().size() >= count; });
  }

  MockServer server;
  httplib::Client admin;
};

TEST_F(Outage, HeldRequestsAreClosedUnansweredAndNeverActedOn) {
  server.stop_answering(hours(1));
  auto answer = create_in_background();
  ASSERT_TRUE(received(1));  // received and recorded, not handled
  EXPECT_EQ(answer.wait_for(milliseconds(0)), std::future_status::timeout);
  EXPECT_EQ(server.turns_created(), 0);
  server.resume_answering();
  EXPECT_EQ(answer.get(), "") << "closed without a byte";
  EXPECT_EQ(server.turns_created(), 0);
  RawConnection after(server.port());
  ASSERT_TRUE(after.send(http_request("POST", "/api/v3/threads/turns", kCreate)));
  EXPECT_EQ(after.read_answer(), "HTTP/1.1 200 OK") << "answered again once the outage is over";
}

TEST_F(Outage, HeldRequestsAreHandledAndAnsweredLateWhenAsked) {
  server.stop_answering(hours(1), OutageEnd::answer);
  auto answer = create_in_background();
  ASSERT_TRUE(received(1));
  EXPECT_EQ(server.turns_created(), 0);
  server.resume_answering();
  EXPECT_EQ(answer.get().rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(Outage, EndsByItselfAfterItsDuration) {
  const auto start = std::chrono::steady_clock::now();
  server.stop_answering(milliseconds(300), OutageEnd::answer);
  auto answer = create_in_background();
  EXPECT_EQ(answer.get().rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(300));  // not answered before its end
}

TEST_F(Outage, AdminRoutesAnswerDuringAnOutage) {
  server.stop_answering(milliseconds::max());  // forever, for a test
  auto res = admin.Get("/_mock/stats");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

class OutageOnAFrozenClock : public Outage {
 protected:
  static MockConfig ten_second_turns() {
    MockConfig config;
    config.turn_duration = seconds(10);
    return config;
  }
  static ServerOptions frozen() {
    ServerOptions options;
    options.clock_speed = 0;
    return options;
  }
  OutageOnAFrozenClock() : Outage(ten_second_turns(), frozen()) {}
};

TEST_F(OutageOnAFrozenClock, ARequestBeingHandledWhenItStartsGoesOn) {
  auto answer = create_in_background();  // held by the emulator for its 10 s turn
  ASSERT_TRUE(eventually([&] { return server.turns_created() == 1; }));
  server.stop_answering(hours(1));
  server.advance_clock(seconds(10));
  EXPECT_EQ(answer.get().rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
}

TEST_F(Outage, StoppingTheServerEndsItPromptly) {
  server.stop_answering(hours(1), OutageEnd::answer);
  auto answer = create_in_background();
  ASSERT_TRUE(received(1));
  server.stop();
  EXPECT_EQ(answer.get(), "");
  EXPECT_EQ(server.turns_created(), 0);
}

TEST_F(Outage, TheAdminApiStartsAndEndsIt) {
  auto res = admin.Post("/_mock/outage", R"({"duration_ms": 3600000, "then": "answer"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body), json::parse(R"({"outage_ms": 3600000, "then": "answer"})"));
  auto answer = create_in_background();
  ASSERT_TRUE(received(1));
  EXPECT_EQ(admin.Delete("/_mock/outage")->status, 200);
  EXPECT_EQ(answer.get().rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_EQ(
      admin.Post("/_mock/outage", R"({"duration_ms": 10, "then": "later"})", "application/json")->status,
      400);
  EXPECT_EQ(admin.Post("/_mock/outage", R"({"duration_ms": -1})", "application/json")->status, 400);
  EXPECT_EQ(admin.Post("/_mock/outage", R"({})", "application/json")->status, 400);
  EXPECT_THROW(server.stop_answering(milliseconds(-1)), std::invalid_argument);
}

}  // namespace
}  // namespace paradigm::mock::outage_test
