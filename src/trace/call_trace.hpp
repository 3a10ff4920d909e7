#pragma once

// The trace of one call: its operation span, the spans open inside it (a
// poll), and what the workflows report (attempts, waits, stream events).
// A Call holds one only when the client has telemetry: every hook below is a
// null check otherwise, so an untraced call allocates and formats nothing.

#include <paradigm/tracing.hpp>

#include "retry/clock.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace paradigm::detail {

/// What an operation's span is named and says before it runs.
struct OperationInfo {
  std::string name;
  SpanKind kind = SpanKind::internal;
  /// invoke_agent and wait_for_turn: counted in turns_in_flight.
  bool is_turn = false;
  Attributes attributes;
  /// The query, kept only with Telemetry::capture_content.
  std::string captured_query;
};

class CallTrace {
 public:
  CallTrace(const Telemetry& telemetry, Clock& clock, std::optional<SpanContext> parent);
  ~CallTrace();
  CallTrace(const CallTrace&) = delete;
  CallTrace& operator=(const CallTrace&) = delete;

  const Telemetry& telemetry() const noexcept { return telemetry_; }
  Clock& clock() const noexcept { return clock_; }
  TraceTime now() const { return clock_.wall_now(); }

  /// Starts the operation's span (the parent of every other span of the call).
  void start_operation(OperationInfo info);
  /// Ends it: `error` is the call's failure (null on success).
  void end_operation(const std::exception_ptr& error, const Attributes& result);
  Span* operation() const noexcept { return operation_.get(); }
  /// True for the operations that run a turn (invoke_agent, wait_for_turn).
  bool is_turn() const noexcept { return info_.is_turn; }

  /// A span inside the innermost open one (null without a tracer).
  std::shared_ptr<Span> start_child(std::string_view name, SpanKind kind, Attributes attributes,
                                    TraceTime start);
  /// Opens a span that later spans nest in (a poll), until close_scope().
  void open_scope(std::shared_ptr<Span> span);
  /// Ends the innermost open scope, if any.
  void close_scope();
  /// The context a request carries in `traceparent` when no attempt span exists.
  std::optional<SpanContext> innermost_context() const;

  /// Sets an attribute of the innermost open scope.
  void set_scope_attribute(std::string_view key, AttributeValue value) {
    if (!scopes_.empty()) scopes_.back()->set_attribute(key, std::move(value));
  }
  /// Polls made so far (numbering the poll spans).
  int polls = 0;

  /// Adds an event to the operation span.
  void operation_event(std::string_view name, Attributes attributes = {});

  /// Metric attributes every measurement of this call carries.
  const std::map<std::string, std::string>& metric_attributes() const noexcept { return metric_attributes_; }
  /// The captured-content limit applied to `text`.
  std::string captured(std::string_view text) const;

 private:
  const Telemetry& telemetry_;
  Clock& clock_;
  std::optional<SpanContext> parent_;
  std::unique_ptr<Span> operation_;
  std::vector<std::shared_ptr<Span>> scopes_;
  OperationInfo info_;
  std::chrono::steady_clock::time_point started_;
  std::map<std::string, std::string> metric_attributes_;
  bool started_turn_ = false;
};

/// The GenAI conventions' messages JSON of one text part.
std::string messages_json(std::string_view role, std::string_view text);

/// "RateLimitError", "TimeoutError", ...: the error.type of a failure.
std::string error_type_of(const std::exception_ptr& error);

}  // namespace paradigm::detail
