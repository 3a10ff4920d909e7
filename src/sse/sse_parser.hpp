#pragma once

// Incremental Server-Sent Events parser (WHATWG "event stream interpretation").
//
// Buffering: a field's value goes where it belongs as it arrives (a `data`
// value straight into the event's data, a `retry` value into a number), so
// no line is ever held whole: only a field name split across feeds is
// copied (a few bytes). Every input byte is examined once, so a line of any
// length split into any number of feeds costs linear time. The event being
// built is a StreamEvent member whose strings keep their capacity between
// events, so a steady stream allocates nothing per event.
//
// Bounds: an event's data may hold at most `max_event_bytes`, its `event`
// and `id` values kMaxFieldBytes each, and a line whose bytes are not kept
// (a comment, `retry`, an unknown field) may not be longer than
// `max_event_bytes` either. Past a bound the parser stops (overflow()), so
// that a server cannot make it hold more than that, nor spin on one line.

#include <paradigm/stream.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// Incremental SSE parser following the WHATWG event-stream rules, except that
/// finish() dispatches a last event whose blank line never came.
class SseParser {
 public:
  /// Receives each complete event; return false to stop parsing.
  using Handler = std::function<bool(const StreamEvent&)>;

  /// Work counters, so that tests can check linearity without timing anything.
  struct Stats {
    /// Input bytes examined while looking for line ends.
    std::uint64_t bytes_scanned = 0;
    /// Input bytes copied into the partial-line buffer (a field name split across feeds).
    std::uint64_t bytes_buffered = 0;
    /// Times the partial-line buffer had to grow.
    std::uint64_t line_buffer_growths = 0;
  };

  /// Which bound stopped the parser.
  enum class Overflow {
    none,
    /// An event's data would exceed max_event_bytes.
    event,
    /// An `event` or `id` value would exceed kMaxFieldBytes.
    field,
    /// A line that keeps nothing (a comment, `retry`, an unknown field) exceeds max_event_bytes.
    line,
  };

  /// The longest `event` or `id` value accepted (they name things; they are not content).
  static constexpr std::size_t kMaxFieldBytes = 64 * 1024;

  explicit SseParser(std::size_t max_event_bytes = std::numeric_limits<std::size_t>::max()) noexcept
      : max_event_bytes_(max_event_bytes) {}

  /// Feeds the next bytes of the stream; dispatches every event they complete,
  /// in order. Returns false once the handler has asked to stop or a bound
  /// was passed (further input is ignored).
  bool feed(std::string_view bytes, const Handler& on_event);
  /// End of stream: dispatches a last event whose blank line never came.
  bool finish(const Handler& on_event);
  /// The last `retry:` value, when one was given.
  std::optional<std::chrono::milliseconds> retry() const { return retry_; }
  /// Events dispatched so far.
  std::uint64_t events_dispatched() const { return events_dispatched_; }
  /// Work done so far (for tests).
  const Stats& stats() const { return stats_; }
  /// The bound that stopped the parser, if one did.
  Overflow overflow() const noexcept { return overflow_; }
  /// Bytes held for the event not yet complete (its fields and the unfinished line).
  std::size_t pending_bytes() const {
    return name_.size() + event_.event.size() + event_.data.size() + pending_id_.size();
  }

 private:
  // The field of the line being read; `none` until its name is known.
  enum class Field { none, data, event, id, retry, ignored };

  std::string_view skip_bom(std::string_view bytes);
  bool consume(std::string_view text, bool line_ends);
  bool check_line_length();
  void buffer_name(std::string_view part);
  void begin_value(std::string_view name);
  bool take_value(std::string_view value);
  bool take_retry_digits(std::string_view digits);
  bool end_line(const Handler& on_event);
  bool dispatch(const Handler& on_event);
  bool stop(Overflow why);

  std::size_t max_event_bytes_;
  // The event under construction. `event_.event` is the event type buffer
  // ("" = unset), `event_.data` the data buffer (each line + '\n'), and
  // `event_.id` the last-event-id buffer, which outlives each event.
  StreamEvent event_{"", {}, std::nullopt};
  // The line being read: its field, the part of its name seen so far (only
  // when the name is split across feeds), its length, and per field what the
  // value has given so far.
  Field field_ = Field::none;
  std::string name_;
  bool name_too_long_ = false;
  bool line_started_ = false;
  bool skip_space_ = false;  // the one space after the colon is not part of the value
  std::uint64_t line_bytes_ = 0;
  std::size_t value_bytes_ = 0;
  std::string pending_id_;
  bool id_has_nul_ = false;
  std::chrono::milliseconds::rep retry_value_ = 0;
  bool retry_valid_ = false;

  std::optional<std::chrono::milliseconds> retry_;
  std::uint64_t events_dispatched_ = 0;
  Stats stats_;
  Overflow overflow_ = Overflow::none;
  // Bytes of the UTF-8 BOM matched at the start of the stream so far.
  std::size_t bom_matched_ = 0;
  bool bom_decided_ = false;
  // The last line ended with CR: an LF that follows belongs to it.
  bool after_cr_ = false;
  bool stopped_ = false;
};

}  // namespace paradigm::detail
