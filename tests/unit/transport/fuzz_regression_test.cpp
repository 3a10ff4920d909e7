// Inputs scripts/fuzz.sh found, kept so the fixes stay fixed.

#include "workflow/error_mapping.hpp"
#include "workflow/routes.hpp"

#include <paradigm/errors.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace paradigm::detail {
namespace {

constexpr std::string_view kSecret = "sk-fuzz-secret-key";

// fuzz_error_body: the key echoed in a body's `code` or field errors reached
// ApiError::code() and field_errors() unredacted.
TEST(FuzzRegression, KeyEchoedInCodeOrFieldErrorsIsRedacted) {
  const std::string body =
      R"({"detail":"x","code":"sk-fuzz-secret-key","sk-fuzz-secret-key":["bad sk-fuzz-secret-key"]})";
  try {
    std::rethrow_exception(api_error(
        {400, Headers{{"content-type", "application/json"}}, body, "GET", "/api/v3/threads", {}}, kSecret));
    FAIL() << "no exception";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), "[REDACTED]");
    ASSERT_EQ(error.field_errors().count("[REDACTED]"), 1U);
    EXPECT_EQ(error.field_errors().at("[REDACTED]"), std::vector<std::string>{"bad [REDACTED]"});
    EXPECT_EQ(error.body().find(kSecret), std::string::npos);
  }
}

// fuzz_routes: a base URL with control characters was accepted.
TEST(FuzzRegression, BaseUrlWithControlCharactersIsRefused) {
  EXPECT_THROW(normalize_base_url(std::string("http://126.0.0.1:8080/p\x1d\0\0\0x", 28)),
               InvalidRequestError);
  EXPECT_THROW(normalize_base_url("http://host/a\tb"), InvalidRequestError);
  EXPECT_THROW(normalize_base_url("http://host\r\nX-Injected: 1"), InvalidRequestError);
  EXPECT_THROW(normalize_base_url("http://host/\x7f"), InvalidRequestError);
}

// fuzz_routes: "http://api/v3" lost its host to the "/api/v3" suffix rule.
TEST(FuzzRegression, ApiSuffixIsOnlyStrippedFromThePath) {
  EXPECT_EQ(normalize_base_url("http://api/v3"), "http://api/v3");
  EXPECT_EQ(normalize_base_url("http://api/v3/api/v3"), "http://api/v3");
  EXPECT_EQ(normalize_base_url("http://api/v3/api/v3/api/v3"), "http://api/v3");
  EXPECT_EQ(normalize_base_url("https://h//"), "https://h");
}

// fuzz_routes: a doubled suffix was stripped once, so normalising the result
// again changed it.
TEST(FuzzRegression, NormalisingTwiceChangesNothing) {
  const std::string once = normalize_base_url("https://xa/q//+pai/+pai/api/v3/api/v3/");
  EXPECT_EQ(once, "https://xa/q//+pai/+pai");
  EXPECT_EQ(normalize_base_url(once), once);
}

}  // namespace
}  // namespace paradigm::detail
