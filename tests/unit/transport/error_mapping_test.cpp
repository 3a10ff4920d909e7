#include "workflow/error_mapping.hpp"
#include "workflow/download_sinks.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace paradigm::detail {
namespace {

void expect_throws_with(const std::function<void()>& action,
                        const std::function<void(const ApiError&)>& check) {
  try {
    action();
    FAIL() << "nothing thrown";
  } catch (const ApiError& e) {
    check(e);
  }
}

TEST(ErrorBody, DrfDetail) {
  const auto body = parse_error_body(R"({"detail": "Invalid token."})", "application/json");
  EXPECT_EQ(body.detail, "Invalid token.");
  EXPECT_TRUE(body.field_errors.empty());
}

TEST(ErrorBody, DrfFieldErrorsBecomeTheDetail) {
  const auto body = parse_error_body(R"({"max_steps": ["Ensure this value is less than or equal to 20."],
                                         "query": ["This field may not be null."]})",
                                     "application/json");
  ASSERT_EQ(body.field_errors.size(), 2u);
  EXPECT_EQ(body.field_errors.at("max_steps").front(), "Ensure this value is less than or equal to 20.");
  EXPECT_NE(body.detail.find("max_steps: Ensure"), std::string::npos);
}

TEST(ErrorBody, LightOnEnvelope) {
  const auto body = parse_error_body(
      R"({"id": null, "code": 422, "error": "validation_error", "detail": "Invalid body",
          "fields": {"name": [{"error": "required", "detail": "Field required"}]}})",
      "application/json");
  EXPECT_EQ(body.detail, "Invalid body");
  EXPECT_EQ(body.code, "validation_error");
  EXPECT_EQ(body.field_errors.at("name").front(), "Field required");
}

TEST(ErrorBody, HtmlPagesAndPlainTextStayReadable) {
  EXPECT_EQ(parse_error_body("<html><head><title>502 Bad Gateway</title></head></html>", "text/html").detail,
            "502 Bad Gateway");
  EXPECT_EQ(parse_error_body("<h1>Not Found</h1><p>The requested resource</p>", "text/html").detail,
            "Not Found");
  EXPECT_EQ(parse_error_body("upstream connect error", "text/plain").detail, "upstream connect error");
  EXPECT_EQ(parse_error_body("", "").detail, "");
  EXPECT_EQ(parse_error_body(R"(["a", "b"])", "application/json").detail, R"(["a","b"])");
  EXPECT_EQ(parse_error_body("{truncated", "application/json").detail, "{truncated");
  EXPECT_LE(parse_error_body(std::string(100000, 'x'), "text/plain").detail.size(), 600u);
}

TEST(ApiErrors, EachStatusHasItsClass) {
  auto raise = [](int status) {
    return [status] {
      std::rethrow_exception(api_error({status, {}, R"({"detail": "d"})", "GET", "/api/v3/x", {}}, ""));
    };
  };
  EXPECT_THROW(raise(400)(), BadRequestError);
  EXPECT_THROW(raise(401)(), AuthenticationError);
  EXPECT_THROW(raise(403)(), PermissionDeniedError);
  EXPECT_THROW(raise(404)(), NotFoundError);
  EXPECT_THROW(raise(409)(), ConflictError);
  EXPECT_THROW(raise(422)(), UnprocessableEntityError);
  EXPECT_THROW(raise(429)(), RateLimitError);
  EXPECT_THROW(raise(500)(), ServerError);
  EXPECT_THROW(raise(503)(), ServerError);
  expect_throws_with(raise(405), [](const ApiError& e) {
    EXPECT_EQ(typeid(e), typeid(ApiError));
    EXPECT_EQ(e.status(), 405);
  });
}

TEST(ApiErrors, CarryWhatTheServerSaid) {
  expect_throws_with(
      [] {
        std::rethrow_exception(api_error({429,
                                          {{"X-Request-Id", "req-123"}, {"Retry-After", "90"}},
                                          R"({"detail": "Slow down"})",
                                          "POST",
                                          "/api/v3/threads/turns",
                                          std::chrono::milliseconds(90000)},
                                         ""));
      },
      [](const ApiError& e) {
        EXPECT_EQ(e.detail(), "Slow down");
        EXPECT_EQ(e.request_id(), "req-123");
        EXPECT_EQ(e.body(), R"({"detail": "Slow down"})");
        EXPECT_EQ(e.headers().get("retry-after"), "90");
        const std::string message = e.what();
        EXPECT_NE(message.find("POST /api/v3/threads/turns"), std::string::npos);
        EXPECT_NE(message.find("429"), std::string::npos);
        EXPECT_NE(message.find("req-123"), std::string::npos);
        const auto& limited = dynamic_cast<const RateLimitError&>(e);
        EXPECT_EQ(limited.retry_after(), std::chrono::milliseconds(90000));
      });
}

TEST(ApiErrors, NeverRepeatTheApiKey) {
  expect_throws_with(
      [] {
        std::rethrow_exception(
            api_error({401,
                       {{"X-Request-Id", "sk-secret-123"}, {"WWW-Authenticate", "Bearer sk-secret-123"}},
                       R"({"detail": "Invalid token sk-secret-123"})",
                       "GET",
                       "/api/v3/threads",
                       {}},
                      "sk-secret-123"));
      },
      [](const ApiError& e) {
        EXPECT_EQ(std::string(e.what()).find("sk-secret-123"), std::string::npos);
        EXPECT_EQ(e.detail().find("sk-secret-123"), std::string::npos);
        EXPECT_EQ(e.body().find("sk-secret-123"), std::string::npos);
        EXPECT_EQ(e.request_id().find("sk-secret-123"), std::string::npos);
        ASSERT_EQ(e.headers().fields().size(), 2u);
        for (const auto& [name, value] : e.headers()) {
          EXPECT_EQ(value.find("sk-secret-123"), std::string::npos) << name;
        }
        EXPECT_EQ(e.headers().get("www-authenticate"), "Bearer [REDACTED]");
      });
}

TEST(TransferErrors, MapToConnectionTimeoutAndCancelled) {
  const auto raise = [](TransferError error) {
    std::rethrow_exception(transfer_error(error, "", "GET", "/p"));
  };
  EXPECT_THROW(raise(TransferError::connect), ConnectionError);
  EXPECT_THROW(raise(TransferError::stalled), TimeoutError);
  EXPECT_THROW(raise(TransferError::timeout), TimeoutError);
  EXPECT_THROW(raise(TransferError::cancelled), CancelledError);
}

TEST(ContentDisposition, FileName) {
  EXPECT_EQ(filename_from_disposition(R"(attachment; filename="sine.png")"), "sine.png");
  EXPECT_EQ(filename_from_disposition("attachment; filename=plain.csv"), "plain.csv");
  EXPECT_EQ(filename_from_disposition(R"(attachment; filename="a.txt"; filename*=UTF-8''%C3%A9t%C3%A9.txt)"),
            "\xC3\xA9t\xC3\xA9.txt");
  EXPECT_EQ(filename_from_disposition(R"(attachment; filename="../../etc/passwd")"), "passwd");
  EXPECT_EQ(filename_from_disposition("inline"), std::nullopt);
  EXPECT_EQ(filename_from_disposition(R"(attachment; filename="..")"), std::nullopt);
}

}  // namespace
}  // namespace paradigm::detail
