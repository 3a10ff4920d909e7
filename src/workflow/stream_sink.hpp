#pragma once

// The receiver of a streamed turn: SSE bytes to the parser and each event to
// the caller's handler as it completes; a JSON answer buffered instead when
// the server did not stream.

#include <paradigm/stream.hpp>

#include "sse/sse_parser.hpp"
#include "transport/bounded_buffer.hpp"
#include "transport/transport.hpp"

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

namespace paradigm::detail {

class StreamSink final : public BodySink {
 public:
  /// `on_turn_id` learns the turn id as soon as an event names it.
  StreamSink(StreamHandler handler, std::size_t max_bytes, std::function<void(const std::string&)> on_turn_id)
      : handler_(std::move(handler)),
        on_turn_id_(std::move(on_turn_id)),
        parser_(max_bytes),
        json_(max_bytes),
        max_bytes_(max_bytes) {}

  /// A new attempt (nothing reached the handler yet): start over.
  void reset() override;
  bool on_head(int status, const Headers& headers) override;
  bool on_data(std::string_view bytes) override;
  /// Once an event reached the handler, the stream is never sent again.
  bool committed() const override { return events_ > 0; }
  std::exception_ptr failure() const override { return failure_; }

  /// End of stream: dispatches a last event whose blank line never came.
  void finish();

  bool is_sse() const noexcept { return is_sse_; }
  int status() const noexcept { return status_; }
  /// The JSON answer of a server that did not stream.
  const std::string& json_body() const noexcept { return json_.text(); }
  bool stopped_by_handler() const noexcept { return stopped_ && !error_event_; }
  const std::optional<StreamEvent>& error_event() const noexcept { return error_event_; }
  /// The turn id the events named, "" when none did.
  const std::string& turn_id() const noexcept { return turn_id_; }
  std::uint64_t events() const noexcept { return events_; }

 private:
  bool dispatch(const StreamEvent& event);
  /// The StreamError of the bound the parser stopped at.
  std::exception_ptr overflow_error() const;
  void learn_turn_id(const StreamEvent& event);

  StreamHandler handler_;
  std::function<void(const std::string&)> on_turn_id_;
  SseParser parser_;
  BoundedBuffer json_;
  std::size_t max_bytes_;  // of a JSON answer, or of one event
  int status_ = 0;
  bool is_sse_ = false;
  bool stopped_ = false;
  std::uint64_t events_ = 0;
  std::string turn_id_;
  std::optional<StreamEvent> error_event_;
  std::exception_ptr failure_;
};

}  // namespace paradigm::detail
