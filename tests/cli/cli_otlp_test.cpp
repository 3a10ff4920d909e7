// `paradigm batch` with OTEL_EXPORTER_OTLP_ENDPOINT set: each turn arrives at
// the collector as a trace of its own, and no key reaches it.

#include "cli_test_support.hpp"

#include <gmock/gmock.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <set>

namespace paradigm_cli_test {
namespace {

class CliOtlp : public ::testing::Test {
 protected:
  CliOtlp() {
    server.on_new_turn([this](const httplib::Request&, httplib::Response& res) {
      res.set_content(turn_json("t1", "u" + std::to_string(++turns), "q", "answer").dump(),
                      "application/json");
    });
    const auto collect = [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex);
      exported.push_back({req.path, req.body});
      res.set_content("{}", "application/json");
    };
    server.routes().Post("/v1/traces", collect);
    server.routes().Post("/v1/metrics", collect);
    server.start();
  }

  std::atomic<int> turns{0};
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> exported;
  TestServer server;
  ScratchDirectory scratch;
};

TEST_F(CliOtlp, BatchExportsOneTracePerTurn) {
  ::setenv("OTEL_EXPORTER_OTLP_ENDPOINT", server.url().c_str(), 1);
  ::setenv("OTEL_SERVICE_NAME", "cli-batch", 1);
  const CliRun run = run_cli(scratch.path(), server.url(), {"batch"}, "one\ntwo\nthree\n");
  ::unsetenv("OTEL_EXPORTER_OTLP_ENDPOINT");
  ::unsetenv("OTEL_SERVICE_NAME");
  ASSERT_EQ(run.exit_code, 0) << run.output;

  std::lock_guard<std::mutex> lock(mutex);
  std::set<std::string> traces;
  int metrics = 0;
  for (const auto& [path, body] : exported) {
    EXPECT_EQ(body.find("cli-test-key"), std::string::npos);
    const json request = json::parse(body);
    if (path == "/v1/metrics") {
      ++metrics;
      continue;
    }
    const json& resource = request["resourceSpans"][0]["resource"]["attributes"];
    EXPECT_THAT(resource.dump(), ::testing::HasSubstr(R"("stringValue":"cli-batch")"));
    for (const json& span : request["resourceSpans"][0]["scopeSpans"][0]["spans"]) {
      if (span["name"] == "paradigm.turn_set.turn") traces.insert(span["traceId"].get<std::string>());
    }
  }
  EXPECT_EQ(traces.size(), 3u);
  EXPECT_GE(metrics, 1);
}

}  // namespace
}  // namespace paradigm_cli_test
