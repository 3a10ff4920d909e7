// Traces and metrics of calls, without a socket: the span trees of a 202
// with polls, a 429 then success, a dropped stream, a failed turn, a
// cancelled wait and a TurnSet, read from the in-memory tracer.
#include "workflow_test_util.hpp"

#include <paradigm/tracing.hpp>
#include <paradigm/turn_set.hpp>

#include <gmock/gmock.h>

namespace paradigm::testing {
namespace {

using ::testing::ElementsAre;

ClientOptions traced_options(const std::shared_ptr<InMemoryTracer>& tracer,
                             const std::shared_ptr<Metrics>& metrics) {
  ClientOptions options = ScriptedClient::default_options();
  options.telemetry.tracer = tracer;
  options.telemetry.metrics = metrics;
  return options;
}

std::string text_of(const SpanData& span, std::string_view key) {
  const AttributeValue* value = span.attribute(key);
  return value && std::holds_alternative<std::string>(*value) ? std::get<std::string>(*value) : "";
}

std::int64_t int_of(const SpanData& span, std::string_view key) {
  const AttributeValue* value = span.attribute(key);
  return value && std::holds_alternative<std::int64_t>(*value) ? std::get<std::int64_t>(*value) : -1;
}

// The fixture needs the tracer before its base is built: a small holder.
struct TracedClient {
  std::shared_ptr<InMemoryTracer> tracer = std::make_shared<InMemoryTracer>();
  std::shared_ptr<Metrics> metrics = std::make_shared<Metrics>();
};

class Traced : private TracedClient, public WorkflowTest {
 protected:
  Traced() : TracedClient(), WorkflowTest(traced_options(TracedClient::tracer, TracedClient::metrics)) {}

  std::vector<SpanData> spans() const { return TracedClient::tracer->spans(); }
  const Metrics& measured() const { return *TracedClient::metrics; }

  // The one span named `name` (fails the test when there is not exactly one).
  SpanData only(const std::string& name) const {
    std::vector<SpanData> found;
    for (const SpanData& span : spans())
      if (span.name == name) found.push_back(span);
    EXPECT_EQ(found.size(), 1u) << name;
    return found.empty() ? SpanData{} : found.front();
  }
  std::vector<SpanData> named(const std::string& name) const {
    std::vector<SpanData> found;
    for (const SpanData& span : spans())
      if (span.name == name) found.push_back(span);
    return found;
  }
  // Names of the children of `parent`, in start order.
  std::vector<std::string> children(const SpanData& parent) const {
    std::vector<SpanData> found;
    for (const SpanData& span : spans())
      if (span.parent_span_id == parent.context.span_id) found.push_back(span);
    std::stable_sort(found.begin(), found.end(),
                     [](const SpanData& a, const SpanData& b) { return a.start < b.start; });
    std::vector<std::string> names;
    for (const SpanData& span : found)
      names.push_back(span.name);
    return names;
  }
  double metric_total(const std::string& name) const {
    double total = 0;
    if (const auto metric = measured().find(name)) {
      for (const MetricPoint& point : metric->points)
        total += metric->kind == MetricData::Kind::histogram ? point.count : point.value;
    }
    return total;
  }
};

std::string header(const SentRequest& request, const std::string& name) {
  for (const std::string& line : request.header_lines)
    if (line.rfind(name + ": ", 0) == 0) return line.substr(name.size() + 2);
  return "";
}

TEST_F(Traced, ACreateAnswered202ThenThreePollsIsOneTreeUnderInvokeAgent) {
  server()
      .expect("POST", "/api/v3/threads/turns",
              json_answer(202, turn("u1", "running")).header("x-request-id", "req-post"))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnRequest request = ask();
  request.agent_id = 7;
  client().create_thread_with_turn(request);

  const SpanData root = only("invoke_agent");
  EXPECT_TRUE(root.is_root());
  EXPECT_EQ(root.kind, SpanKind::client);
  EXPECT_EQ(text_of(root, "gen_ai.operation.name"), "invoke_agent");
  EXPECT_EQ(text_of(root, "gen_ai.provider.name"), "lighton.paradigm");
  EXPECT_EQ(text_of(root, "gen_ai.agent.id"), "7");
  EXPECT_EQ(text_of(root, "gen_ai.conversation.id"), "t1");
  EXPECT_EQ(text_of(root, "gen_ai.response.id"), "u1");
  EXPECT_EQ(int_of(root, "paradigm.polls"), 3);
  EXPECT_EQ(root.status, SpanStatus::unset);
  // The 202's turn is the first state seen: a pause comes before each poll.
  EXPECT_THAT(children(root), ElementsAre("POST", "paradigm.poll_wait", "paradigm.poll", "paradigm.poll_wait",
                                          "paradigm.poll", "paradigm.poll_wait", "paradigm.poll"));
  const SpanData post = only("POST");
  EXPECT_EQ(post.kind, SpanKind::client);
  EXPECT_EQ(text_of(post, "http.request.method"), "POST");
  EXPECT_EQ(text_of(post, "url.full"), "https://paradigm.test/api/v3/threads/turns");
  EXPECT_EQ(text_of(post, "server.address"), "paradigm.test");
  EXPECT_EQ(int_of(post, "http.response.status_code"), 202);
  EXPECT_EQ(text_of(post, "paradigm.request_id"), "req-post");
  EXPECT_GT(int_of(post, "http.request.body.size"), 0);
  EXPECT_GT(int_of(post, "http.response.body.size"), 0);
  // Every poll holds its GET, and says what it saw.
  const auto polls = named("paradigm.poll");
  ASSERT_EQ(polls.size(), 3u);
  for (const SpanData& poll : polls)
    EXPECT_THAT(children(poll), ElementsAre("GET"));
  EXPECT_EQ(text_of(polls.back(), "paradigm.turn.status"), "completed");
  // Each request carried the traceparent of its own attempt span, in the root's trace.
  const auto sent = server().sent();
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_EQ(header(sent[0], "traceparent"), post.context.traceparent());
  for (const SpanData& get : named("GET"))
    EXPECT_EQ(get.context.trace_id, root.context.trace_id);
  // The waits last as long as the clock paused (the fake clock: 500 then 750 ms).
  const auto waits = named("paradigm.poll_wait");
  ASSERT_EQ(waits.size(), 3u);
  EXPECT_EQ(waits[0].end - waits[0].start, milliseconds(500));
  EXPECT_EQ(int_of(waits[1], "paradigm.wait.delay_ms"), 750);

  EXPECT_EQ(metric_total("paradigm.client.polls"), 3);
  EXPECT_EQ(metric_total("http.client.request.duration"), 4);
  EXPECT_EQ(metric_total("gen_ai.client.operation.duration"), 1);
  EXPECT_EQ(metric_total("paradigm.client.turns_in_flight"), 0);
}

TEST_F(Traced, A429WithRetryAfterShowsTheFailedAttemptTheBackoffAndTheRetry) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(429, R"({"detail": "slow down"})").header("Retry-After", "2"))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  client().get_turn("t1", "u1");

  const SpanData root = only("paradigm.get_turn");
  EXPECT_THAT(children(root), ElementsAre("GET", "paradigm.retry_backoff", "GET"));
  const auto gets = named("GET");
  ASSERT_EQ(gets.size(), 2u);
  EXPECT_EQ(int_of(gets[0], "http.response.status_code"), 429);
  EXPECT_EQ(text_of(gets[0], "error.type"), "429");
  EXPECT_EQ(gets[0].status, SpanStatus::error);
  EXPECT_EQ(int_of(gets[1], "http.request.resend_count"), 1);
  EXPECT_EQ(gets[1].status, SpanStatus::unset);
  const SpanData backoff = only("paradigm.retry_backoff");
  EXPECT_EQ(int_of(backoff, "paradigm.retry.delay_ms"), 2000);
  EXPECT_EQ(backoff.end - backoff.start, milliseconds(2000));
  EXPECT_NE(text_of(backoff, "paradigm.retry.reason"), "");
  // Both attempts sent a traceparent of their own.
  const auto sent = server().sent();
  EXPECT_EQ(header(sent[0], "traceparent"), gets[0].context.traceparent());
  EXPECT_EQ(header(sent[1], "traceparent"), gets[1].context.traceparent());
  EXPECT_EQ(metric_total("paradigm.client.retries"), 1);
  EXPECT_EQ(metric_total("paradigm.client.failures"), 0);
}

TEST_F(Traced, ADroppedStreamIsMarkedBrokenAndItsRecoveryIsVisible) {
  ScriptedAnswer dropped =
      sse_answer({{"turn.created", R"({"turn_id": "u1"})"}, {"delta", R"({"delta": "x"})"}});
  dropped.fail_after = TransferError::reset;
  server()
      .expect("POST", "/api/v3/threads/t1/turns", dropped)
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  client().stream_turn("t1", ask(), [](const StreamEvent&) { return true; });

  const SpanData root = only("invoke_agent");
  EXPECT_EQ(std::get<bool>(*root.attribute("paradigm.stream")), true);
  std::vector<std::string> events;
  for (const auto& event : root.events)
    events.push_back(event.name);
  EXPECT_THAT(events,
              ElementsAre("paradigm.stream.start", "paradigm.stream.first_event", "paradigm.stream.broken"));
  SpanData broken;
  broken.attributes = root.events[2].attributes;
  EXPECT_EQ(text_of(broken, "error.type"), "reset");
  // The fetch after the break, then a poll after a pause.
  EXPECT_THAT(children(root), ElementsAre("POST", "GET", "paradigm.poll_wait", "paradigm.poll"));
  EXPECT_EQ(text_of(only("POST"), "error.type"), "reset");
  EXPECT_EQ(text_of(root, "gen_ai.response.id"), "u1");
  EXPECT_EQ(root.status, SpanStatus::unset);
}

TEST_F(Traced, AFailedTurnIsAnErrorSpanWithItsErrorType) {
  json failed = turn_json("u1", "failed");
  failed["error"] = {{"code", "agent_error"}, {"message", "the agent broke"}};
  server().expect("POST", "/api/v3/threads/t1/turns", json_answer(failed.dump()));
  client().create_turn("t1", ask());
  const SpanData root = only("invoke_agent");
  EXPECT_EQ(root.status, SpanStatus::error);
  EXPECT_EQ(text_of(root, "error.type"), "agent_error");
  EXPECT_EQ(text_of(root, "paradigm.turn.status"), "failed");
  const auto failures = measured().find("paradigm.client.failures");
  ASSERT_TRUE(failures && failures->points.size() == 1u);
  EXPECT_EQ(failures->points[0].attributes.at("error.type"), "agent_error");
  EXPECT_EQ(failures->points[0].attributes.at("gen_ai.operation.name"), "invoke_agent");
}

TEST_F(Traced, ACancelledWaitEndsItsPauseAndItsOperationAsCancelled) {
  CallOptions call;
  scripted.clock->on_sleep([&](std::size_t) { call.cancellation.cancel(); });
  server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "running")));
  EXPECT_THROW(client().wait_for_turn("t1", "u1", {}, call), CancelledError);
  const SpanData root = only("paradigm.wait_for_turn");
  EXPECT_EQ(root.status, SpanStatus::error);
  EXPECT_EQ(text_of(root, "error.type"), "CancelledError");
  EXPECT_THAT(children(root), ElementsAre("paradigm.poll", "paradigm.poll_wait"));
  const SpanData wait = only("paradigm.poll_wait");
  ASSERT_EQ(wait.events.size(), 1u);
  EXPECT_EQ(wait.events[0].name, "paradigm.cancelled");
  EXPECT_EQ(metric_total("paradigm.client.turns_in_flight"), 0);
}

TEST_F(Traced, ToolCallsBecomeExecuteToolSpansTimedByTheirSteps) {
  json done = turn_json("u1", "completed", "Paris");
  json tool_call = {{"id", "tc1"},
                    {"tool", {{"id", "x"}, {"name", "document_search"}, {"type", "native"}}},
                    {"tool_args", nullptr},
                    {"steps",
                     {{{"status", "started"}, {"created_at", "2026-01-01T10:00:01Z"}},
                      {{"status", "done"}, {"created_at", "2026-01-01T10:00:04Z"}}}},
                    {"created_at", "2026-01-01T10:00:00Z"}};
  done["messages"][1]["parts"].insert(done["messages"][1]["parts"].begin(),
                                      json{{"type", "tool_call"}, {"tool_call", tool_call}});
  server().expect("POST", "/api/v3/threads/t1/turns", json_answer(done.dump()));
  const Turn result = client().create_turn("t1", ask());
  ASSERT_EQ(result.tool_calls().size(), 1u);
  const SpanData tool = only("execute_tool document_search");
  const SpanData root = only("invoke_agent");
  EXPECT_EQ(tool.parent_span_id, root.context.span_id);
  EXPECT_EQ(text_of(tool, "gen_ai.operation.name"), "execute_tool");
  EXPECT_EQ(text_of(tool, "gen_ai.tool.name"), "document_search");
  EXPECT_EQ(text_of(tool, "gen_ai.tool.call.id"), "tc1");
  EXPECT_EQ(tool.end - tool.start, std::chrono::seconds(4));
  ASSERT_EQ(tool.events.size(), 2u);
  EXPECT_EQ(tool.events[1].at - tool.start, std::chrono::seconds(4));
}

TEST_F(Traced, TheCallersParentIsContinuedAndItsTraceStatePassedOn) {
  const auto parent =
      SpanContext::from_traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "vendor=x");
  ASSERT_TRUE(parent);
  CallOptions call;
  call.trace_parent = parent;
  server().expect("GET", "/api/v3/threads/t1", json_answer(thread("t1")));
  client().get_thread("t1", call);
  const SpanData root = only("paradigm.get_thread");
  EXPECT_EQ(root.context.trace_id_hex(), "0af7651916cd43dd8448eb211c80319c");
  EXPECT_EQ(root.parent_span_id, parent->span_id);
  const SentRequest sent = server().sent().front();
  EXPECT_EQ(header(sent, "traceparent").substr(0, 36), "00-0af7651916cd43dd8448eb211c80319c-");
  EXPECT_EQ(header(sent, "tracestate"), "vendor=x");
}

TEST_F(Traced, NoKeyAndNoQueryOrAnswerTextInAnySpanByDefault) {
  server().expect("POST", "/api/v3/threads/turns", json_answer(turn("u1", "completed", "Secret answer")));
  client().create_thread_with_turn(ask("Secret question"));
  for (const SpanData& span : spans()) {
    for (const Attribute& attribute : span.attributes) {
      if (!std::holds_alternative<std::string>(attribute.value)) continue;
      const std::string& value = std::get<std::string>(attribute.value);
      EXPECT_EQ(value.find("test-key"), std::string::npos) << attribute.key;
      EXPECT_EQ(value.find("Secret"), std::string::npos) << attribute.key;
    }
  }
}

TEST(TracingOptIn, CapturedQueryAndAnswerAreCutToTheConfiguredSize) {
  auto tracer = std::make_shared<InMemoryTracer>();
  ClientOptions options = ScriptedClient::default_options();
  options.telemetry.tracer = tracer;
  options.telemetry.capture_content = true;
  options.telemetry.max_captured_bytes = 6;
  ScriptedClient scripted(options);
  scripted.transport->expect("POST", "/api/v3/threads/turns",
                             json_answer(turn("u1", "completed", "Secret answer")));
  scripted.client.create_thread_with_turn(ask("Secret question"));
  const SpanData root = tracer->spans().back();
  EXPECT_EQ(json::parse(text_of(root, "gen_ai.input.messages"))[0]["parts"][0]["content"], "Secret");
  EXPECT_EQ(json::parse(text_of(root, "gen_ai.output.messages"))[0]["parts"][0]["content"], "Secret");
}

TEST_F(Traced, ATurnSetOfTwentyTracesEachTurn) {
  server().any_order();
  for (int i = 0; i < 20; ++i) {
    const std::string id = "u" + std::to_string(i);
    server().expect("POST", "/api/v3/threads/turns", json_answer(turn(id, "running")));
    server().expect("GET", "/api/v3/threads/t1/turns/" + id, json_answer(turn(id, "completed", "Paris")));
  }
  {
    TurnSet set(client());
    for (int i = 0; i < 20; ++i)
      set.add(ask());
    for (int i = 0; i < 20; ++i)
      ASSERT_TRUE(set.next_completed().has_value());
  }
  const auto creates = named("invoke_agent");
  const auto waits = named("paradigm.wait_for_turn");
  ASSERT_EQ(creates.size(), 20u);
  ASSERT_EQ(waits.size(), 20u);
  // Each turn is one trace: the set's span holds its create and its wait.
  const auto turns = named("paradigm.turn_set.turn");
  ASSERT_EQ(turns.size(), 20u);
  std::set<std::string> turn_ids;
  for (const SpanData& turn : turns) {
    EXPECT_TRUE(turn.is_root());
    EXPECT_THAT(children(turn), ElementsAre("invoke_agent", "paradigm.wait_for_turn"));
    turn_ids.insert(text_of(turn, "gen_ai.response.id"));
  }
  for (const SpanData& wait : waits)
    EXPECT_THAT(children(wait), ElementsAre("paradigm.poll_wait", "paradigm.poll"));
  EXPECT_EQ(turn_ids.size(), 20u);
  EXPECT_EQ(metric_total("paradigm.client.turns_in_flight"), 0);
  EXPECT_EQ(metric_total("gen_ai.client.operation.duration"), 40);
}

TEST(SpanContextText, TraceparentRoundTripsAndRefusesWhatW3CRefuses) {
  const auto context =
      SpanContext::from_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  ASSERT_TRUE(context);
  EXPECT_EQ(context->traceparent(), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  EXPECT_FALSE(SpanContext::from_traceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
  EXPECT_FALSE(SpanContext::from_traceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(SpanContext::from_traceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(SpanContext::from_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"));
  EXPECT_TRUE(SpanContext::from_traceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"));
}

}  // namespace
}  // namespace paradigm::testing
