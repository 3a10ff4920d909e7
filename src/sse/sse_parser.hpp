#pragma once

// Incremental Server-Sent Events parser (WHATWG "event stream interpretation").
//
// Buffering: only the unfinished last line of the input is copied (into
// `line_`, whose capacity is kept); complete lines are read in place from the
// caller's bytes. Every input byte is examined once, so a line of any length
// split into any number of feeds costs linear time. The event being built is a
// StreamEvent member whose strings keep their capacity between events, so a
// steady stream allocates nothing per event.

#include <paradigm/stream.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
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
    /// Input bytes copied into the partial-line buffer.
    std::uint64_t bytes_buffered = 0;
    /// Times the partial-line buffer had to grow.
    std::uint64_t line_buffer_growths = 0;
  };

  /// Feeds the next bytes of the stream; dispatches every event they complete,
  /// in order. Returns false once the handler has asked to stop (further input is ignored).
  bool feed(std::string_view bytes, const Handler& on_event);
  /// End of stream: dispatches a last event whose blank line never came.
  bool finish(const Handler& on_event);
  /// The last `retry:` value, when one was given.
  std::optional<std::chrono::milliseconds> retry() const { return retry_; }
  /// Events dispatched so far.
  std::uint64_t events_dispatched() const { return events_dispatched_; }
  /// Work done so far (for tests).
  const Stats& stats() const { return stats_; }
  /// Bytes held for the event not yet complete (its fields and unfinished line),
  /// so that a caller can bound the memory of a stream that never ends an event.
  std::size_t pending_bytes() const { return line_.size() + event_.event.size() + event_.data.size(); }

 private:
  std::string_view skip_bom(std::string_view bytes);
  void buffer_partial(std::string_view bytes);
  bool process_line(std::string_view line, const Handler& on_event);
  void process_field(std::string_view field, std::string_view value);
  bool dispatch(const Handler& on_event);

  // The event under construction. `event_.event` is the event type buffer
  // ("" = unset), `event_.data` the data buffer (each line + '\n'), and
  // `event_.id` the last-event-id buffer, which outlives each event.
  StreamEvent event_{"", {}, std::nullopt};
  // The unfinished last line of the input so far.
  std::string line_;
  std::optional<std::chrono::milliseconds> retry_;
  std::uint64_t events_dispatched_ = 0;
  Stats stats_;
  // Bytes of the UTF-8 BOM matched at the start of the stream so far.
  std::size_t bom_matched_ = 0;
  bool bom_decided_ = false;
  // The last line ended with CR: an LF that follows belongs to it.
  bool after_cr_ = false;
  bool stopped_ = false;
};

}  // namespace paradigm::detail
