// The OTLP exporter end to end: a client against the emulator, its spans and
// metrics sent to a loopback OTLP/HTTP receiver of the test's own, decoded
// and checked against OTLP's JSON mapping; the exporter with the receiver
// down or slow; and no key or userinfo in any byte it sends.
#include "support/mock_fixture.hpp"

#include <paradigm/tracing.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace paradigm::testing {
namespace {

using nlohmann::json;

// A collector's OTLP/HTTP endpoint on loopback: keeps every body, answers
// 200 (or what `status` says), and holds requests while `hold` is set.
class OtlpReceiver {
 public:
  OtlpReceiver() {
    const auto keep = [this](const httplib::Request& req, httplib::Response& res) {
      std::unique_lock<std::mutex> lock(mutex_);
      released_.wait(lock, [&] { return !hold_; });
      bodies_.push_back({req.path, req.body, req.get_header_value("Content-Type"),
                         req.get_header_value("x-collector-token")});
      res.status = status_;
      res.set_content("{}", "application/json");
      arrived_.notify_all();
    };
    server_.Post("/v1/traces", keep);
    server_.Post("/v1/metrics", keep);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("the receiver cannot listen on loopback");
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      done_ = true;
    });
    // stop() is a no-op until the server runs: do not return before it does.
    while (!server_.is_running() && !done_)
      std::this_thread::yield();
  }
  ~OtlpReceiver() {
    release();
    server_.stop();
    thread_.join();
  }

  struct Body {
    std::string path;
    std::string text;
    std::string content_type;
    std::string token;
  };

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void answer(int status) {
    std::lock_guard<std::mutex> lock(mutex_);
    status_ = status;
  }
  void hold() {
    std::lock_guard<std::mutex> lock(mutex_);
    hold_ = true;
  }
  void release() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      hold_ = false;
    }
    released_.notify_all();
  }
  std::vector<Body> bodies() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return bodies_;
  }
  // Every span received, decoded.
  std::vector<json> spans() const {
    std::vector<json> out;
    for (const Body& body : bodies()) {
      if (body.path != "/v1/traces") continue;
      const json request = json::parse(body.text);
      for (const json& span : request["resourceSpans"][0]["scopeSpans"][0]["spans"])
        out.push_back(span);
    }
    return out;
  }
  // The metrics of the last /v1/metrics request, by name.
  std::map<std::string, json> metrics() const {
    std::map<std::string, json> out;
    for (const Body& body : bodies()) {
      if (body.path != "/v1/metrics") continue;
      const json request = json::parse(body.text);
      for (const json& metric : request["resourceMetrics"][0]["scopeMetrics"][0]["metrics"])
        out[metric["name"]] = metric;
    }
    return out;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::atomic<bool> done_{false};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  std::condition_variable arrived_;
  std::vector<Body> bodies_;
  int status_ = 200;
  bool hold_ = false;
};

OtlpOptions options_for(const OtlpReceiver& receiver) {
  OtlpOptions options;
  options.endpoint = receiver.endpoint();
  options.service_name = "otlp-test";
  options.headers = {{"x-collector-token", "collector-secret"}};
  // Long enough that only flush() sends: the test decides when.
  options.schedule_delay = std::chrono::minutes(10);
  options.metrics_interval = std::chrono::minutes(10);
  return options;
}

const json* attribute(const json& span, const std::string& key) {
  for (const json& attribute : span["attributes"])
    if (attribute["key"] == key) return &attribute["value"];
  return nullptr;
}

// Plain character checks, not std::regex: compiling one reads libstdc++'s
// ctype cache, which the mock's (uninstrumented) HTTP threads fill, and
// ThreadSanitizer reports that benign race.
bool all_of(const std::string& text, const char* allowed) {
  return text.find_first_not_of(allowed) == std::string::npos;
}

bool is_hex(const json& value, std::size_t digits) {
  return value.is_string() && value.get<std::string>().size() == digits &&
         all_of(value.get<std::string>(), "0123456789abcdef");
}

bool is_nanos(const json& value) {  // 19 digits: a time since 2001 in nanoseconds
  if (!value.is_string()) return false;
  const std::string text = value.get<std::string>();
  return text.size() == 19 && text[0] != '0' && all_of(text, "0123456789");
}

class OtlpExport : public MockTest {};

TEST_F(OtlpExport, ATurnRetriedAfterA429ArrivesAsOneTraceInOtlpJson) {
  OtlpReceiver receiver;
  auto exporter = std::make_shared<OtlpExporter>(options_for(receiver));
  ClientOptions with = options();
  // A base URL with userinfo: it must reach no span.
  with.base_url = "http://someone:hunter2@" + server.base_url().substr(std::string("http://").size());
  with.telemetry.tracer = exporter;
  with.telemetry.metrics = exporter->metrics();
  with.create_thread_first = false;  // one POST to look for
  mock::Fault rate_limited;
  rate_limited.method = "POST";
  rate_limited.path_regex = "/api/v3/threads/turns";
  rate_limited.status = 429;
  rate_limited.headers = {{"Retry-After", "1"}};
  server.add_fault(rate_limited);
  TurnRequest request = ask("What is the capital of France?");
  request.agent_id = 3;
  const Turn turn = client(with).create_thread_with_turn(request);
  ASSERT_TRUE(exporter->flush());

  const std::vector<json> spans = receiver.spans();
  ASSERT_GE(spans.size(), 3u);
  const json* root = nullptr;
  for (const json& span : spans)
    if (span["name"] == "invoke_agent") root = &span;
  ASSERT_NE(root, nullptr);
  EXPECT_FALSE(root->contains("parentSpanId"));
  EXPECT_EQ((*root)["kind"], 3);  // SPAN_KIND_CLIENT
  EXPECT_EQ((*attribute(*root, "gen_ai.response.id"))["stringValue"], turn.id);
  EXPECT_EQ((*attribute(*root, "gen_ai.agent.id"))["stringValue"], "3");
  int posts = 0;
  for (const json& span : spans) {
    EXPECT_TRUE(is_hex(span["traceId"], 32)) << span;
    EXPECT_TRUE(is_hex(span["spanId"], 16)) << span;
    EXPECT_EQ(span["traceId"], (*root)["traceId"]);
    EXPECT_TRUE(is_nanos(span["startTimeUnixNano"]) && is_nanos(span["endTimeUnixNano"])) << span;
    if (&span != root) {
      EXPECT_TRUE(is_hex(span["parentSpanId"], 16)) << span;
    }
    for (const json& attribute : span["attributes"]) {
      const json& value = attribute["value"];
      ASSERT_EQ(value.size(), 1u);
      const bool typed = (value.contains("intValue") && value["intValue"].is_string()) ||
                         (value.contains("stringValue") && value["stringValue"].is_string()) ||
                         (value.contains("boolValue") && value["boolValue"].is_boolean()) ||
                         (value.contains("doubleValue") && value["doubleValue"].is_number());
      EXPECT_TRUE(typed) << attribute;
    }
    if (span["name"] != "POST") continue;
    ++posts;
    EXPECT_EQ((*attribute(span, "url.full"))["stringValue"], server.base_url() + "/api/v3/threads/turns");
    EXPECT_TRUE((*attribute(span, "http.response.status_code"))["intValue"].is_string());
  }
  EXPECT_EQ(posts, 2);  // the 429, then the retry
  // The emulator received the traceparent of each attempt's span.
  std::set<std::string> sent;
  for (const auto& recorded : server.requests())
    sent.insert(recorded.header("traceparent"));
  for (const json& span : spans) {
    if (span["name"] != "POST") continue;
    const std::string traceparent =
        "00-" + span["traceId"].get<std::string>() + "-" + span["spanId"].get<std::string>() + "-01";
    EXPECT_EQ(sent.count(traceparent), 1u) << traceparent;
  }
  // Metrics: the conventions' names, histogram buckets, integers as strings.
  const auto metrics = receiver.metrics();
  ASSERT_EQ(metrics.count("gen_ai.client.operation.duration"), 1u);
  const json& histogram = metrics.at("gen_ai.client.operation.duration")["histogram"];
  EXPECT_EQ(histogram["aggregationTemporality"], 2);
  const json& point = histogram["dataPoints"][0];
  EXPECT_EQ(point["count"], "1");
  EXPECT_EQ(point["explicitBounds"].size() + 1, point["bucketCounts"].size());
  EXPECT_EQ(point["explicitBounds"][0], 0.01);
  EXPECT_EQ(metrics.at("paradigm.client.retries")["sum"]["dataPoints"][0]["asInt"], "1");
  EXPECT_EQ(metrics.at("http.client.request.duration")["unit"], "s");
  // No key, no userinfo, no query text in any byte sent; the collector's own header was sent.
  for (const auto& body : receiver.bodies()) {
    EXPECT_EQ(body.content_type, "application/json");
    EXPECT_EQ(body.token, "collector-secret");
    EXPECT_EQ(body.text.find(kApiKey), std::string::npos);
    EXPECT_EQ(body.text.find("hunter2"), std::string::npos);
    EXPECT_EQ(body.text.find("someone"), std::string::npos);
    EXPECT_EQ(body.text.find("capital of France"), std::string::npos);
  }
  EXPECT_EQ(exporter->stats().spans_dropped, 0u);
}

SpanData ended_span(RecordingTracer& tracer, int n) {
  SpanStart start;
  const std::string name = "span " + std::to_string(n);
  start.name = name;
  start.start = std::chrono::system_clock::now();
  tracer.start_span(start)->end(start.start + std::chrono::milliseconds(1));
  return {};
}

TEST(OtlpExporterFaults, ACollectorThatIsDownCostsTheCallsNothing) {
  OtlpOptions options;
  options.endpoint = "http://127.0.0.1:" + std::to_string(closed_port());
  options.schedule_delay = std::chrono::minutes(10);
  auto exporter = std::make_shared<OtlpExporter>(options);
  for (int i = 0; i < 10; ++i)
    ended_span(*exporter, i);
  EXPECT_TRUE(exporter->flush());
  const OtlpStats stats = exporter->stats();
  EXPECT_EQ(stats.spans_exported, 0u);
  EXPECT_EQ(stats.spans_failed, 10u);
  EXPECT_GE(stats.failed_requests, 1u);
}

TEST(OtlpExporterFaults, ASlowCollectorMakesTheQueueDropAndCountNeverWait) {
  OtlpReceiver receiver;
  receiver.hold();  // every export request waits until released
  OtlpOptions options = options_for(receiver);
  options.max_queue_size = 4;
  options.max_batch_size = 1;
  options.export_metrics = false;
  auto exporter = std::make_shared<OtlpExporter>(options);
  // With the collector holding the first batch, at most 4 more wait; the rest are dropped, at once.
  for (int i = 0; i < 50; ++i)
    ended_span(*exporter, i);
  const std::uint64_t dropped = exporter->stats().spans_dropped;
  EXPECT_GE(dropped, 45u);
  receiver.release();
  ASSERT_TRUE(exporter->flush(std::chrono::seconds(30)));
  const OtlpStats stats = exporter->stats();
  EXPECT_EQ(stats.spans_exported + stats.spans_dropped, 50u);
  EXPECT_EQ(receiver.spans().size(), stats.spans_exported);
}

TEST(OtlpExporterFaults, ACollectorAnsweringErrorsIsCountedAsFailed) {
  OtlpReceiver receiver;
  receiver.answer(503);
  OtlpOptions options = options_for(receiver);
  options.export_metrics = false;
  auto exporter = std::make_shared<OtlpExporter>(options);
  for (int i = 0; i < 3; ++i)
    ended_span(*exporter, i);
  ASSERT_TRUE(exporter->flush());
  EXPECT_EQ(exporter->stats().spans_failed, 3u);
}

TEST(OtlpExporterFaults, DestroyingTheExporterSendsWhatIsQueued) {
  OtlpReceiver receiver;
  {
    OtlpExporter exporter(options_for(receiver));
    for (int i = 0; i < 7; ++i)
      ended_span(exporter, i);
  }
  EXPECT_EQ(receiver.spans().size(), 7u);
}

}  // namespace
}  // namespace paradigm::testing
