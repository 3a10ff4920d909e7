#include "core/text.hpp"

namespace paradigm::detail {

namespace {
char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_continuation(unsigned char c) noexcept {
  return (c & 0xC0) == 0x80;
}
// Characters API keys and words are made of: a match touching one is part
// of a longer token.
bool is_token_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// A long secret cannot be an ordinary word: it is removed wherever it stands
// (also glued to other text, e.g. inside an encoded query).
constexpr std::size_t kAnywhereLength = 16;

}  // namespace

bool mentions(std::string_view text, std::string_view word) noexcept {
  return text.find(word) != std::string_view::npos;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

std::size_t utf8_length(std::string_view text) noexcept {
  std::size_t count = 0;
  for (char c : text) {
    if (!is_continuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

std::string redact(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  const bool anywhere = secret.size() >= kAnywhereLength;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos)) {
    const std::size_t end = pos + secret.size();
    const bool whole =
        (pos == 0 || !is_token_char(text[pos - 1])) && (end == text.size() || !is_token_char(text[end]));
    if (!anywhere && !whole) {
      ++pos;
      continue;
    }
    text.replace(pos, secret.size(), "[REDACTED]");
    pos += 10;
  }
  return text;
}

std::string truncate_for_message(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && is_continuation(static_cast<unsigned char>(text[cut])))
    --cut;
  std::string result(text.substr(0, cut));
  result += "...";
  return result;
}

std::string seconds_text(std::chrono::milliseconds duration) {
  const long long tenths = (duration.count() + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

}  // namespace paradigm::detail
