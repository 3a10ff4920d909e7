// Every answer carries what a real server behind a gateway sends: a fresh
// `x-request-id` and a `Date` (RFC 7231 IMF-fixdate, in UTC).
#include <paradigm/testing/mock_server.hpp>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <regex>
#include <set>
#include <string>

namespace paradigm::mock::answer_headers_test {
namespace {

using nlohmann::json;

// Seconds since the epoch of an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), or -1.
long long imf_fixdate_seconds(const std::string& text) {
  static const std::regex kFixdate(
      R"(^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) )"
      R"((\d{2}):(\d{2}):(\d{2}) GMT$)");
  std::smatch match;
  if (!std::regex_match(text, match, kFixdate)) return -1;
  static const std::string kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  std::tm utc{};
  utc.tm_mday = std::stoi(match[2]);
  utc.tm_mon = static_cast<int>(kMonths.find(match[3].str()) / 3);
  utc.tm_year = std::stoi(match[4]) - 1900;
  utc.tm_hour = std::stoi(match[5]);
  utc.tm_min = std::stoi(match[6]);
  utc.tm_sec = std::stoi(match[7]);
  const std::time_t seconds = ::timegm(&utc);
  std::tm check{};
  ::gmtime_r(&seconds, &check);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return match[1] == kDays[check.tm_wday] ? static_cast<long long>(seconds) : -1;  // the weekday agrees
}

class AnswerHeaders : public ::testing::Test {
 protected:
  AnswerHeaders() : http("127.0.0.1", server.port()) {
    http.set_default_headers({{"Authorization", "Bearer test-key"}});
    http.set_read_timeout(std::chrono::seconds(30));
  }

  // Checks the answer's Date and x-request-id, and keeps the id to check it is fresh.
  void check(const httplib::Result& res, const std::string& what) {
    ASSERT_TRUE(res) << what;
    const long long date = imf_fixdate_seconds(res->get_header_value("Date"));
    EXPECT_NE(date, -1) << what << ": Date '" << res->get_header_value("Date") << "'";
    const long long now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    EXPECT_LE(std::llabs(now - date), 600) << what << ": the emulator's UTC time";  // same machine
    EXPECT_EQ(res->get_header_value_count("Date"), 1u) << what;
    const std::string id = res->get_header_value("x-request-id");
    EXPECT_FALSE(id.empty()) << what;
    EXPECT_EQ(res->get_header_value_count("x-request-id"), 1u) << what;
    EXPECT_TRUE(ids.insert(id).second) << what << ": the id " << id << " was used before";
  }

  MockServer server;
  httplib::Client http;
  std::set<std::string> ids;
};

TEST_F(AnswerHeaders, EveryApiAnswerHasAFreshRequestIdAndADate) {
  check(http.Get("/api/v3/threads"), "a listing");
  check(http.Get("/api/v3/threads"), "the same listing again");
  check(http.Post("/api/v3/threads/turns", R"({"query": "x", "max_steps": 0})", "application/json"), "a 400");
  check(http.Get("/api/v3/nowhere"), "a 404");
  httplib::Client anonymous("127.0.0.1", server.port());
  check(anonymous.Get("/api/v3/threads"), "a 401");
  const auto turn = http.Post("/api/v3/threads/turns", R"({"query": "Plot", "force_tool": "code_execution"})",
                              "application/json");
  check(turn, "a turn");
  const json created = json::parse(turn->body);
  const std::string artifact =
      created["messages"][1]["parts"][0]["tool_call"]["result"]["file_artifacts"][0]["id"];
  check(http.Get(("/api/v3/artifacts/" + artifact + "/content").c_str()), "an artifact's bytes");
  const std::string thread = created["thread"];
  check(http.Post(("/api/v3/threads/" + thread + "/turns").c_str(), R"({"query": "Hi", "stream": true})",
                  "application/json"),
        "a stream");
}

TEST_F(AnswerHeaders, AFaultsAnswerHasThemTooAndAFaultsOwnHeaderWins) {
  Fault fault;
  fault.path_regex = "/api/v3/agents";
  fault.status = 503;
  server.add_fault(fault);
  check(http.Get("/api/v3/agents"), "a fault's 503");
  fault.headers = {{"X-Request-Id", "from-the-fault"}};
  server.add_fault(fault);
  const auto res = http.Get("/api/v3/agents");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value_count("x-request-id"), 1u);
  EXPECT_EQ(res->get_header_value("x-request-id"), "from-the-fault");
}

TEST_F(AnswerHeaders, AdminAnswersHaveThemToo) {
  check(http.Get("/_mock/stats"), "admin stats");
  check(http.Post("/_mock/faults", "{bad", "application/json"), "an admin 400");
}

TEST_F(AnswerHeaders, TheRecordedRequestKnowsTheIdOfItsAnswer) {
  const auto first = http.Get("/api/v3/threads");
  const auto second = http.Get("/api/v3/agents");
  ASSERT_TRUE(first && second);
  const auto recorded = server.requests();
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_FALSE(recorded[0].request_id.empty());
  EXPECT_EQ(recorded[0].request_id, first->get_header_value("x-request-id"));
  EXPECT_EQ(recorded[1].request_id, second->get_header_value("x-request-id"));
  const json logged = json::parse(http.Get("/_mock/requests")->body);
  EXPECT_EQ(logged[1]["request_id"], second->get_header_value("x-request-id"));
}

}  // namespace
}  // namespace paradigm::mock::answer_headers_test
