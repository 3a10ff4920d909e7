// Retry-After and dates. Byte 0 picks what to parse, the rest is the text.
// Invariants: parsing never throws (except Timestamp::parse, which may only
// throw DecodeError), a delay is never negative, and a parsed timestamp
// prints back to text that parses to the same instant.

#include "fuzz_check.hpp"

#include "retry/retry_after.hpp"

#include <paradigm/errors.hpp>
#include <paradigm/headers.hpp>
#include <paradigm/timestamp.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

// A fixed "now" so a finding reproduces: 2026-01-01T00:00:00Z.
const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1767225600));

void check_header(const char* name, const std::string& value) {
  const paradigm::Headers headers{{name, value}};
  const auto delay = paradigm::detail::retry_after(headers, kNow);
  FUZZ_CHECK(!delay || delay->count() >= 0);
}

void check_timestamp(const std::string& text) {
  try {
    const auto parsed = paradigm::Timestamp::parse(text);
    FUZZ_CHECK(parsed.to_string() == text);
    // Our own text form is UTC with microseconds: it must read back as the
    // same instant at that precision.
    const auto micros = std::chrono::floor<std::chrono::microseconds>(parsed.time_point());
    const auto printed = paradigm::Timestamp(parsed.time_point()).to_string();
    FUZZ_CHECK(paradigm::Timestamp::parse(printed).time_point() == micros);
  } catch (const paradigm::DecodeError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 4) {
    case 0:
      check_header("Retry-After", text);
      break;
    case 1:
      check_header("retry-after-ms", text);
      break;
    case 2:
      (void)paradigm::detail::parse_http_date(text);
      break;
    default:
      check_timestamp(text);
      break;
  }
  return 0;
}
