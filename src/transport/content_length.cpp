#include "transport/content_length.hpp"

#include "core/text.hpp"

#include <charconv>
#include <system_error>

namespace paradigm::detail {

std::optional<std::uint64_t> content_length(const Headers& headers) {
  const std::optional<std::string> length = headers.get("content-length");
  if (!length) return std::nullopt;
  const std::string_view text = trim(*length);
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> decoded_length(const Headers& headers) {
  const std::optional<std::string> encoding = headers.get("content-encoding");
  if (encoding && !trim(*encoding).empty() && !iequals(trim(*encoding), "identity")) return std::nullopt;
  return content_length(headers);
}

}  // namespace paradigm::detail
