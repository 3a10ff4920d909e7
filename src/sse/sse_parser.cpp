#include "sse/sse_parser.hpp"

#include <limits>

namespace paradigm::detail {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr auto kNpos = std::string_view::npos;

// Position of the next CR or LF at or after `from`, or npos. Adds the bytes it
// looked at to `scanned`.
std::size_t find_line_end(std::string_view bytes, std::size_t from, std::uint64_t& scanned) {
  for (std::size_t i = from; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || bytes[i] == '\r') {
      scanned += i - from + 1;
      return i;
    }
  }
  scanned += bytes.size() - from;
  return kNpos;
}

// A `retry:` value: ASCII digits only. Empty or overflowing values are ignored.
std::optional<std::chrono::milliseconds> parse_retry(std::string_view value) {
  if (value.empty()) return std::nullopt;
  using Rep = std::chrono::milliseconds::rep;
  Rep ms = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    const Rep digit = c - '0';
    if (ms > (std::numeric_limits<Rep>::max() - digit) / 10) return std::nullopt;
    ms = ms * 10 + digit;
  }
  return std::chrono::milliseconds(ms);
}

}  // namespace

bool SseParser::feed(std::string_view bytes, const Handler& on_event) {
  if (stopped_) return false;
  if (!bom_decided_) bytes = skip_bom(bytes);
  if (after_cr_ && !bytes.empty()) {
    after_cr_ = false;
    if (bytes.front() == '\n') bytes.remove_prefix(1);  // the LF of a CRLF split across feeds
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = find_line_end(bytes, start, stats_.bytes_scanned);
    if (end == kNpos) break;
    std::string_view line = bytes.substr(start, end - start);
    if (!line_.empty()) {  // the line began in an earlier feed
      buffer_partial(line);
      line = line_;
    }
    start = end + 1;
    if (bytes[end] == '\r') {
      if (start == bytes.size()) {
        after_cr_ = true;
      } else if (bytes[start] == '\n') {
        ++start;
      }
    }
    const bool go_on = process_line(line, on_event);
    line_.clear();  // keeps its capacity
    if (!go_on) return false;
  }
  buffer_partial(bytes.substr(start));
  return true;
}

bool SseParser::finish(const Handler& on_event) {
  if (stopped_) return false;
  if (!bom_decided_) {  // the stream was a strict prefix of the BOM
    bom_decided_ = true;
    buffer_partial(kBom.substr(0, bom_matched_));
  }
  after_cr_ = false;
  // Deliberate deviation from WHATWG (product spec): a last line without its
  // line end still counts, and an event without its blank line is dispatched.
  if (!line_.empty()) {
    const bool go_on = process_line(line_, on_event);
    line_.clear();
    if (!go_on) return false;
  }
  return dispatch(on_event);
}

// Skips a UTF-8 BOM at the very start of the stream, even when it is split
// across feeds. Bytes that only looked like the start of a BOM are kept as content.
std::string_view SseParser::skip_bom(std::string_view bytes) {
  while (bom_matched_ < kBom.size() && !bytes.empty() && bytes.front() == kBom[bom_matched_]) {
    ++bom_matched_;
    bytes.remove_prefix(1);
  }
  if (bom_matched_ == kBom.size()) {
    bom_decided_ = true;
  } else if (!bytes.empty()) {
    bom_decided_ = true;
    buffer_partial(kBom.substr(0, bom_matched_));
  }
  return bytes;
}

void SseParser::buffer_partial(std::string_view bytes) {
  if (bytes.empty()) return;
  const auto capacity = line_.capacity();
  line_.append(bytes);
  stats_.bytes_buffered += bytes.size();
  if (line_.capacity() != capacity) ++stats_.line_buffer_growths;
}

bool SseParser::process_line(std::string_view line, const Handler& on_event) {
  if (line.empty()) return dispatch(on_event);
  if (line.front() == ':') return true;  // a comment, e.g. a `: ping` heartbeat
  const auto colon = line.find(':');
  if (colon == kNpos) {
    process_field(line, {});
    return true;
  }
  auto value = line.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  process_field(line.substr(0, colon), value);
  return true;
}

void SseParser::process_field(std::string_view field, std::string_view value) {
  if (field == "event") {
    event_.event.assign(value);
  } else if (field == "data") {
    event_.data.append(value);
    event_.data.push_back('\n');
  } else if (field == "id") {
    if (value.find('\0') != kNpos) return;
    if (event_.id) {
      event_.id->assign(value);  // reuses the buffer's capacity
    } else {
      event_.id.emplace(value);
    }
  } else if (field == "retry") {
    if (auto ms = parse_retry(value)) retry_ = ms;
  }
  // Other fields are ignored.
}

bool SseParser::dispatch(const Handler& on_event) {
  if (event_.data.empty()) {  // no data line: nothing to dispatch
    event_.event.clear();
    return true;
  }
  event_.data.pop_back();  // the '\n' after the last data line
  if (event_.event.empty()) event_.event.assign("message");
  ++events_dispatched_;
  stopped_ = true;  // stays set if the handler throws: the stream is abandoned
  stopped_ = !on_event(event_);
  event_.event.clear();
  event_.data.clear();
  return !stopped_;
}

}  // namespace paradigm::detail
