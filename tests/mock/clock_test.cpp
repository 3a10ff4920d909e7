// The emulator's clock: tests move it instead of sleeping for turns.
#include <paradigm/testing/mock_server.hpp>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <future>
#include <thread>

namespace paradigm::mock {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::seconds;

MockConfig ten_second_turns() {
  MockConfig config;
  config.turn_duration = seconds(10);
  config.sync_timeout = seconds(0);  // answer 202 at once
  return config;
}

ServerOptions frozen() {
  ServerOptions options;
  options.clock_speed = 0;
  return options;
}

class Clock : public ::testing::Test {
 protected:
  explicit Clock(MockConfig config = ten_second_turns(), ServerOptions options = frozen())
      : server(std::move(config), std::move(options)), http("127.0.0.1", server.port()) {
    http.set_default_headers({{"Authorization", "Bearer test-key"}});
    http.set_read_timeout(seconds(30));  // bounds a failure; a correct emulator answers at once
  }

  json call(const std::string& method, const std::string& path, const json& body = nullptr) {
    auto res =
        method == "GET" ? http.Get(path.c_str()) : http.Post(path.c_str(), body.dump(), "application/json");
    if (!res) return {{"transport_error", httplib::to_string(res.error())}};
    json answer = json::parse(res->body, nullptr, false);
    answer["http_status"] = res->status;
    return answer;
  }
  // A background turn: running at once, whatever the clock says.
  json start_turn() {
    return call("POST", "/api/v3/threads/turns",
                {{"query", "What is the capital of France?"}, {"background", true}});
  }
  std::string status_of(const json& turn) {
    return call("GET", "/api/v3/threads/" + turn["thread"].get<std::string>() + "/turns/" +
                           turn["id"].get<std::string>())["status"];
  }
  // A synchronous create of a 10 s turn, held by the emulator: returns once
  // the turn is stored (an event, not a duration), with the answer to come.
  std::future<json> held_create(milliseconds sync_timeout) {
    MockConfig config = ten_second_turns();
    config.sync_timeout = sync_timeout;
    server.configure(config);
    auto answer = std::async(std::launch::async, [this] {
      return call("POST", "/api/v3/threads/turns", {{"query", "What is the capital of France?"}});
    });
    while (server.turns_created() < 1)
      std::this_thread::yield();
    return answer;
  }

  MockServer server;
  httplib::Client http;
};

TEST_F(Clock, AFrozenClockMovesOnlyWhenAdvanced) {
  EXPECT_EQ(server.clock_speed(), 0.0);
  EXPECT_EQ(server.clock_elapsed(), milliseconds(0));
  server.advance_clock(milliseconds(1500));
  EXPECT_EQ(server.clock_elapsed(), milliseconds(1500));
  EXPECT_THROW(server.advance_clock(milliseconds(-1)), std::invalid_argument);
}

TEST_F(Clock, ATurnFinishesWhenTheClockPassesItsDuration) {
  const json turn = start_turn();
  ASSERT_EQ(turn["status"], "running");
  server.advance_clock(seconds(9));
  EXPECT_EQ(status_of(turn), "running");
  server.advance_clock(seconds(1));
  EXPECT_EQ(status_of(turn), "completed");
}

TEST_F(Clock, ADurationMarkerInTheQuerySetsThatTurnsDuration) {
  const auto start = [&](const std::string& query) {
    return call("POST", "/api/v3/threads/turns", {{"query", query}, {"background", true}});
  };
  const json instant = start("Quick one [duration_ms=0]");
  const json slow = start("Slow one [duration_ms=20000]");
  const json usual = start("No marker");
  EXPECT_EQ(status_of(instant), "completed");
  server.advance_clock(seconds(10));
  EXPECT_EQ(status_of(usual), "completed");
  EXPECT_EQ(status_of(slow), "running");
  server.advance_clock(seconds(10));
  EXPECT_EQ(status_of(slow), "completed");
}

TEST_F(Clock, AdvancingAnswersASynchronousCreateHeldForItsTurn) {
  auto create = held_create(std::chrono::hours(1));
  server.advance_clock(seconds(10));
  const json turn = create.get();
  EXPECT_EQ(turn["http_status"], 200);
  EXPECT_EQ(turn["status"], "completed");
}

TEST_F(Clock, TheSyncTimeoutIsInTheEmulatorsTimeToo) {
  auto create = held_create(seconds(5));
  server.advance_clock(seconds(5));
  const json turn = create.get();
  EXPECT_EQ(turn["http_status"], 202);
  EXPECT_EQ(turn["status"], "running");
}

TEST_F(Clock, ChangingTheSpeedWakesAHeldCreate) {
  auto create = held_create(std::chrono::hours(1));
  server.set_clock_speed(1e6);  // the 10 s turn now takes 10 microseconds
  EXPECT_EQ(create.get()["status"], "completed");
}

TEST_F(Clock, CancellingTurnsWaitTheirDelayInTheEmulatorsTime) {
  MockConfig config = ten_second_turns();
  config.turn_duration = std::chrono::hours(1);
  config.cancel_delay = seconds(3);
  server.configure(config);
  const json turn = start_turn();
  const std::string thread = turn["thread"];
  auto cancel = http.Patch(("/api/v3/threads/" + thread + "?cancel=true").c_str(), "{}", "application/json");
  ASSERT_TRUE(cancel);
  EXPECT_EQ(status_of(turn), "cancelling");
  server.advance_clock(seconds(3));
  EXPECT_EQ(status_of(turn), "cancelled");
}

TEST_F(Clock, ASpeededUpClockRunsThatManyTimesAsFast) {
  server.set_clock_speed(100);
  // Bracketed readings: however long the machine takes, emulator time is 100x
  // the real time between the readings.
  using Steady = std::chrono::steady_clock;
  const auto before_first = Steady::now();
  const auto first = server.clock_elapsed();
  const auto after_first = Steady::now();
  std::this_thread::sleep_for(milliseconds(20));
  const auto before_second = Steady::now();
  const auto second = server.clock_elapsed();
  const auto after_second = Steady::now();
  const auto at_least = std::chrono::duration_cast<milliseconds>(100 * (before_second - after_first));
  const auto at_most = std::chrono::duration_cast<milliseconds>(100 * (after_second - before_first));
  EXPECT_GE(second - first, at_least - milliseconds(1));  // clock_elapsed() rounds down to milliseconds
  EXPECT_LE(second - first, at_most + milliseconds(1));
  EXPECT_THROW(server.set_clock_speed(-1), std::invalid_argument);
  EXPECT_THROW(server.set_clock_speed(2e6), std::invalid_argument);
}

class FastClock : public Clock {
 protected:
  FastClock() : Clock(ten_second_turns(), fast()) {}
  static ServerOptions fast() {
    ServerOptions options;
    options.clock_speed = 1000;
    return options;
  }
};

TEST_F(FastClock, ATenSecondTurnAnswersASynchronousCreateInTenMilliseconds) {
  MockConfig config = ten_second_turns();
  config.sync_timeout = std::chrono::hours(1);
  server.configure(config);
  http.set_read_timeout(seconds(5));  // at real speed the answer would take 10 s
  const json turn = call("POST", "/api/v3/threads/turns", {{"query", "What is the capital of France?"}});
  EXPECT_EQ(turn["http_status"], 200);
  EXPECT_EQ(turn["status"], "completed");
}

TEST_F(Clock, TheAdminRouteReadsAdvancesAndPacesTheClock) {
  EXPECT_EQ(call("GET", "/_mock/clock"), (json{{"elapsed_ms", 0}, {"speed", 0.0}, {"http_status", 200}}));
  const json turn = start_turn();
  EXPECT_EQ(call("POST", "/_mock/clock", {{"advance_ms", 10000}}),
            (json{{"elapsed_ms", 10000}, {"speed", 0.0}, {"http_status", 200}}));
  EXPECT_EQ(status_of(turn), "completed");
  EXPECT_EQ(call("POST", "/_mock/clock", {{"speed", 100}})["speed"], 100.0);
  EXPECT_EQ(server.clock_speed(), 100.0);
  EXPECT_EQ(call("POST", "/_mock/clock", {{"speed", -1}})["http_status"], 400);
  EXPECT_EQ(call("POST", "/_mock/clock", {{"advance_ms", -5}})["http_status"], 400);
  EXPECT_EQ(call("POST", "/_mock/clock", {{"speed", "fast"}})["http_status"], 400);
}

}  // namespace
}  // namespace paradigm::mock
