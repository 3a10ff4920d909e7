// W3C trace context: ids as hex, the traceparent header both ways.

#include <paradigm/tracing.hpp>

#include <algorithm>

namespace paradigm {

namespace {

constexpr char kHex[] = "0123456789abcdef";

template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& bytes) {
  std::string out;
  out.reserve(2 * N);
  for (const std::uint8_t byte : bytes) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // W3C allows lowercase only
}

// Reads 2 * N lowercase hex digits; false when one is not.
template <std::size_t N>
bool from_hex(std::string_view text, std::array<std::uint8_t, N>& out) {
  if (text.size() != 2 * N) return false;
  for (std::size_t i = 0; i < N; ++i) {
    const int high = hex_digit(text[2 * i]);
    const int low = hex_digit(text[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    out[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  return true;
}

template <std::size_t N>
bool all_zero(const std::array<std::uint8_t, N>& bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
}

}  // namespace

bool SpanContext::valid() const noexcept {
  return !all_zero(trace_id) && !all_zero(span_id);
}

std::string SpanContext::trace_id_hex() const {
  return to_hex(trace_id);
}

std::string SpanContext::span_id_hex() const {
  return to_hex(span_id);
}

std::string SpanContext::traceparent() const {
  return "00-" + trace_id_hex() + "-" + span_id_hex() + "-" + to_hex(std::array<std::uint8_t, 1>{flags});
}

std::optional<SpanContext> SpanContext::from_traceparent(std::string_view traceparent,
                                                         std::string_view trace_state) {
  // version(2) - trace id(32) - span id(16) - flags(2), later versions may append "-...".
  constexpr std::size_t kLength = 55;
  if (traceparent.size() < kLength || traceparent[2] != '-' || traceparent[35] != '-' ||
      traceparent[52] != '-') {
    return std::nullopt;
  }
  std::array<std::uint8_t, 1> version{};
  std::array<std::uint8_t, 1> flags{};
  SpanContext context;
  if (!from_hex(traceparent.substr(0, 2), version) || version[0] == 0xff ||
      !from_hex(traceparent.substr(3, 32), context.trace_id) ||
      !from_hex(traceparent.substr(36, 16), context.span_id) || !from_hex(traceparent.substr(53, 2), flags)) {
    return std::nullopt;
  }
  if (version[0] == 0 && traceparent.size() != kLength) return std::nullopt;
  if (traceparent.size() > kLength && traceparent[kLength] != '-') return std::nullopt;
  if (!context.valid()) return std::nullopt;
  context.flags = flags[0];
  context.trace_state = std::string(trace_state);
  return context;
}

}  // namespace paradigm
