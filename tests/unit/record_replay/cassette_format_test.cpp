// The cassette's lines, and what keeps secrets out of them.
#include <paradigm/record_replay.hpp>

#include "cassette_test_util.hpp"
#include "record_replay/cassette_format.hpp"
#include "record_replay/redactor.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace paradigm::testing {
namespace {

using detail::RecordedExchange;
using detail::Redactor;
using nlohmann::json;

RecordedExchange round_trip(const RecordedExchange& exchange) {
  return detail::from_line(detail::to_line(exchange));
}

TEST(CassetteFormat, JsonBodiesAreKeptAsJson) {
  RecordedExchange exchange;
  exchange.method = "POST";
  exchange.path = "/api/v3/threads/turns";
  exchange.request_body = R"({"query":"Hi"})";
  exchange.status = 200;
  exchange.response_headers.add("Content-Type", "application/json");
  exchange.response_body = R"({"id":"u1","status":"completed","b":1,"a":2})";
  const json line = json::parse(detail::to_line(exchange));
  EXPECT_EQ(line["request_body"], json({{"query", "Hi"}}));
  EXPECT_EQ(line["response_body"]["id"], "u1");
  EXPECT_EQ(line["response_headers"], json::parse(R"([["Content-Type", "application/json"]])"));
  EXPECT_EQ(line["query"], "");
  EXPECT_FALSE(line.contains("transfer_error"));

  const RecordedExchange back = round_trip(exchange);
  EXPECT_EQ(back.response_body, exchange.response_body);  // member order kept
  EXPECT_EQ(back.request_body, exchange.request_body);
  EXPECT_EQ(back.response_headers.get("content-type"), "application/json");
}

TEST(CassetteFormat, TextAndBinaryBodies) {
  RecordedExchange text;
  text.method = "GET";
  text.path = "/x";
  text.status = 404;
  text.response_body = "<html>Not Found</html>";
  EXPECT_EQ(json::parse(detail::to_line(text))["response_text"], "<html>Not Found</html>");
  EXPECT_EQ(round_trip(text).response_body, text.response_body);

  RecordedExchange binary = text;
  binary.status = 200;
  binary.response_body = std::string("\x89PNG\r\n\x1a\n\0\xff", 10);
  EXPECT_TRUE(json::parse(detail::to_line(binary)).contains("response_base64"));
  EXPECT_EQ(round_trip(binary).response_body, binary.response_body);

  RecordedExchange none = text;
  EXPECT_FALSE(round_trip(none).request_body);
}

TEST(CassetteFormat, StreamsAreKeptAsTheirEvents) {
  RecordedExchange stream;
  stream.method = "POST";
  stream.path = "/api/v3/threads/t1/turns";
  stream.status = 200;
  stream.streamed = true;
  stream.events = {{0, "turn.created", R"({"id":"u1"})", std::nullopt}, {12, "part.delta", "two\nlines", "7"}};
  stream.transfer_error = detail::TransferError::reset;
  const json line = json::parse(detail::to_line(stream));
  EXPECT_EQ(line["events"][1], json({{"at_ms", 12}, {"event", "part.delta"}, {"data", "two\nlines"}, {"id", "7"}}));
  EXPECT_EQ(line["transfer_error"], "reset");
  const RecordedExchange back = round_trip(stream);
  ASSERT_TRUE(back.streamed);
  ASSERT_EQ(back.events.size(), 2u);
  EXPECT_EQ(back.events[1].data, "two\nlines");
  EXPECT_EQ(back.events[1].id, "7");
  EXPECT_EQ(back.transfer_error, detail::TransferError::reset);
}

TEST(CassetteFormat, EveryTransferErrorHasAStableName) {
  using detail::TransferError;
  for (TransferError error : {TransferError::none, TransferError::resolve, TransferError::connect,
                              TransferError::connect_timeout, TransferError::tls, TransferError::timeout,
                              TransferError::stalled, TransferError::reset, TransferError::cancelled,
                              TransferError::too_many_redirects, TransferError::other}) {
    EXPECT_EQ(detail::transfer_error_from(detail::transfer_error_name(error)), error);
  }
  EXPECT_THROW(detail::transfer_error_from("meteor"), std::invalid_argument);
}

TEST(CassetteFormat, AMalformedLineIsNamed) {
  const std::string path = write_cassette({R"({"method": "GET", "path": "/a", "status": 200})", "", "{not json"});
  try {
    detail::read_cassette(path);
    FAIL() << "no error";
  } catch (const CassetteError& e) {
    EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(detail::read_cassette(path + ".missing"), CassetteError);
  const std::string no_method = write_cassette({R"({"path": "/a"})"});
  EXPECT_THROW(detail::read_cassette(no_method), CassetteError);
}

TEST(Redactor, RemovesEverySecretWhereverItStands) {
  const Redactor redactor({"test-key", "", "test-key-long"});
  EXPECT_EQ(redactor.text("Bearer test-key, xtest-keyx, test-key-long"),
            "Bearer [REDACTED], x[REDACTED]x, [REDACTED]");
  EXPECT_TRUE(redactor.leaks("a test-key"));
  EXPECT_FALSE(redactor.leaks("a test key"));
  EXPECT_EQ(Redactor().text("test-key"), "test-key");
}

TEST(Redactor, FindsASecretTheJsonTextEscaped) {
  const Redactor redactor({"sk/live\"9"});
  const std::string body = R"({"echo": "sk\/live\"9", "sk\/live\"9": [1]})";
  const std::string clean = redactor.body(body);
  EXPECT_EQ(json::parse(clean), json::parse(R"({"echo": "[REDACTED]", "[REDACTED]": [1]})"));
  EXPECT_EQ(json::parse(clean).dump().find("live"), std::string::npos);
}

TEST(Redactor, KnowsTheCredentialHeaders) {
  for (const char* name : {"Authorization", "proxy-authorization", "Cookie", "SET-COOKIE"})
    EXPECT_TRUE(Redactor::is_credential_header(name)) << name;
  EXPECT_FALSE(Redactor::is_credential_header("Content-Type"));
}

}  // namespace
}  // namespace paradigm::testing
