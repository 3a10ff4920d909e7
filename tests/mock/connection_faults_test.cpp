// Faults that end a connection on purpose: after acting on a request without
// answering it (what makes a client unsure whether its turn exists), and a
// stream cut after some events.
#include <paradigm/testing/mock_server.hpp>

#include "raw_connection.hpp"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace paradigm::mock::connection_faults_test {
namespace {

using nlohmann::json;
using std::chrono::seconds;
using test_support::http_request;
using test_support::RawConnection;

constexpr const char* kOk = "HTTP/1.1 200 OK";
const std::string kCreate = R"({"query": "What is the capital of France?"})";

Fault close_after_handling(int times = 1) {
  Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/turns";
  fault.transport = TransportFault::close_after_handling;
  fault.times = times;
  return fault;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
    ++count;
  return count;
}

// Turns of 10 s on a frozen clock: they run until the test moves the clock.
MockConfig ten_second_turns() {
  MockConfig config;
  config.turn_duration = seconds(10);
  config.sync_timeout = seconds(0);
  return config;
}
ServerOptions frozen_clock() {
  ServerOptions options;
  options.clock_speed = 0;
  return options;
}

TEST(CloseAfterHandling, CreatesTheTurnThenClosesWithoutAByteAndTheTurnRunsOn) {
  MockServer server(ten_second_turns(), frozen_clock());
  server.add_fault(close_after_handling());
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.send(http_request("POST", "/api/v3/threads/turns", kCreate)));
  EXPECT_EQ(connection.read_until_closed(), "");  // closed, and not one byte of an answer
  ASSERT_EQ(server.created_turns().size(), 1u);
  EXPECT_EQ(server.created_turns()[0].status, "running");
  server.advance_clock(seconds(10));
  EXPECT_EQ(server.created_turns()[0].status, "completed");  // it ran and completed as usual
  // The fault is used up: the next create is answered.
  RawConnection next(server.port());
  ASSERT_TRUE(next.send(http_request("POST", "/api/v3/threads/turns", kCreate)));
  EXPECT_EQ(next.read_answer(), "HTTP/1.1 202 Accepted");
}

TEST(CloseAfterHandling, WorksOnAReusedKeepAliveConnection) {
  MockServer server;
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.send(http_request("GET", "/api/v3/threads")));
  ASSERT_EQ(connection.read_answer(), kOk);
  server.add_fault(close_after_handling());
  ASSERT_TRUE(connection.send(http_request("POST", "/api/v3/threads/turns", kCreate)));
  EXPECT_EQ(connection.read_until_closed(), "");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].remote_port, requests[1].remote_port) << "one connection";
  ASSERT_EQ(server.created_turns().size(), 1u);
  EXPECT_EQ(server.created_turns()[0].request_id, requests[1].request_id);
  EXPECT_EQ(server.created_turns()[0].status, "completed");
}

std::size_t append_to(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// A documented test of the emulator with a raw libcurl easy handle: a GET,
// then a turn-creating POST on the same (reused) connection, which the
// emulator acts on and closes without answering. libcurl 7.88 then sends the
// POST again on a new connection on its own ("Connection died, retrying a
// fresh connect"), so the emulator receives two POSTs and creates two turns:
// the duplicate that the SDK must prevent (it disables that re-send). The
// count is whatever the installed libcurl does; the test holds the emulator
// to record every POST it received and to create a turn for each.
TEST(CloseAfterHandling, WhatLibcurlDoesWhenAReusedConnectionClosesAfterAPost) {
  MockServer server;
  CURL* easy = curl_easy_init();
  ASSERT_NE(easy, nullptr);
  curl_slist* headers = curl_slist_append(nullptr, "Authorization: Bearer test-key");
  headers = curl_slist_append(headers, "Content-Type: application/json");
  std::string body;
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, append_to);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT, 30L);  // bounds a failure only
  curl_easy_setopt(easy, CURLOPT_URL, (server.base_url() + "/api/v3/threads").c_str());
  ASSERT_EQ(curl_easy_perform(easy), CURLE_OK);

  server.add_fault(close_after_handling());
  body.clear();
  curl_easy_setopt(easy, CURLOPT_URL, (server.base_url() + "/api/v3/threads/turns").c_str());
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, kCreate.c_str());
  const CURLcode result = curl_easy_perform(easy);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(easy);

  const auto posts = server.requests("POST", "/api/v3/threads/turns");
  const auto turns = server.created_turns();
  ::testing::Test::RecordProperty("posts_received", static_cast<int>(posts.size()));
  ASSERT_GE(posts.size(), 1u);
  ASSERT_EQ(turns.size(), posts.size()) << "a turn for each POST received";
  for (std::size_t i = 0; i < posts.size(); ++i) {
    EXPECT_EQ(turns[i].request_id, posts[i].request_id);
    EXPECT_EQ(turns[i].query, "What is the capital of France?");
  }
  EXPECT_EQ(server.turns_created_for_query("What is the capital of France?"), static_cast<int>(posts.size()));
  EXPECT_EQ(server.requests()[0].remote_port, posts[0].remote_port) << "the first POST reused the connection";
  if (posts.size() == 2) {  // libcurl re-sent it on a connection of its own, and got that answer
    EXPECT_NE(posts[1].remote_port, posts[0].remote_port);
    EXPECT_EQ(result, CURLE_OK);
    EXPECT_EQ(status, 200);
    EXPECT_EQ(json::parse(body)["id"], turns[1].turn_id);
  } else {
    EXPECT_NE(result, CURLE_OK);
  }
}

class StreamDrops : public ::testing::Test {
 protected:
  StreamDrops() : http("127.0.0.1", server.port()) {
    http.set_default_headers({{"Authorization", "Bearer test-key"}});
    thread = json::parse(http.Post("/api/v3/threads", "{}", "application/json")->body)["id"];
  }

  // The raw bytes of a streamed create, until the emulator closes the connection.
  std::string stream() {
    RawConnection connection(server.port());
    connection.send(http_request("POST", "/api/v3/threads/" + thread + "/turns",
                                 R"({"query": "What is the capital of France?", "stream": true})",
                                 "Connection: close\r\n"));
    return connection.read_until_closed();
  }

  MockServer server;
  httplib::Client http;
  std::string thread;
};

TEST_F(StreamDrops, AFaultCutsTheNextStreamAfterItsEvents) {
  Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/[^/]+/turns";
  fault.drop_stream_after_events = 2;
  server.add_fault(fault);
  const std::string cut = stream();
  EXPECT_EQ(count_of(cut, "event: "), 2u) << cut;
  const std::string last_chunk = "\r\n0\r\n\r\n";
  ASSERT_GT(cut.size(), last_chunk.size());
  EXPECT_NE(cut.substr(cut.size() - last_chunk.size()), last_chunk) << "no last chunk: the stream is broken";
  const std::string whole = stream();
  EXPECT_EQ(count_of(whole, "event: done"), 1u) << "the fault is used up";
  EXPECT_EQ(server.created_turns()[0].status, "completed") << "the cut turn still completes on the server";
}

TEST_F(StreamDrops, AStreamFaultLeavesOtherAnswersAlone) {
  Fault fault;
  fault.drop_stream_after_events = 0;
  fault.times = -1;
  server.add_fault(fault);
  EXPECT_EQ(http.Get("/api/v3/threads")->status, 200);
  EXPECT_EQ(count_of(stream(), "event: "), 0u);
}

TEST_F(StreamDrops, DropsAndCloseAfterHandlingAreReachableFromTheAdminApi) {
  auto admin = [&](const char* path, const char* body) {
    return http.Post(path, body, "application/json")->status;
  };
  ASSERT_EQ(
      admin(
          "/_mock/faults",
          R"({"method": "POST", "path_regex": "/api/v3/threads/[^/]+/turns", "drop_stream_after_events": 1})"),
      201);
  EXPECT_EQ(count_of(stream(), "event: "), 1u);
  ASSERT_EQ(admin("/_mock/config", R"({"stream": {"drop_after_events": 3}})"), 200);
  EXPECT_EQ(count_of(stream(), "event: "), 3u);
  EXPECT_EQ(count_of(stream(), "event: "), 3u) << "the setting applies to every stream";

  ASSERT_EQ(admin("/_mock/faults", R"({"method": "POST", "transport": "close_after_handling"})"), 201);
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.send(http_request("POST", "/api/v3/threads/turns", kCreate)));
  EXPECT_EQ(connection.read_until_closed(), "");
  EXPECT_EQ(server.turns_created_for_query("What is the capital of France?"), 4);
}

}  // namespace
}  // namespace paradigm::mock::connection_faults_test
