// What an error says: the request the user made (method and full URL: host,
// base path and route, never the key nor a query value), and the server's
// reason. A wrong host or prefix is the commonest first mistake.
#include "workflow_test_util.hpp"

#include <gmock/gmock.h>

namespace paradigm::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ClientOptions options_with_base(const std::string& base_url) {
  ClientOptions options = ScriptedClient::default_options();
  options.base_url = base_url;
  options.api_key = "sk-never-shown";
  return options;
}

template <class Error, class Call>
std::string message_of(Call&& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error thrown";
  return {};
}

class ErrorMessages : public WorkflowTest {};

TEST_F(ErrorMessages, AnUnknownTurnIsNamedWithItsThread) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u9", json_answer(404, R"({"detail": "Not found."})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100", json_answer(page({turn_json("u1", "completed")})));
  std::string details_detail;
  const std::string message = message_of<NotFoundError>([&] {
    try {
      client().get_turn("t1", "u9");
    } catch (const NotFoundError& e) {
      details_detail = e.detail();
      throw;
    }
  });
  EXPECT_EQ(message,
            "GET https://paradigm.test/api/v3/threads/t1/turns: HTTP 404: turn u9 is not in thread t1");
  EXPECT_EQ(details_detail, "turn u9 is not in thread t1");
}

TEST_F(ErrorMessages, WaitingForAnUnknownTurnSaysWhichOne) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns/u9", json_answer(404, R"({"detail": "Not found."})"))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100", json_answer(page({turn_json("u1", "completed")})));
  const std::string message = message_of<NotFoundError>([&] { client().wait_for_turn("t1", "u9"); });
  EXPECT_THAT(message, HasSubstr("turn u9 is not in thread t1"));
  EXPECT_THAT(message, HasSubstr("GET https://paradigm.test/api/v3/threads/t1/turns"));
}

TEST_F(ErrorMessages, NoDefaultAgentSaysSo) {
  server().expect("GET", "/api/v3/agents?is_default=true", json_answer(page({})));
  const std::string message = message_of<NotFoundError>([&] { client().default_agent(); });
  EXPECT_THAT(message, HasSubstr("no default agent is visible to this API key"));
  EXPECT_THAT(message, HasSubstr("GET https://paradigm.test/api/v3/agents"));
}

class ErrorMessagesWithPrefix : public WorkflowTest {
 protected:
  ErrorMessagesWithPrefix() : WorkflowTest(options_with_base("https://paradigm.test/gateway/")) {}
};

TEST_F(ErrorMessagesWithPrefix, AnHttpErrorNamesTheFullUrlWithTheBasePath) {
  server().expect("GET", "/gateway/api/v3/threads/t1", json_answer(404, R"({"detail": "Not found."})"));
  const std::string message = message_of<NotFoundError>([&] { client().get_thread("t1"); });
  EXPECT_EQ(message, "GET https://paradigm.test/gateway/api/v3/threads/t1: HTTP 404: Not found.");
}

TEST_F(ErrorMessagesWithPrefix, TheDetailsKeepThePathAndGiveTheUrl) {
  server().expect("POST", "/gateway/api/v3/threads/turns", json_answer(400, R"({"detail": "Bad."})"));
  try {
    client().create_thread_with_turn(ask());
    ADD_FAILURE() << "no error";
  } catch (const BadRequestError& e) {
    EXPECT_EQ(e.details().method, "POST");
    EXPECT_EQ(e.details().path, "/api/v3/threads/turns");
    EXPECT_EQ(e.details().url, "https://paradigm.test/gateway/api/v3/threads/turns");
  }
}

TEST_F(ErrorMessagesWithPrefix, AConnectionFailureNamesTheFullUrl) {
  ClientOptions options = options_with_base("https://paradigm.test/gateway");
  options.retry.max_retries = 0;
  ScriptedClient no_retries(options);
  no_retries.transport->expect("GET", "/gateway/api/v3/threads", failure(TransferError::connect));
  const std::string message = message_of<ConnectionError>([&] { no_retries.client.list_threads(); });
  EXPECT_THAT(message, HasSubstr("GET https://paradigm.test/gateway/api/v3/threads: "));
}

TEST_F(ErrorMessagesWithPrefix, AnAnswerThatIsNotJsonNamesTheFullUrl) {
  // A wrong host that serves a web page with 200.
  ScriptedAnswer html;
  html.headers.add("Content-Type", "text/html");
  html.chunks.push_back("<html><title>Welcome</title></html>");
  server().expect("GET", "/gateway/api/v3/threads", html);
  const std::string message = message_of<DecodeError>([&] { client().list_threads(); });
  EXPECT_THAT(message, HasSubstr("GET https://paradigm.test/gateway/api/v3/threads: "));
}

TEST_F(ErrorMessagesWithPrefix, QueryValuesAndTheKeyAreNeverShown) {
  ThreadListOptions list;
  list.extra_query = {{"signature", "query-secret-value"}};
  server().expect("GET", "/gateway/api/v3/threads?signature=query-secret-value",
                  json_answer(500, R"({"detail": "Boom with sk-never-shown"})"));
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->max_retries = 0;
  const std::string message = message_of<ServerError>([&] { client().list_threads(list, call); });
  EXPECT_THAT(message, HasSubstr("GET https://paradigm.test/gateway/api/v3/threads: HTTP 500"));
  EXPECT_THAT(message, Not(HasSubstr("query-secret-value")));
  EXPECT_THAT(message, Not(HasSubstr("sk-never-shown")));
}

class ErrorMessagesWithUserinfo : public WorkflowTest {
 protected:
  ErrorMessagesWithUserinfo()
      : WorkflowTest(options_with_base("https://proxyuser:proxypass@paradigm.test")) {}
};

TEST_F(ErrorMessagesWithUserinfo, APasswordInTheBaseUrlIsNeverShown) {
  server().expect("GET", "https://proxyuser:proxypass@paradigm.test/api/v3/threads/t1",
                  json_answer(404, R"({"detail": "Not found."})"));
  const std::string message = message_of<NotFoundError>([&] { client().get_thread("t1"); });
  EXPECT_EQ(message, "GET https://paradigm.test/api/v3/threads/t1: HTTP 404: Not found.");
}

}  // namespace
}  // namespace paradigm::testing
