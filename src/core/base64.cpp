#include "core/base64.hpp"

#include <paradigm/errors.hpp>

#include <array>
#include <cstdint>

namespace paradigm::detail {

namespace {

constexpr std::uint8_t kInvalid = 0xFF;
constexpr std::uint8_t kSkip = 0xFE;  // whitespace

// Both alphabets share one table: '+' and '-' are 62, '/' and '_' are 63.
constexpr std::array<std::uint8_t, 256> make_decode_table() {
  std::array<std::uint8_t, 256> table{};
  for (auto& entry : table)
    entry = kInvalid;
  for (int i = 0; i < 26; ++i) {
    table[static_cast<std::size_t>('A' + i)] = static_cast<std::uint8_t>(i);
    table[static_cast<std::size_t>('a' + i)] = static_cast<std::uint8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i)
    table[static_cast<std::size_t>('0' + i)] = static_cast<std::uint8_t>(52 + i);
  table['+'] = table['-'] = 62;
  table['/'] = table['_'] = 63;
  table[' '] = table['\t'] = table['\r'] = table['\n'] = table['\f'] = table['\v'] = kSkip;
  return table;
}

constexpr auto kDecode = make_decode_table();
constexpr char kEncode[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

[[noreturn]] void fail(const std::string& why) {
  throw DecodeError("invalid base64: " + why);
}

// Only whitespace and at most two '=' may follow the first '='.
void check_padding(std::string_view rest, std::size_t sextets) {
  std::size_t pads = 0;
  for (const char c : rest) {
    if (c == '=') {
      ++pads;
    } else if (kDecode[static_cast<unsigned char>(c)] != kSkip) {
      fail("data after the '=' padding");
    }
  }
  if (pads > 2 || (sextets + pads) % 4 != 0) fail("wrong amount of '=' padding");
}

}  // namespace

std::string base64_decode(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size() / 4 * 3 + 3);
  std::uint32_t buffer = 0;
  std::size_t sextets = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '=') {
      check_padding(text.substr(i), sextets);
      break;
    }
    const std::uint8_t value = kDecode[c];
    if (value == kSkip) continue;
    if (value == kInvalid) fail("unexpected character at offset " + std::to_string(i));
    buffer = (buffer << 6) | value;
    if (++sextets % 4 == 0) {
      bytes.push_back(static_cast<char>((buffer >> 16) & 0xFF));
      bytes.push_back(static_cast<char>((buffer >> 8) & 0xFF));
      bytes.push_back(static_cast<char>(buffer & 0xFF));
      buffer = 0;
    }
  }
  switch (sextets % 4) {
    case 1:
      fail("truncated input");
    case 2:
      bytes.push_back(static_cast<char>((buffer >> 4) & 0xFF));
      break;
    case 3:
      bytes.push_back(static_cast<char>((buffer >> 10) & 0xFF));
      bytes.push_back(static_cast<char>((buffer >> 2) & 0xFF));
      break;
    default:
      break;
  }
  return bytes;
}

std::string base64_encode(std::string_view bytes) {
  std::string text;
  text.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16) |
                                (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                                static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6)
      text.push_back(kEncode[(group >> shift) & 0x3F]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 0) return text;
  std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
  if (rest == 2) group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
  text.push_back(kEncode[(group >> 18) & 0x3F]);
  text.push_back(kEncode[(group >> 12) & 0x3F]);
  text.push_back(rest == 2 ? kEncode[(group >> 6) & 0x3F] : '=');
  text.push_back('=');
  return text;
}

}  // namespace paradigm::detail
