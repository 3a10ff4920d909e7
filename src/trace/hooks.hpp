#pragma once

// What the workflows tell the call's trace: each a few lines at the place it
// happens (send.cpp, turn_waiting.cpp, streaming.cpp), each nothing more
// than a null check when the call is not traced.

#include <paradigm/stream.hpp>

#include "trace/call_trace.hpp"
#include "workflow/context.hpp"

#include <memory>
#include <string>

namespace paradigm::detail {

/// A span that ends when its step does (a wait): shared, so that the
/// copyable callbacks of the runtime can hold it. Null when untraced.
using StepSpan = std::shared_ptr<Span>;

/// The HTTP client span of one attempt of a request (send.cpp).
class AttemptTrace {
 public:
  /// Starts the attempt's span and puts its `traceparent` on `exchange`.
  void begin(const Call& call, const RequestSpec& spec, Exchange& exchange, int retries) {
    if (call.trace) begin_traced(call, spec, exchange, retries);
  }
  /// Ends it with what the outcome says.
  void end(const Call& call, const Outcome& outcome) {
    if (call.trace) end_traced(call, outcome);
  }
  /// The backoff before the next attempt: a span of its own, counted as a retry.
  static StepSpan backoff(const Call& call, std::chrono::milliseconds delay, const std::string& reason) {
    return call.trace ? backoff_traced(call, delay, reason) : nullptr;
  }

 private:
  void begin_traced(const Call& call, const RequestSpec& spec, Exchange& exchange, int retries);
  void end_traced(const Call& call, const Outcome& outcome);
  static StepSpan backoff_traced(const Call& call, std::chrono::milliseconds delay,
                                 const std::string& reason);

  std::shared_ptr<Span> span_;
  TraceTime started_at_;
  std::chrono::steady_clock::time_point started_;
  std::string method_;
  std::string server_;
};

/// Ends a wait's span; `slept` false means it was cancelled.
void end_step(const StepSpan& span, const Call& call, bool slept);

/// A pause between polls (turn_waiting.cpp).
inline StepSpan trace_poll_wait(const Call& call, std::chrono::milliseconds delay) {
  if (!call.trace) return nullptr;
  call.trace->close_scope();  // the previous poll
  return call.trace->start_child("paradigm.poll_wait", SpanKind::internal,
                                 {{"paradigm.wait.delay_ms", static_cast<std::int64_t>(delay.count())}},
                                 call.trace->now());
}
/// A poll of a running turn: its requests nest in it until the next pause or the end.
void open_poll_traced(const Call& call);
inline void trace_poll(const Call& call) {
  if (call.trace) open_poll_traced(call);
}
/// The state a poll saw.
inline void trace_poll_saw(const Call& call, const std::string& status) {
  if (call.trace) call.trace->set_scope_attribute("paradigm.turn.status", status);
}
/// The end of a wait (its callback's result on its way out).
inline void trace_wait_over(const Call& call) {
  if (call.trace) call.trace->close_scope();
}

/// Stream start, first event and end (streaming.cpp), as events of the operation span.
inline void trace_stream_start(const Call& call) {
  if (call.trace) call.trace->operation_event("paradigm.stream.start");
}
/// The handler, reporting the stream's first event.
StreamHandler trace_stream_events(const Call& call, StreamHandler handler);
void stream_end_traced(const Call& call, OutcomeKind kind, TransferError error, std::uint64_t events);
inline void trace_stream_end(const Call& call, OutcomeKind kind, TransferError error, std::uint64_t events) {
  if (call.trace) stream_end_traced(call, kind, error, events);
}

}  // namespace paradigm::detail
