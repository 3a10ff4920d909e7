// HTTP errors and bad answers become typed errors carrying what the server said.
#include "support/mock_fixture.hpp"

namespace paradigm::testing {
namespace {

class Errors : public MockTest {
 protected:
  void answer_next(const std::string& method, const std::string& path_regex, int status, std::string body,
                   std::string content_type = "application/json", mock::HeaderList headers = {}) {
    mock::Fault fault;
    fault.method = method;
    fault.path_regex = path_regex;
    fault.status = status;
    fault.body = std::move(body);
    fault.content_type = std::move(content_type);
    fault.headers = std::move(headers);
    server.add_fault(fault);
  }
};

TEST_F(Errors, WrongKeyIsAnAuthenticationError) {
  auto with = options();
  with.api_key = "wrong-key";
  try {
    client(with).list_threads();
    FAIL();
  } catch (const AuthenticationError& e) {
    EXPECT_EQ(e.status(), 401);
    EXPECT_FALSE(e.detail().empty());
  }
}

TEST_F(Errors, MissingKeyIsRefusedBeforeAnyRequest) {
  auto with = options();
  with.api_key = "";
  EXPECT_THROW(client(with), InvalidRequestError);
  with.api_key = "  ";
  EXPECT_THROW(client(with), InvalidRequestError);
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(Errors, UnknownThreadIsNotFound) {
  EXPECT_THROW(client().get_thread("3f1c9a56-0000-4000-8000-000000000000"), NotFoundError);
}

TEST_F(Errors, ValidationErrorsKeepTheFieldMessages) {
  answer_next("POST", "/api/v3/threads/[^/]+/turns", 400, R"({"query": ["This field may not be blank."]})",
              "application/json", {{"X-Request-Id", "req-42"}});
  try {
    client().create_thread_with_turn(ask("hi"));
    FAIL();
  } catch (const BadRequestError& e) {
    EXPECT_EQ(e.field_errors().at("query").front(), "This field may not be blank.");
    EXPECT_EQ(e.request_id(), "req-42");
    EXPECT_NE(std::string(e.what()).find("req-42"), std::string::npos);
  }
}

TEST_F(Errors, EachStatusFamilyHasItsClass) {
  auto paradigm = client();
  answer_next("GET", "/api/v3/threads", 403, R"({"detail": "You do not have permission."})");
  EXPECT_THROW(paradigm.list_threads(), PermissionDeniedError);
  answer_next("GET", "/api/v3/threads", 409, R"({"detail": "Conflict."})");
  EXPECT_THROW(paradigm.list_threads(), ConflictError);
  answer_next("GET", "/api/v3/threads", 422, R"({"detail": "Unprocessable."})");
  EXPECT_THROW(paradigm.list_threads(), UnprocessableEntityError);
  answer_next("GET", "/api/v3/threads", 418, "I'm a teapot", "text/plain");
  try {
    paradigm.list_threads();
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 418);
    EXPECT_EQ(e.detail(), "I'm a teapot");
  }
}

TEST_F(Errors, AnHtmlErrorPageStaysReadable) {
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->max_retries = 0;
  answer_next("GET", "/api/v3/threads", 502,
              "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html");
  try {
    client().list_threads({}, call);
    FAIL();
  } catch (const ServerError& e) {
    EXPECT_EQ(e.detail(), "502 Bad Gateway");
    EXPECT_NE(e.body().find("nginx"), std::string::npos);
  }
}

TEST_F(Errors, MalformedSuccessfulAnswersAreDecodeErrors) {
  auto paradigm = client();
  answer_next("GET", "/api/v3/threads", 200, R"({"results": [{"id": "x", "na)");
  EXPECT_THROW(paradigm.list_threads(), DecodeError);
  answer_next("GET", "/api/v3/threads", 200, "<html>oops</html>", "text/html");
  EXPECT_THROW(paradigm.list_threads(), DecodeError);
  answer_next("GET", "/api/v3/threads", 200, "");
  EXPECT_THROW(paradigm.list_threads(), DecodeError);
  answer_next("GET", "/api/v3/threads", 200, R"({"results": "not a list"})");
  try {
    paradigm.list_threads();
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.path(), "results");
    EXPECT_NE(std::string(e.what()).find("GET " + server.base_url() + "/api/v3/threads"), std::string::npos);
  }
}

TEST_F(Errors, TruncatedJsonIsADecodeError) {
  const Turn turn = client().create_thread_with_turn(ask("What is the capital of France?"));
  mock::Fault fault;
  fault.method = "GET";
  fault.path_regex = "/api/v3/threads/[^/]+/turns/[^/]+";
  fault.truncate_body_to = 40;
  server.add_fault(fault);
  try {
    client().get_turn(turn.thread, turn.id);
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.raw().size(), 40u);
  }
}

TEST_F(Errors, AnswersOverTheSizeLimitAreRefused) {
  mock::Fault fault;
  fault.method = "GET";
  fault.path_regex = "/api/v3/threads";
  fault.pad_body_bytes = 2 << 20;
  server.add_fault(fault);
  auto with = options();
  with.max_response_bytes = 1 << 20;
  try {
    client(with).list_threads();
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("max_response_bytes"), std::string::npos);
  }
  // Under the limit, the padding is just an unknown member.
  server.add_fault(fault);
  EXPECT_NO_THROW(client().list_threads());
}

TEST_F(Errors, IdsCannotReachAnotherRoute) {
  auto paradigm = client();
  const std::vector<std::string> ids{
      "../turns", "..", "a/b", "x?limit=1", "x#y", "a b", std::string("a\0b", 3)};
  for (const auto& id : ids) {
    EXPECT_THROW(paradigm.get_thread(id), NotFoundError) << id;
  }
  for (const auto& request : server.requests()) {
    EXPECT_EQ(request.path.rfind("/api/v3/threads/", 0), 0u) << request.path;
    EXPECT_TRUE(request.query.empty()) << request.path;
  }
}

TEST_F(Errors, IdsFromTheServerCannotReachAnotherRouteEither) {
  // A 202 naming a turn and a thread whose ids would change the route if
  // pasted into the polling URL as they are.
  mock::Fault accepted;
  accepted.method = "POST";
  accepted.path_regex = "/api/v3/threads/[^/]+/turns";
  accepted.status = 202;
  accepted.body = R"({"turn_id": "../../agents", "thread": "t?limit=1#x", "status": "running"})";
  server.add_fault(accepted);
  EXPECT_THROW(client().create_thread_with_turn(ask("Hi")), NotFoundError);
  bool polled = false;
  for (const auto& request : server.requests()) {
    if (request.method != "GET") continue;
    // The whole thread id is one decoded segment: its '?' started no query.
    EXPECT_EQ(request.path.rfind("/api/v3/threads/t?limit=1#x/turns", 0), 0u) << request.path;
    polled |= request.path == "/api/v3/threads/t?limit=1#x/turns/../../agents";
  }
  EXPECT_TRUE(polled) << "the turn's own route, with both ids as single segments";
}

}  // namespace
}  // namespace paradigm::testing
