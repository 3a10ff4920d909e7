// The emulator itself: what it answers on the wire, independently of the SDK.
#include <paradigm/testing/mock_server.hpp>

#include <gtest/gtest.h>
#include <httplib.h>
#include <zlib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace paradigm::mock {
namespace {

using nlohmann::json;

class Mock : public ::testing::Test {
 protected:
  explicit Mock(MockConfig config = {}) : server(std::move(config)), http("127.0.0.1", server.port()) {
    http.set_default_headers({{"Authorization", "Bearer test-key"}});
  }

  json post(const std::string& path, const json& body, int expected_status) {
    auto res = http.Post(path.c_str(), body.dump(), "application/json");
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, expected_status) << res->body;
    return json::parse(res->body, nullptr, false);
  }
  json get(const std::string& path, int expected_status = 200) {
    auto res = http.Get(path.c_str());
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, expected_status) << res->body;
    return json::parse(res->body, nullptr, false);
  }

  MockServer server;
  httplib::Client http;
};

std::uint32_t be32(const std::string& bytes, std::size_t at) {
  return (std::uint32_t(static_cast<unsigned char>(bytes[at])) << 24) |
         (std::uint32_t(static_cast<unsigned char>(bytes[at + 1])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(bytes[at + 2])) << 8) |
         static_cast<unsigned char>(bytes[at + 3]);
}

TEST_F(Mock, RequiresTheBearerKey) {
  httplib::Client anonymous("127.0.0.1", server.port());
  auto res = anonymous.Get("/api/v3/threads");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["detail"], "Authentication credentials were not provided.");
  anonymous.set_default_headers({{"Authorization", "Bearer nope"}});
  EXPECT_EQ(anonymous.Get("/api/v3/threads")->status, 401);
}

TEST_F(Mock, TurnHasTheDocumentedShape) {
  const json turn = post("/api/v3/threads/turns", {{"query", "What is the capital of France?"}}, 200);
  for (const char* key : {"id", "object", "thread", "status", "messages", "created_at"})
    EXPECT_TRUE(turn.contains(key)) << key;
  EXPECT_EQ(turn["object"], "turn");
  ASSERT_EQ(turn["messages"].size(), 2u);
  EXPECT_EQ(turn["messages"][0]["role"], "user");
  EXPECT_EQ(turn["messages"][1]["parts"].back()["type"], "text");
  EXPECT_EQ(turn["messages"][1]["parts"].back()["text"], "The capital of France is Paris.");
  EXPECT_EQ(turn["created_at"].get<std::string>().size(), 27u);  // 2025-12-16T16:01:53.806331Z
}

TEST_F(Mock, ValidatesLikeTheSchema) {
  const json errors = post("/api/v3/threads/turns", {{"query", "x"}, {"max_steps", 0}}, 400);
  EXPECT_TRUE(errors.contains("max_steps"));
  EXPECT_TRUE(post("/api/v3/threads/turns", {{"query", "x"}, {"stream", true}}, 400).contains("stream"));
  EXPECT_TRUE(post("/api/v3/threads/turns", {{"query", "x"}, {"file_ids", {1}}, {"tag_ids", {2}}}, 400)
                  .contains("file_ids"));
  EXPECT_TRUE(post("/api/v3/threads/turns", json::object(), 400).contains("query"));
  auto res = http.Post("/api/v3/threads/turns", "{not json", "application/json");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(server.turns_created(), 0);
}

TEST_F(Mock, BadCursorsAndPagesAreRefused) {
  get("/api/v3/threads?starting_after=nope", 400);
  get("/api/v3/threads?limit=0", 400);
  get("/api/v3/threads?limit=101", 400);
  get("/api/v3/agents?page=99", 404);
  EXPECT_EQ(get("/api/v3/agents?page_size=1")["next"].get<std::string>(),
            server.base_url() + "/api/v3/agents?page=2&page_size=1");
  EXPECT_TRUE(get("/api/v3/agents/1/tags").is_array());
}

TEST_F(Mock, CodeExecutionProducesAValidPng) {
  const json turn =
      post("/api/v3/threads/turns", {{"query", "Plot it"}, {"force_tool", "code_execution"}}, 200);
  const json call = turn["messages"][1]["parts"][0]["tool_call"];
  EXPECT_EQ(call["tool"]["name"], "code_execution");
  EXPECT_EQ(call["steps"].back()["progress_report"]["progress_percentage"], 100.0);
  const std::string id = call["result"]["file_artifacts"][0]["id"];
  auto res = http.Get(("/api/v3/artifacts/" + id + "/content").c_str());
  ASSERT_EQ(res->status, 200);
  const std::string& png = res->body;
  ASSERT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(res->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(res->get_header_value("Content-Disposition"), "attachment; filename=\"sine.png\"");
  // Every chunk's CRC is right, and the image ends with IEND.
  std::size_t at = 8;
  std::string last;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = be32(png, at);
    const std::string typed = png.substr(at + 4, 4 + length);
    EXPECT_EQ(be32(png, at + 8 + length),
              crc32(0, reinterpret_cast<const Bytef*>(typed.data()), typed.size()));
    last = typed.substr(0, 4);
    at += 12 + length;
  }
  EXPECT_EQ(last, "IEND");
  EXPECT_EQ(at, png.size());
}

TEST_F(Mock, GeneratedArtifactsFollowTheirPattern) {
  const std::string id = server.add_generated_artifact(200000, "application/octet-stream", "big.bin");
  auto res = http.Get(("/api/v3/artifacts/" + id + "/content").c_str());
  ASSERT_EQ(res->body.size(), 200000u);
  for (std::size_t i : {std::size_t{0}, std::size_t{65535}, std::size_t{65536}, std::size_t{199999}}) {
    EXPECT_EQ(res->body[i], static_cast<char>(i * 31 + 7)) << i;
  }
}

TEST_F(Mock, StreamsTheDocumentedVocabularyWithTheRequestedFraming) {
  auto config = server.config();
  config.stream.crlf = true;
  config.stream.heartbeats = true;
  server.configure(config);
  const std::string thread = post("/api/v3/threads", json::object(), 201)["id"];
  auto res = http.Post(("/api/v3/threads/" + thread + "/turns").c_str(),
                       json{{"query", "What is the capital of France?"}, {"stream", true}}.dump(),
                       "application/json");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/event-stream");
  const std::string& body = res->body;
  EXPECT_EQ(body.rfind(": ping\r\nevent: turn.created\r\ndata: {", 0), 0u);
  EXPECT_NE(body.find("event: part.delta\r\n"), std::string::npos);
  EXPECT_NE(body.find("event: turn.completed\r\n"), std::string::npos);
  EXPECT_EQ(body.substr(body.size() - 25), "event: done\r\ndata: {}\r\n\r\n");
  EXPECT_EQ(body.find("\n\n"), std::string::npos);  // CRLF only
}

TEST_F(Mock, FaultsApplyAfterSkipForTimesThenStop) {
  Fault fault;
  fault.method = "GET";
  fault.path_regex = "/api/v3/agents";
  fault.skip = 1;
  fault.times = 2;
  fault.status = 503;
  fault.headers = {{"Retry-After", "7"}};
  server.add_fault(fault);
  EXPECT_EQ(http.Get("/api/v3/agents")->status, 200);
  auto res = http.Get("/api/v3/agents");
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->get_header_value("Retry-After"), "7");
  EXPECT_EQ(http.Get("/api/v3/agents")->status, 503);
  EXPECT_EQ(http.Get("/api/v3/agents")->status, 200);
  EXPECT_EQ(http.Get("/api/v3/threads")->status, 200);  // other paths untouched
}

TEST_F(Mock, ADelayHoldsTheAnswerBack) {
  Fault fault;
  fault.path_regex = "/api/v3/agents";
  fault.delay = std::chrono::milliseconds(300);
  server.add_fault(fault);
  // A lower bound only: the answer cannot come before the delay has passed.
  const auto start = std::chrono::steady_clock::now();
  auto res = http.Get("/api/v3/agents");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_GE(elapsed, std::chrono::milliseconds(300));
}

TEST_F(Mock, ClosingBeforeTheResponseSendsNothing) {
  Fault fault;
  fault.transport = TransportFault::close_before_response;
  server.add_fault(fault);
  auto res = http.Get("/api/v3/agents");
  EXPECT_FALSE(res);  // no response at all
  EXPECT_EQ(http.Get("/api/v3/agents")->status, 200);
}

TEST_F(Mock, AdminRoutesSteerTheServerFromOutside) {
  httplib::Client admin("127.0.0.1", server.port());
  EXPECT_EQ(
      admin.Post("/_mock/faults", R"({"path_regex": "/api/v3/threads", "status": 418})", "application/json")
          ->status,
      201);
  EXPECT_EQ(http.Get("/api/v3/threads")->status, 418);
  EXPECT_EQ(
      admin
          .Post("/_mock/config", R"({"turn_duration_ms": 3600000, "sync_timeout_ms": 0})", "application/json")
          ->status,
      200);
  const json running = post("/api/v3/threads/turns", {{"query", "slow"}}, 202);
  EXPECT_EQ(running["status"], "running");
  const std::string complete = "/_mock/turns/" + running["thread"].get<std::string>() + "/" +
                               running["id"].get<std::string>() + "/complete";
  EXPECT_EQ(admin.Post(complete.c_str(), "", "application/json")->status, 200);
  const json done = get("/api/v3/threads/" + running["thread"].get<std::string>() + "/turns/" +
                        running["id"].get<std::string>());
  EXPECT_EQ(done["status"], "completed");
  const json stats = json::parse(admin.Get("/_mock/stats")->body);
  EXPECT_EQ(stats["turns_created"], 1);
  const json requests = json::parse(admin.Get("/_mock/requests")->body);
  EXPECT_EQ(requests.size(), server.requests().size());
  EXPECT_EQ(admin.Post("/_mock/faults", "{bad", "application/json")->status, 400);
}

TEST_F(Mock, AdminArtifactsAreGeneratedToTheAskedSize) {
  httplib::Client admin("127.0.0.1", server.port());
  auto created =
      admin.Post("/_mock/artifacts", R"({"size": 100000, "filename": "n.bin"})", "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201);
  const std::string id = json::parse(created->body)["id"];
  auto res = http.Get(("/api/v3/artifacts/" + id + "/content").c_str());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.size(), 100000u);
  EXPECT_EQ(res->body[99999], static_cast<char>(99999 * 31 + 7));
  EXPECT_NE(res->get_header_value("Content-Disposition").find("n.bin"), std::string::npos);
}

TEST_F(Mock, CompressJsonCanBeTurnedOff) {
  const httplib::Headers gzip{{"Accept-Encoding", "gzip"}};
  auto compressed = http.Get("/api/v3/threads", gzip);
  ASSERT_TRUE(compressed);
  EXPECT_EQ(compressed->get_header_value("Content-Encoding"), "gzip");
  auto config = server.config();
  config.compress_json = false;
  server.configure(config);
  auto plain = http.Get("/api/v3/threads", gzip);
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_EQ(plain->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_TRUE(json::parse(plain->body).contains("results"));
}

TEST_F(Mock, StopEndsAStallPromptly) {
  // A stall "until stopped": without the wake-up on stop this test would hang.
  Fault fault;
  fault.transport = TransportFault::stall_before_response;
  server.add_fault(fault);
  std::thread caller([this] { http.Get("/api/v3/agents"); });
  while (server.requests().empty())
    std::this_thread::yield();
  server.stop();
  caller.join();
}

TEST_F(Mock, CancelMovesATurnThroughCancellingToCancelled) {
  auto config = server.config();
  config.turn_duration = std::chrono::hours(1);
  config.cancel_delay = std::chrono::hours(1);
  server.configure(config);
  const json running = post("/api/v3/threads/turns", {{"query", "slow"}, {"background", true}}, 200);
  const std::string thread = running["thread"];
  auto res = http.Patch(("/api/v3/threads/" + thread + "?cancel=true").c_str(), "", "application/json");
  EXPECT_EQ(json::parse(res->body)["status"], "cancelling");
  config.cancel_delay = std::chrono::milliseconds(0);
  server.configure(config);
  EXPECT_EQ(get("/api/v3/threads/" + thread)["status"], "cancelled");
}

TEST_F(Mock, TheShutdownRouteCallsTheServersHookWhenItHasOne) {
  EXPECT_EQ(http.Post("/_mock/shutdown", "{}", "application/json")->status, 404);
  std::promise<void> asked;
  ServerOptions options;
  options.on_shutdown_request = [&asked] { asked.set_value(); };
  MockServer stoppable({}, options);
  httplib::Client admin("127.0.0.1", stoppable.port());
  auto res = admin.Post("/_mock/shutdown", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 202);
  EXPECT_EQ(res->body, R"({"stopping":true})");
  asked.get_future().wait();  // the hook ran
}

// paradigm-mock's hook closes every connection: had it run before the answer
// was written, the client that asked would get none.
TEST_F(Mock, TheShutdownHookRunsOnlyOnceTheAnswerIsOut) {
  std::promise<void> answered;
  std::promise<bool> hook_saw_the_answer;
  ServerOptions options;
  options.on_shutdown_request = [&hook_saw_the_answer, seen = answered.get_future().share()] {
    hook_saw_the_answer.set_value(seen.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  };
  MockServer stoppable({}, options);
  httplib::Client admin("127.0.0.1", stoppable.port());
  auto res = admin.Post("/_mock/shutdown", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 202);
  answered.set_value();
  EXPECT_TRUE(hook_saw_the_answer.get_future().get());
}

}  // namespace
}  // namespace paradigm::mock
