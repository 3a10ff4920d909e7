// The recording transport: every exchange written to the cassette as it
// ends, secrets removed; the client sees the answers it would anyway.
#include <paradigm/paradigm.hpp>
#include <paradigm/record_replay.hpp>
#include <paradigm/testing/builders.hpp>

#include "cassette_test_util.hpp"
#include "record_replay/recording_transport.hpp"
#include "support/scripted_transport.hpp"
#include "workflow/routes.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace paradigm::testing {
namespace {

using nlohmann::json;

constexpr const char* kKey = "sk-live-0123456789";

// A client whose exchanges go through a recording transport to a script.
class Recording : public ::testing::Test {
 protected:
  Recording() : client(connection()) {}

  std::shared_ptr<ThreadsConnection> connection(std::size_t max_body = std::size_t{64} << 20) {
    ClientOptions options = ScriptedClient::default_options();
    options.api_key = kKey;
    writer = std::make_shared<detail::CassetteWriter>();
    writer->open(path, false);
    auto recorder = std::make_shared<const detail::Recorder>(
        detail::normalize_base_url(options.base_url), writer, detail::Redactor({kKey, "hunter2"}), max_body);
    auto recording = std::make_shared<detail::RecordingTransport>(server, recorder);
    return detail::make_connection(options, recording, std::make_shared<FakeClock>());
  }

  std::vector<json> cassette() const {
    const std::string text = read_file(path);
    EXPECT_EQ(text.find(kKey), std::string::npos) << "the key is in the cassette:\n" << text;
    std::vector<json> lines;
    for (const auto& line : read_lines(path))
      lines.push_back(json::parse(line));
    return lines;
  }

  const std::string path = cassette_path();
  std::shared_ptr<ScriptedTransport> server = std::make_shared<ScriptedTransport>();
  std::shared_ptr<detail::CassetteWriter> writer;
  ThreadsClient client;
};

TEST_F(Recording, KeepsTheRequestAndTheAnswerButNoSecret) {
  json turn = json::parse(to_json(completed_turn("Your key is " + std::string(kKey) + ".")));
  server->expect("POST", "/api/v3/threads/turns",
                 json_answer(turn.dump())
                     .header("X-Request-Id", "req-1")
                     .header("X-Echo", std::string("Bearer ") + kKey)
                     .header("Set-Cookie", "session=abc")
                     .header("Connection", "keep-alive"));
  TurnRequest ask;
  ask.query = std::string("Is ") + kKey + " my key? And hunter2 my password?";
  const Turn answered = client.create_thread_with_turn(ask);
  EXPECT_EQ(answered.final_answer(), "Your key is " + std::string(kKey) + ".");  // the client is not affected

  const auto lines = cassette();
  ASSERT_EQ(lines.size(), 1u);
  const json& line = lines[0];
  EXPECT_EQ(line["method"], "POST");
  EXPECT_EQ(line["path"], "/api/v3/threads/turns");
  EXPECT_EQ(line["request_body"]["query"], "Is [REDACTED] my key? And [REDACTED] my password?");
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["response_headers"],
            json::parse(R"([["Content-Type", "application/json"], ["X-Request-Id", "req-1"]])"));
  EXPECT_EQ(line["response_body"]["id"], "turn-1");
  EXPECT_EQ(line["response_body"]["messages"][1]["parts"][0]["text"], "Your key is [REDACTED].");
  EXPECT_EQ(line["response_body"]["created_at"], "2026-01-01T12:00:00.000000Z");
}

TEST_F(Recording, KeepsTheKeyOutOfPathsAndQueries) {
  server->expect("GET", std::string("/api/v3/threads/") + kKey,
                 json_answer(to_json(ThreadBuilder().build())));
  ListOptions list;
  list.starting_after = kKey;
  server->expect("GET", std::string("/api/v3/threads/t1/turns?starting_after=") + kKey,
                 json_answer(to_json(page_of<Turn>({}))));
  client.get_thread(kKey);
  client.list_turns("t1", list);
  const auto lines = cassette();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["path"], "/api/v3/threads/[REDACTED]");
  EXPECT_EQ(lines[1]["query"], "starting_after=[REDACTED]");
}

TEST_F(Recording, KeepsAStreamAsItsEventsInOrder) {
  const Turn turn = TurnBuilder().thread("t1").id("u1").reasoning("Easy.").answer("Paris");
  auto events = stream_events(turn, 2);
  std::vector<std::pair<std::string, std::string>> script;
  for (const auto& event : events)
    script.emplace_back(event.event, event.data);
  server->expect("POST", "/api/v3/threads/t1/turns", sse_answer(script));
  server->expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(to_json(turn)));
  std::string text;
  TurnRequest ask;
  ask.query = "What is the capital of France?";
  client.stream_turn_text("t1", ask, [&](std::string_view delta) { text += delta; });
  EXPECT_EQ(text, "Paris");

  const auto lines = cassette();
  ASSERT_EQ(lines.size(), 2u);
  const json& stream = lines[0];
  EXPECT_FALSE(stream.contains("response_body"));
  ASSERT_EQ(stream["events"].size(), events.size());
  std::int64_t previous = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(stream["events"][i]["event"], events[i].event);
    EXPECT_EQ(json::parse(stream["events"][i]["data"].get<std::string>()), json::parse(events[i].data));
    EXPECT_GE(stream["events"][i]["at_ms"].get<std::int64_t>(), previous);
    previous = stream["events"][i]["at_ms"];
  }
  EXPECT_EQ(lines[1]["response_body"]["status"], "completed");
}

TEST_F(Recording, KeepsErrorAnswersAndBrokenExchanges) {
  server->expect("GET", "/api/v3/threads/t1", failure(detail::TransferError::connect))
      .expect("GET", "/api/v3/threads/t1",
              json_answer(503, R"({"detail": "busy"})").header("Retry-After", "1"))
      .expect("GET", "/api/v3/threads/t1", json_answer(to_json(ThreadBuilder().id("t1").build())));
  EXPECT_EQ(client.get_thread("t1").id, "t1");
  const auto lines = cassette();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["status"], 0);
  EXPECT_EQ(lines[0]["transfer_error"], "connect");
  EXPECT_EQ(lines[1]["status"], 503);
  EXPECT_EQ(lines[1]["response_body"], json({{"detail", "busy"}}));
  EXPECT_EQ(lines[1]["response_headers"][1], json::parse(R"(["Retry-After", "1"])"));
  EXPECT_EQ(lines[2]["status"], 200);
}

TEST_F(Recording, CutsABodyOverTheLimit) {
  client = ThreadsClient(connection(10));
  server->expect("GET", "/api/v3/artifacts/a1/content", json_answer("0123456789ABCDEF"));
  EXPECT_EQ(client.download_artifact_bytes("a1"), "0123456789ABCDEF");
  const auto lines = cassette();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["response_text"], "0123456789");
  EXPECT_EQ(lines[0]["truncated"], true);
}

TEST(RecordingConnection, RefusesBadOptionsBeforeTouchingTheCassette) {
  const std::string path = write_cassette({"keep me"});
  ClientOptions options;
  options.base_url = "http://127.0.0.1:9";
  EXPECT_THROW(make_recording_connection(options, path), InvalidRequestError);  // no key
  EXPECT_EQ(read_file(path), "keep me\n");
  options.api_key = "k";
  EXPECT_THROW(make_recording_connection(options, ::testing::TempDir() + "no/such/dir/c.jsonl"),
               CassetteError);
  make_recording_connection(options, path, RecordOptions{true, 1024, {}});  // append: kept
  EXPECT_EQ(read_file(path), "keep me\n");
  make_recording_connection(options, path);
  EXPECT_EQ(read_file(path), "");
}

}  // namespace
}  // namespace paradigm::testing
