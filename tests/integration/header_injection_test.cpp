// Text a user gives that reaches a header or the request line cannot start a
// header of its own (or cut one short): every option and extra header is
// checked like a header value, and refused with InvalidRequestError before
// anything is sent. A server on loopback records what arrives.

#include "hostile_server.hpp"
#include "support/mock_fixture.hpp"

#include <string>

namespace paradigm::testing {
namespace {

using namespace std::string_literals;

class HeaderInjection : public ::testing::Test {
 protected:
  HeaderInjection() : server([this](const hostile::Request&) -> const hostile::Answer& { return answer; }) {
    answer.head = hostile::head_of(200, {"Content-Type: application/json"});
    answer.body = R"({"id": "t1", "name": "n", "object": "thread"})";
  }

  ClientOptions options() const {
    ClientOptions options;
    options.base_url = server.base_url();
    options.api_key = kApiKey;
    return options;
  }

  // The call with these options is refused before a byte is sent.
  void expect_refused(const ClientOptions& with, const CallOptions& call = {}) {
    try {
      test_client(with, std::make_shared<FakeClock>()).get_thread("t1", call);
      ADD_FAILURE() << "sent";
    } catch (const InvalidRequestError& e) {
      // The message shows what was refused without its line breaks.
      EXPECT_EQ(std::string(e.what()).find_first_of("\r\n"), std::string::npos) << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not refused: " << e.what();
    }
    EXPECT_EQ(server.requests(), 0u);
    for (const auto& head : server.heads())
      EXPECT_EQ(head.find("X-Injected"), std::string::npos) << head;
  }

  hostile::Answer answer;
  hostile::Server server;
};

TEST_F(HeaderInjection, AUserAgentSuffixCannotAddAHeader) {
  for (const std::string& suffix : {"x\r\nX-Injected: 1"s, "x\nX-Injected: 1"s, "x\rX-Injected: 1"s,
                                    "x\0X-Injected: 1"s, "x\x01"s, "x\x7f"s}) {
    auto with = options();
    with.user_agent_suffix = suffix;
    expect_refused(with);
  }
}

TEST_F(HeaderInjection, AProxyCannotAddAHeader) {
  for (const std::string& proxy :
       {"http://127.0.0.1:1\r\nX-Injected: 1"s, "http://127.0.0.1:1 X-Injected"s, "http://127.0.0.1:1\0x"s}) {
    auto with = options();
    with.proxy = proxy;
    expect_refused(with);
  }
}

TEST_F(HeaderInjection, ABaseUrlCannotAddAHeader) {
  for (const std::string& tail : {"\r\nX-Injected: 1"s, " HTTP/1.1\r\nX-Injected: 1"s, "/\0X-Injected"s}) {
    auto with = options();
    with.base_url = server.base_url() + tail;
    expect_refused(with);
  }
}

TEST_F(HeaderInjection, AnApiKeyCannotAddAHeaderOrBeCutShort) {
  for (const std::string& key : {"key\r\nX-Injected: 1"s, "key\0X-Injected"s, "key\x1b"s}) {
    auto with = options();
    with.api_key = key;
    expect_refused(with);
  }
}

TEST_F(HeaderInjection, ACaPathCannotBeCutShort) {
  auto with = options();
  with.ca_bundle = "/etc/ssl/certs/ca.pem\0.evil"s;
  expect_refused(with);
}

TEST_F(HeaderInjection, AnExtraHeaderCannotAddAHeaderOrBeCutShort) {
  const std::vector<std::pair<std::string, std::string>> refused = {{"X-Ok", "v\r\nX-Injected: 1"},
                                                                    {"X-Ok", "v\0X-Injected"s},
                                                                    {"X-Ok", "v\x01"s},
                                                                    {"X-Injected: 1\r\nX-Ok", "v"},
                                                                    {"X Bad", "v"},
                                                                    {"", "v"},
                                                                    {"X-Ok\0"s, "v"s},
                                                                    {"Transfer-Encoding", "chunked"}};
  for (const auto& [name, value] : refused) {
    CallOptions call;
    call.extra_headers.add(name, value);
    expect_refused(options(), call);
  }
}

// What is allowed still arrives as given: the suffix in User-Agent, a tab in a value.
TEST_F(HeaderInjection, OrdinaryValuesArriveAsGiven) {
  auto with = options();
  with.user_agent_suffix = "my-app/1.2 (+https://example.org)";
  CallOptions call;
  call.extra_headers.add("X-Trace", "a\tb");
  test_client(with, std::make_shared<FakeClock>()).get_thread("t1", call);
  ASSERT_EQ(server.heads().size(), 1u);
  const std::string head = server.heads().front() + "\r\n";
  EXPECT_NE(head.find(" my-app/1.2 (+https://example.org)\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("X-Trace: a\tb\r\n"), std::string::npos) << head;
}

}  // namespace
}  // namespace paradigm::testing
