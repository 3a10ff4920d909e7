#pragma once

// Starting an operation with its span: what the span is named and says
// (the GenAI conventions for the turns), and what its result adds (the ids,
// the turn's status, one execute_tool span per tool call).

#include "trace/call_trace.hpp"
#include "workflow/context.hpp"
#include "workflow/operations.hpp"

namespace paradigm::detail {

/// The table's name of each operation ("get_turn", ...).
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional) \
  inline const char* operation_name(const ::paradigm::ops::Request&) {    \
    return #name;                                                         \
  }
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

/// "paradigm.<operation>", internal, for the operations that are not turns.
template <class Request>
OperationInfo describe_operation(const Request& request, const Telemetry&) {
  OperationInfo info;
  info.name = std::string("paradigm.") + operation_name(request);
  return info;
}
OperationInfo describe_operation(const ops::CreateThreadWithTurn& op, const Telemetry& telemetry);
OperationInfo describe_operation(const ops::CreateTurn& op, const Telemetry& telemetry);
OperationInfo describe_operation(const ops::StreamTurn& op, const Telemetry& telemetry);
OperationInfo describe_operation(const ops::StreamThreadWithTurn& op, const Telemetry& telemetry);
OperationInfo describe_operation(const ops::WaitForTurn& op, const Telemetry& telemetry);

/// What a result adds to its operation's span (a turn: ids, status, tool spans).
template <class Value>
Attributes describe_result(CallTrace&, const Value&) {
  return {};
}
Attributes describe_result(CallTrace& trace, const Turn& turn);
Attributes describe_result(CallTrace& trace, const Thread& thread);

/// Ends the call's trace with its result (before the result goes on).
template <class Value>
void end_traced(const Call& call, const Result<Value>& result) {
  if (!call.trace) return;
  Attributes attributes;
  if (result.ok()) attributes = describe_result(*call.trace, const_cast<Result<Value>&>(result).value());
  call.trace->end_operation(result.error(), attributes);
}

/// start_operation, inside the operation's span when the client has telemetry.
template <class Request, class Value>
void start_traced(const CallPtr& call, const Request& request, Callback<Value> done) {
  const Telemetry& telemetry = call->context().options().telemetry;
  if (!telemetry.enabled()) return start_operation(call, request, std::move(done));
  call->trace = std::make_unique<CallTrace>(telemetry, call->runtime.clock(), call->options.trace_parent);
  call->trace->start_operation(describe_operation(request, telemetry));
  try {
    start_operation(call, request, Callback<Value>([call, done = std::move(done)](Result<Value> result) {
                      end_traced(*call, result);
                      done(std::move(result));
                    }));
  } catch (...) {
    call->trace->end_operation(std::current_exception(), {});
    throw;
  }
}

}  // namespace paradigm::detail
