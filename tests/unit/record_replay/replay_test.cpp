// Replaying a cassette: the default connection's workflows over recorded
// answers, with no server and no waiting.
#include <paradigm/paradigm.hpp>
#include <paradigm/testing/builders.hpp>
#include <paradigm/record_replay.hpp>

#include "cassette_test_util.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace paradigm::testing {
namespace {

using nlohmann::json;

// One recorded exchange, as the recorder writes it.
std::string line(const std::string& method, const std::string& path, int status, const json& response,
                 const json& request = nullptr, const std::string& query = "") {
  json out = {{"method", method}, {"path", path}, {"query", query}};
  if (!request.is_null()) out["request_body"] = request;
  out["status"] = status;
  out["response_headers"] = json::array({{"Content-Type", "application/json"}});
  out["response_body"] = response;
  return out.dump();
}

json turn_json(const Turn& turn) {
  return json::parse(to_json(turn));
}

const json kAsk = {{"query", "What is the capital of France?"}};

TurnRequest ask(const std::string& query = "What is the capital of France?") {
  TurnRequest request;
  request.query = query;
  return request;
}

TEST(Replay, AnswersWithTheRecordedIdsAndTimestamps) {
  const Turn recorded = TurnBuilder().id("9339cf12").thread("783b089b").answer("Paris");
  ThreadsClient client(make_replaying_connection(
      write_cassette({line("POST", "/api/v3/threads/turns", 200, turn_json(recorded), kAsk)})));
  const Turn turn = client.create_thread_with_turn(ask());
  EXPECT_EQ(turn.id, "9339cf12");
  EXPECT_EQ(turn.thread, "783b089b");
  EXPECT_EQ(turn.created_at->to_string(), "2026-01-01T12:00:00.000000Z");
  EXPECT_EQ(turn.final_answer(), "Paris");
}

TEST(Replay, WaitsThroughA202WithoutWaiting) {
  const Turn running = TurnBuilder().id("u1").thread("t1").running();
  const Turn done = TurnBuilder().id("u1").thread("t1").answer("Paris");
  ThreadsClient client(make_replaying_connection(write_cassette({
      line("POST", "/api/v3/threads/turns", 202, turn_json(running), kAsk),
      line("GET", "/api/v3/threads/t1/turns/u1", 200, turn_json(running)),
      line("GET", "/api/v3/threads/t1/turns/u1", 200, turn_json(running)),
      line("GET", "/api/v3/threads/t1/turns/u1", 200, turn_json(done)),
  })));
  // Polls 0.5 s, 0.75 s, 1.1 s apart on the network; at once in a replay.
  int updates = 0;
  CreateOptions create;
  create.waiting.on_update = [&](const Turn&) { ++updates; };
  EXPECT_EQ(client.create_thread_with_turn(ask(), create).final_answer(), "Paris");
  EXPECT_EQ(updates, 3);
}

TEST(Replay, RetriesAsOnTheNetwork) {
  const std::string path = write_cassette({
      R"({"method": "GET", "path": "/api/v3/threads/t1", "query": "", "status": 0, "transfer_error": "connect"})",
      line("GET", "/api/v3/threads/t1", 503, {{"detail", "busy"}}),
      line("GET", "/api/v3/threads/t1", 200, json::parse(to_json(ThreadBuilder().id("t1").build()))),
  });
  ThreadsClient client(make_replaying_connection(path));
  ResponseInfo info;
  CallOptions call;
  call.response_info = &info;
  EXPECT_EQ(client.get_thread("t1", call).id, "t1");
  EXPECT_EQ(info.attempts, 3);
  // A fresh replay, with no retries allowed: the recorded failure is the answer.
  ReplayOptions no_retries;
  no_retries.client.retry.max_retries = 0;
  ThreadsClient strict(make_replaying_connection(path, no_retries));
  EXPECT_THROW(strict.get_thread("t1"), ConnectionError);
}

TEST(Replay, FeedsARecordedStreamToTheHandler) {
  const Turn turn = TurnBuilder().id("u1").thread("t1").answer("The capital of France is Paris.");
  json stream = {{"method", "POST"}, {"path", "/api/v3/threads/t1/turns"}, {"query", ""},
                 {"request_body", {{"query", "What is the capital of France?"}, {"stream", true}}},
                 {"status", 200}, {"response_headers", json::array({{"Content-Type", "text/event-stream"}})},
                 {"events", json::array()}};
  for (const StreamEvent& event : stream_events(turn))
    stream["events"].push_back({{"at_ms", 5}, {"event", event.event}, {"data", event.data}});
  ReplayOptions options;
  options.body = BodyMatch::ignore;  // whatever the SDK adds to a stream request
  ThreadsClient client(make_replaying_connection(
      write_cassette({stream.dump(), line("GET", "/api/v3/threads/t1/turns/u1", 200, turn_json(turn))}), options));
  std::vector<std::string> names;
  std::string text;
  const Turn final_turn = client.stream_turn("t1", ask(), [&](const StreamEvent& event) {
    names.push_back(event.event);
    if (auto delta = text_delta(event)) text += *delta;
    return true;
  });
  EXPECT_EQ(names.front(), "turn.created");
  EXPECT_EQ(names.back(), "done");
  EXPECT_EQ(text, "The capital of France is Paris.");
  EXPECT_EQ(final_turn.final_answer(), text);
}

TEST(Replay, WithTimingAStreamKeepsItsPausesAndStopsWhenCancelled) {
  json stream = {{"method", "POST"}, {"path", "/api/v3/threads/t1/turns"}, {"query", ""}, {"status", 200},
                 {"response_headers", json::array({{"Content-Type", "text/event-stream"}})},
                 {"events", {{{"at_ms", 0}, {"event", "first"}, {"data", "{}"}},
                             {{"at_ms", 3600000}, {"event", "an hour later"}, {"data", "{}"}}}}};
  ReplayOptions options;
  options.replay_timing = true;
  options.body = BodyMatch::ignore;
  ThreadsClient client(make_replaying_connection(write_cassette({stream.dump()}), options));
  CallOptions call;
  std::vector<std::string> names;
  EXPECT_THROW(client.stream_turn("t1", ask(),
                                  [&](const StreamEvent& event) {
                                    names.push_back(event.event);
                                    call.cancellation.cancel();  // during the hour's pause
                                    return true;
                                  },
                                  {}, call),
               CancelledError);
  EXPECT_EQ(names, std::vector<std::string>{"first"});
}

TEST(Replay, ServesBinaryBodiesByteForByte) {
  const std::string png("\x89PNG\r\n\x1a\n\0\xff\xfe", 11);
  json download = {{"method", "GET"}, {"path", "/api/v3/artifacts/a1/content"}, {"query", ""}, {"status", 200},
                   {"response_headers", json::array({{"Content-Type", "image/png"}})},
                   {"response_base64", "iVBORw0KGgoA//4="}};
  ThreadsClient client(make_replaying_connection(write_cassette({download.dump()})));
  const ArtifactContent content = client.download_artifact_content("a1");
  EXPECT_EQ(content.bytes, png);
  EXPECT_EQ(content.info.content_type, "image/png");
}

TEST(Replay, AnUnrecordedRequestShowsTheNearestRecordedOne) {
  ThreadsClient client(make_replaying_connection(write_cassette({
      line("GET", "/api/v3/threads", 200, json::parse(to_json(page_of<Thread>({})))),
      line("POST", "/api/v3/threads/turns", 200, turn_json(completed_turn("Paris")), kAsk),
  })));
  try {
    client.create_thread_with_turn(ask("What is the capital of Italy?"));
    FAIL() << "no error";
  } catch (const CassetteMismatchError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("has no answer for POST /api/v3/threads/turns"), std::string::npos) << message;
    EXPECT_NE(message.find("Italy"), std::string::npos) << message;
    EXPECT_NE(message.find("differs in its body"), std::string::npos) << message;
    EXPECT_EQ(e.request().rfind("POST /api/v3/threads/turns {", 0), 0u) << e.request();
    EXPECT_EQ(e.nearest(), R"(POST /api/v3/threads/turns {"query":"What is the capital of France?"})");
  }
  try {
    client.get_thread("t9");
    FAIL() << "no error";
  } catch (const CassetteMismatchError& e) {
    EXPECT_EQ(e.nearest(), "GET /api/v3/threads");
    EXPECT_NE(std::string(e.what()).find("differs in its path"), std::string::npos) << e.what();
  }
}

TEST(Replay, EachExchangeIsServedOnceUnlessRepeatsAreAllowed) {
  const std::string path = write_cassette({line("GET", "/api/v3/threads/t1", 200, json::parse(to_json(ThreadBuilder().id("t1").build())))});
  ThreadsClient once(make_replaying_connection(path));
  once.get_thread("t1");
  try {
    once.get_thread("t1");
    FAIL() << "no error";
  } catch (const CassetteMismatchError& e) {
    EXPECT_NE(std::string(e.what()).find("served already"), std::string::npos) << e.what();
  }
  ReplayOptions repeats;
  repeats.allow_repeats = true;
  ThreadsClient again(make_replaying_connection(path, repeats));
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(again.get_thread("t1").id, "t1");
}

TEST(Replay, AnEmptyCassetteSaysSo) {
  ThreadsClient client(make_replaying_connection(write_cassette({})));
  try {
    client.get_thread("t1");
    FAIL() << "no error";
  } catch (const CassetteMismatchError& e) {
    EXPECT_NE(std::string(e.what()).find("holds no exchange"), std::string::npos) << e.what();
    EXPECT_EQ(e.nearest(), "");
  }
}

TEST(Replay, BodiesMatchAsJsonByDefault) {
  // Recorded with other spacing and member order than the SDK writes.
  const std::string recorded =
      R"({"method": "POST", "path": "/api/v3/threads/turns", "query": "",)"
      R"( "request_body": {"system_prompt_suffix": "Be brief.",   "query": "What is the capital of France?"},)"
      R"( "status": 200, "response_headers": [], "response_body": )" +
      to_json(completed_turn("Paris")) + "}";
  TurnRequest request = ask();
  request.system_prompt_suffix = "Be brief.";
  EXPECT_EQ(ThreadsClient(make_replaying_connection(write_cassette({recorded})))
                .create_thread_with_turn(request)
                .final_answer(),
            "Paris");
  ReplayOptions ignore;
  ignore.body = BodyMatch::ignore;
  EXPECT_EQ(ThreadsClient(make_replaying_connection(write_cassette({recorded}), ignore))
                .create_thread_with_turn(ask("Anything"))
                .final_answer(),
            "Paris");
  ReplayOptions exact;
  exact.body = BodyMatch::exact;
  EXPECT_THROW(ThreadsClient(make_replaying_connection(write_cassette({recorded}), exact)).create_thread_with_turn(request),
               CassetteMismatchError);
}

TEST(Replay, QueriesMatchUnlessToldNotTo) {
  const std::string recorded =
      line("GET", "/api/v3/threads", 200, json::parse(to_json(page_of<Thread>({ThreadBuilder()}))), nullptr, "limit=5");
  ThreadListOptions list;
  list.limit = 7;
  EXPECT_THROW(ThreadsClient(make_replaying_connection(write_cassette({recorded}))).list_threads(list),
               CassetteMismatchError);
  ReplayOptions any_query;
  any_query.match_query = false;
  EXPECT_EQ(ThreadsClient(make_replaying_connection(write_cassette({recorded}), any_query)).list_threads(list).results.size(), 1u);
}

TEST(Replay, ACassetteThatCannotBeReadIsAnError) {
  EXPECT_THROW(make_replaying_connection(cassette_path("-missing")), CassetteError);
  EXPECT_THROW(make_replaying_connection(write_cassette({"[1, 2]"})), CassetteError);
}

}  // namespace
}  // namespace paradigm::testing
