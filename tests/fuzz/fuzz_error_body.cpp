// Error bodies: whatever a server answers with an error status becomes the
// right ApiError subclass, never anything else, and the API key never shows
// in what it exposes. Byte 0 picks the status, byte 1 the content type, the
// rest is the body (the seed corpus carries the key so the fuzzer mixes it in).

#include "fuzz_check.hpp"

#include "workflow/error_mapping.hpp"

#include <paradigm/errors.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kSecret = "sk-fuzz-secret-key";
constexpr int kStatuses[] = {400, 401, 403, 404, 408, 409, 418, 422, 429, 500, 502, 503, 504, 599};
constexpr std::string_view kContentTypes[] = {"application/json", "text/html; charset=utf-8", "",
                                              "application/problem+json", "text/plain"};

bool contains_secret(std::string_view text) {
  return text.find(kSecret) != std::string_view::npos;
}

void check_no_secret(const paradigm::ApiError& error) {
  FUZZ_CHECK(!contains_secret(error.what()));
  FUZZ_CHECK(!contains_secret(error.detail()));
  FUZZ_CHECK(!contains_secret(error.code()));
  FUZZ_CHECK(!contains_secret(error.body()));
  for (const auto& [field, messages] : error.field_errors()) {
    FUZZ_CHECK(!contains_secret(field));
    for (const auto& message : messages)
      FUZZ_CHECK(!contains_secret(message));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) {
    return 0;
  }
  const int status = kStatuses[data[0] % std::size(kStatuses)];
  const std::string_view content_type = kContentTypes[data[1] % std::size(kContentTypes)];
  const std::string body(reinterpret_cast<const char*>(data + 2), size - 2);

  (void)paradigm::detail::parse_error_body(body, content_type);  // noexcept: a throw aborts

  paradigm::Headers headers{{"Content-Type", std::string(content_type)}, {"x-request-id", "req-1"}};
  try {
    std::rethrow_exception(paradigm::detail::api_error(
        {status, headers, body, "GET", "/api/v3/threads/t", std::chrono::seconds(1)}, kSecret));
  } catch (const paradigm::ApiError& error) {
    FUZZ_CHECK(error.status() == status);
    FUZZ_CHECK((status == 429) == (dynamic_cast<const paradigm::RateLimitError*>(&error) != nullptr));
    FUZZ_CHECK((status >= 500) == (dynamic_cast<const paradigm::ServerError*>(&error) != nullptr));
    check_no_secret(error);
  }
  return 0;
}
