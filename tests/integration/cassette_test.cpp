// Cassettes end to end: a session recorded against the emulator over
// libcurl, then replayed with the emulator stopped.
#include <paradigm/record_replay.hpp>

#include "support/mock_fixture.hpp"

#include <fstream>
#include <sstream>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

std::string file_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// What a session showed its user: compared between the recording and the replay.
struct Seen {
  std::vector<std::string> values;
  bool operator==(const Seen& other) const { return values == other.values; }
};

class Cassettes : public ::testing::Test {
 protected:
  static constexpr const char* kKey = "sk-test-ABCDEF0123456789";

  Cassettes() : server(config(), frozen_clock()) {}

  static mock::MockConfig config() {
    mock::MockConfig config;
    config.api_keys = {kKey};
    config.turn_duration = std::chrono::seconds(30);  // on the emulator's frozen clock
    config.sync_timeout = milliseconds(0);
    return config;
  }
  static mock::ServerOptions frozen_clock() {
    mock::ServerOptions options;
    options.clock_speed = 0;
    return options;
  }

  ClientOptions options() const {
    ClientOptions options;
    options.base_url = server.base_url();
    options.api_key = kKey;
    options.retry.initial_backoff = milliseconds(1);  // the recording runs on the real clock
    options.wait.initial_interval = milliseconds(1);
    options.wait.max_interval = milliseconds(1);
    return options;
  }

  // A session that touches every workflow: a 202 waited for, a follow-up,
  // a retried create, a stream, a listing, a download. `on_poll` runs on each
  // state seen while waiting (the recording finishes the turns there).
  Seen session(ThreadsClient& client, const std::function<void()>& on_poll, const std::string& download_to) {
    Seen seen;
    auto show = [&](const Turn& turn) {
      seen.values.insert(seen.values.end(), {turn.id, turn.thread, turn.status.text(), turn.final_answer(),
                                             turn.created_at ? turn.created_at->to_string() : ""});
    };
    CreateOptions create;
    create.waiting.on_update = [&](const Turn&) { on_poll(); };
    const Turn first = client.create_thread_with_turn(ask("What is the capital of France?"), create);
    show(first);
    show(client.create_turn(first.thread, ask("And its population?"), create));
    TurnRequest draw = ask("Draw a sine");
    draw.force_tool = "code_execution";
    const Turn chart = client.create_turn(first.thread, draw, create);
    show(chart);
    std::string streamed;
    show(client.stream_turn_text(first.thread, ask("What is the capital of France?"),
                                 [&](std::string_view delta) { streamed += delta; }));
    seen.values.push_back(streamed);
    for (const Turn& turn : client.all_turns(first.thread))
      seen.values.push_back(turn.id);
    const DownloadInfo info = client.download_artifact_to_file(chart.artifacts().at(0).id, download_to);
    seen.values.push_back(std::to_string(info.bytes) + " bytes " + info.content_type.value_or(""));
    seen.values.push_back(file_text(download_to).substr(0, 8));
    return seen;
  }

  // Finishes every running turn by moving the emulator's clock past them.
  std::function<void()> finish_turns() {
    return [this] { server.advance_clock(std::chrono::seconds(30)); };
  }

  const std::string cassette = ::testing::TempDir() + "cassette-integration-" +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl";
  mock::MockServer server;
};

TEST_F(Cassettes, ASessionRecordedAgainstTheEmulatorReplaysWithItStopped) {
  mock::Fault busy;  // the second turn creation is retried once
  busy.method = "POST";
  busy.path_regex = "/api/v3/threads/[^/]+/turns";
  busy.status = 503;
  server.add_fault(busy);

  ThreadsClient recording(make_recording_connection(options(), cassette));
  const Seen recorded = session(recording, finish_turns(), cassette + ".recorded.png");
  const int requests = static_cast<int>(server.requests().size());
  server.stop();

  ThreadsClient replaying(make_replaying_connection(cassette));
  const Seen replayed = session(replaying, [] {}, cassette + ".replayed.png");
  EXPECT_EQ(replayed.values, recorded.values);
  EXPECT_EQ(recorded.values.at(3), "The capital of France is Paris.");

  // One line per exchange: the 503 and its retry are both there.
  std::ifstream file(cassette);
  int lines = 0;
  for (std::string line; std::getline(file, line);)
    ++lines;
  EXPECT_EQ(lines, requests);
  EXPECT_NE(file_text(cassette).find(R"("status":503)"), std::string::npos);
}

TEST_F(Cassettes, NeverHoldTheKeyEvenWhenTheServerEchoesIt) {
  mock::MockConfig instant = config();
  instant.turn_duration = milliseconds(0);
  server.configure(instant);
  mock::Fault echo;  // every answer carries the key in a header
  echo.times = -1;
  echo.headers = {{"X-Echo-Key", kKey}, {"X-Echo-Auth", std::string("Bearer ") + kKey}};
  server.add_fault(echo);

  TurnRequest leaky = ask(std::string("Is ") + kKey + " my key?");  // echoed in the turn's body
  ThreadsClient recording(make_recording_connection(options(), cassette));
  const Turn recorded = recording.create_thread_with_turn(leaky);
  ASSERT_NE(to_json(recorded).find(kKey), std::string::npos) << "the emulator should echo the query";
  server.stop();

  const std::string text = file_text(cassette);
  EXPECT_EQ(text.find(kKey), std::string::npos) << text;
  EXPECT_EQ(text.find("ABCDEF0123456789"), std::string::npos) << text;
  EXPECT_EQ(text.find("X-Echo"), std::string::npos) << text;
  EXPECT_NE(text.find("Is [REDACTED] my key?"), std::string::npos) << text;

  // The replay redacts its own requests the same way, given the same key.
  ReplayOptions replay;
  replay.client.api_key = kKey;
  ThreadsClient replaying(make_replaying_connection(cassette, replay));
  const Turn replayed = replaying.create_thread_with_turn(leaky);
  EXPECT_EQ(replayed.id, recorded.id);
  EXPECT_EQ(replayed.messages.at(0).parts.at(0).text, "Is [REDACTED] my key?");
}

}  // namespace
}  // namespace paradigm::testing
