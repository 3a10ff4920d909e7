// URL and id building. Byte 0 picks what to build, the rest is the caller's
// text. Invariants: an encoded id or query component holds only unreserved
// characters and %XX escapes (so no '/', '?', '#', space or NUL), is never
// "." or "..", and decodes back to the input; a base URL is either refused
// with InvalidRequestError or normalised to scheme://host... with no
// whitespace, control character, query, fragment or trailing '/', which
// normalises to itself with or without "/api/v3" appended.

#include "fuzz_check.hpp"

#include "workflow/routes.hpp"

#include <paradigm/errors.hpp>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Decodes `encoded`, checking that it holds nothing but unreserved
// characters and well-formed %XX escapes.
std::string strict_decode(std::string_view encoded) {
  std::string decoded;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      FUZZ_CHECK(is_unreserved(encoded[i]));
      decoded += encoded[i];
      continue;
    }
    FUZZ_CHECK(i + 2 < encoded.size());
    const int high = hex_value(encoded[i + 1]);
    const int low = hex_value(encoded[i + 2]);
    FUZZ_CHECK(high >= 0 && low >= 0);
    decoded += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return decoded;
}

void check_segment(const std::string& id) {
  std::string encoded;
  try {
    encoded = paradigm::detail::encode_segment(id, "thread_id");
  } catch (const paradigm::InvalidRequestError&) {
    FUZZ_CHECK(id.empty());
    return;
  }
  FUZZ_CHECK(encoded != "." && encoded != "..");
  FUZZ_CHECK(strict_decode(encoded) == id);
}

void check_query(const std::string& text) {
  const std::string key = text.substr(0, text.size() / 2);
  const std::string value = text.substr(text.size() / 2);
  const std::string query = paradigm::detail::query_string({{key, value}});
  FUZZ_CHECK(query.rfind('?', 0) == 0);
  const std::size_t equals = query.find('=');
  FUZZ_CHECK(equals != std::string::npos);
  FUZZ_CHECK(strict_decode(query.substr(1, equals - 1)) == key);
  FUZZ_CHECK(strict_decode(query.substr(equals + 1)) == value);
}

void check_base_url(const std::string& text) {
  std::string url;
  try {
    url = paradigm::detail::normalize_base_url(text);
  } catch (const paradigm::InvalidRequestError&) {
    return;
  }
  const std::size_t host_start = url.rfind("https://", 0) == 0 ? 8 : 7;
  FUZZ_CHECK(url.rfind("http://", 0) == 0 || host_start == 8);
  FUZZ_CHECK(url.size() > host_start && url[host_start] != '/');
  for (const char c : url) {
    FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != 0x7f && c != '?' && c != '#');
  }
  FUZZ_CHECK(url.back() != '/');
  // Both spellings of the same instance give the same root.
  FUZZ_CHECK(paradigm::detail::normalize_base_url(url) == url);
  FUZZ_CHECK(paradigm::detail::normalize_base_url(url + "/api/v3/") == url);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 3) {
    case 0:
      check_segment(text);
      break;
    case 1:
      check_query(text);
      break;
    default:
      check_base_url(text);
      break;
  }
  return 0;
}
