#include "sse/sse_parser.hpp"

#include "transport/bounded_buffer.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr auto kNpos = std::string_view::npos;
// Longer than any field name the parser knows: a longer name is an unknown field.
constexpr std::size_t kMaxFieldName = 8;
// An event's data buffer keeps its capacity for the next event up to this;
// a larger one (a rare, huge event) goes back to the system.
constexpr std::size_t kKeptDataCapacity = std::size_t{1} << 20;

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

}  // namespace

bool SseParser::feed(std::string_view bytes, const Handler& on_event) {
  if (stopped_) return false;
  if (!bom_decided_) bytes = skip_bom(bytes);
  if (stopped_) return false;
  if (after_cr_ && !bytes.empty()) {
    after_cr_ = false;
    if (bytes.front() == '\n') bytes.remove_prefix(1);  // the LF of a CRLF split across feeds
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = find_line_end(bytes, start, stats_.bytes_scanned);
    if (end == kNpos) return consume(bytes.substr(start), false);
    if (!consume(bytes.substr(start, end - start), true)) return false;
    start = end + 1;
    if (bytes[end] == '\r') {
      if (start == bytes.size()) {
        after_cr_ = true;
      } else if (bytes[start] == '\n') {
        ++start;
      }
    }
    if (!end_line(on_event)) return false;
  }
}

bool SseParser::finish(const Handler& on_event) {
  if (stopped_) return false;
  if (!bom_decided_) {  // the stream was a strict prefix of the BOM
    bom_decided_ = true;
    if (!consume(kBom.substr(0, bom_matched_), true)) return false;
  }
  after_cr_ = false;
  // Deliberate deviation from WHATWG (product spec): a last line without its
  // line end still counts, and an event without its blank line is dispatched.
  if (line_started_ && !end_line(on_event)) return false;
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
    consume(kBom.substr(0, bom_matched_), false);
  }
  return bytes;
}

// The next bytes of the current line (`line_ends`: the line ends after them).
bool SseParser::consume(std::string_view text, bool line_ends) {
  if (text.empty()) return true;
  line_started_ = true;
  line_bytes_ += text.size();
  if (field_ == Field::none) {
    const std::size_t colon = text.find(':');
    const std::string_view name_part = text.substr(0, colon);
    if (colon == kNpos && !line_ends) {
      buffer_name(name_part);
    } else if (name_.empty() && !name_too_long_) {
      begin_value(name_part);  // the whole name is here: read in place
    } else {
      buffer_name(name_part);
      begin_value(name_);
    }
    text = colon == kNpos ? std::string_view() : text.substr(colon + 1);
  }
  if (field_ != Field::none && !text.empty()) {
    if (skip_space_) {
      skip_space_ = false;
      if (text.front() == ' ') text.remove_prefix(1);
    }
    if (!take_value(text)) return false;
  }
  return check_line_length();
}

// A line that keeps nothing has the limit for its length; it is known as such
// once its name is (at its colon, at its end, or once too long for a field
// this parser knows).
bool SseParser::check_line_length() {
  const bool keeps_nothing = field_ == Field::retry || field_ == Field::ignored || name_too_long_;
  if (keeps_nothing && line_bytes_ > max_event_bytes_) return stop(Overflow::line);
  return true;
}

void SseParser::buffer_name(std::string_view part) {
  if (name_too_long_ || part.empty()) return;
  if (name_.size() + part.size() > kMaxFieldName) {
    name_too_long_ = true;
    return;
  }
  const auto capacity = name_.capacity();
  name_.append(part);
  stats_.bytes_buffered += part.size();
  if (name_.capacity() != capacity) ++stats_.line_buffer_growths;
}

// The name of the line's field is known (its colon came, or the line ended).
void SseParser::begin_value(std::string_view name) {
  if (name_too_long_) {
    field_ = Field::ignored;
  } else if (name == "data") {
    field_ = Field::data;
  } else if (name == "event") {
    field_ = Field::event;
    event_.event.clear();
  } else if (name == "id") {
    field_ = Field::id;
    pending_id_.clear();
    id_has_nul_ = false;
  } else if (name == "retry") {
    field_ = Field::retry;
    retry_value_ = 0;
    retry_valid_ = false;
  } else {
    field_ = Field::ignored;  // a comment (no name), or a field this parser does not know
  }
  skip_space_ = true;
}

bool SseParser::take_value(std::string_view value) {
  if (value.empty()) return true;
  value_bytes_ += value.size();
  switch (field_) {
    case Field::data:
      // Room is left for the '\n' that ends the line.
      if (value.size() >= max_event_bytes_ - event_.data.size()) return stop(Overflow::event);
      reserve_within(event_.data, event_.data.size() + value.size(), max_event_bytes_);
      event_.data.append(value);
      return true;
    case Field::event:
      if (value_bytes_ > std::min(kMaxFieldBytes, max_event_bytes_)) return stop(Overflow::field);
      event_.event.append(value);
      return true;
    case Field::id:
      if (value_bytes_ > std::min(kMaxFieldBytes, max_event_bytes_)) return stop(Overflow::field);
      id_has_nul_ = id_has_nul_ || value.find('\0') != kNpos;
      if (!id_has_nul_) pending_id_.append(value);
      return true;
    case Field::retry:
      return take_retry_digits(value);
    case Field::none:
    case Field::ignored:
      return true;
  }
  return true;
}

// A `retry:` value: ASCII digits only. Empty or overflowing values are ignored.
bool SseParser::take_retry_digits(std::string_view digits) {
  using Rep = std::chrono::milliseconds::rep;
  if (value_bytes_ == digits.size()) retry_valid_ = true;  // the first digits of the value
  for (const char c : digits) {
    if (!retry_valid_) return true;
    const Rep digit = c - '0';
    if (c < '0' || c > '9' || retry_value_ > (std::numeric_limits<Rep>::max() - digit) / 10) {
      retry_valid_ = false;
    } else {
      retry_value_ = retry_value_ * 10 + digit;
    }
  }
  return true;
}

bool SseParser::end_line(const Handler& on_event) {
  if (!line_started_) return dispatch(on_event);  // a blank line ends the event
  if (field_ == Field::none) {                    // a line without a colon: a field with an empty value
    begin_value(name_);
    if (!check_line_length()) return false;
  }
  switch (field_) {
    case Field::data:
      if (event_.data.size() >= max_event_bytes_) return stop(Overflow::event);
      reserve_within(event_.data, event_.data.size() + 1, max_event_bytes_);
      event_.data.push_back('\n');
      break;
    case Field::id:
      if (id_has_nul_) break;
      if (event_.id) {
        event_.id->assign(pending_id_);  // reuses the buffer's capacity
      } else {
        event_.id.emplace(pending_id_);
      }
      break;
    case Field::retry:
      if (retry_valid_) retry_ = std::chrono::milliseconds(retry_value_);
      break;
    default:
      break;
  }
  field_ = Field::none;
  name_.clear();
  name_too_long_ = false;
  line_started_ = false;
  skip_space_ = false;
  line_bytes_ = 0;
  value_bytes_ = 0;
  return true;
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
  if (event_.data.capacity() > kKeptDataCapacity) std::string().swap(event_.data);
  return !stopped_;
}

bool SseParser::stop(Overflow why) {
  overflow_ = why;
  stopped_ = true;
  return false;
}

}  // namespace paradigm::detail
