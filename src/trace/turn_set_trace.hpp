#pragma once

// A TurnSet's turn is two calls (a background create, then a wait): with a
// tracer, one span of the set's holds both, so each turn is one trace.

#include <paradigm/options.hpp>
#include <paradigm/tracing.hpp>
#include <paradigm/turn.hpp>

#include <chrono>
#include <exception>
#include <memory>

namespace paradigm::detail {

/// The span of one turn of a set (null without a tracer), child of the set's own trace_parent.
inline std::shared_ptr<Span> start_turn_span(const Telemetry& telemetry, const CallOptions& set_call) {
  if (!telemetry.tracer) return nullptr;
  SpanStart start;
  start.name = "paradigm.turn_set.turn";
  start.parent = set_call.trace_parent ? &*set_call.trace_parent : nullptr;
  start.start = std::chrono::system_clock::now();
  return telemetry.tracer->start_span(start);
}

/// The set's call options, inside the turn's span.
inline CallOptions call_in(const CallOptions& set_call, const std::shared_ptr<Span>& span) {
  if (!span) return set_call;
  CallOptions call = set_call;
  call.trace_parent = span->context();
  return call;
}

/// Ends the turn's span with how it ended.
inline void end_turn_span(const std::shared_ptr<Span>& span, const std::optional<Turn>& turn,
                          const std::exception_ptr& error) {
  if (!span) return;
  if (turn) {
    span->set_attribute("gen_ai.conversation.id", turn->thread);
    span->set_attribute("gen_ai.response.id", turn->id);
    span->set_attribute("paradigm.turn.status", turn->status.text());
  }
  if (error) span->set_status(SpanStatus::error);
  span->end(std::chrono::system_clock::now());
}

}  // namespace paradigm::detail
