#include "trace/traced_operation.hpp"

namespace paradigm::detail {

namespace {

constexpr const char* kProvider = "lighton.paradigm";

OperationInfo invoke_agent(const TurnRequest& request, const std::string& thread_id,
                           const Telemetry& telemetry) {
  OperationInfo info;
  info.name = "invoke_agent";
  info.kind = SpanKind::client;
  info.is_turn = true;
  info.attributes = {{"gen_ai.operation.name", std::string("invoke_agent")},
                     {"gen_ai.provider.name", std::string(kProvider)}};
  const auto agent = request.agent_id ? request.agent_id : request.chat_setting_id;
  if (agent) info.attributes.push_back({"gen_ai.agent.id", std::to_string(*agent)});
  if (!thread_id.empty()) info.attributes.push_back({"gen_ai.conversation.id", thread_id});
  if (request.force_tool) info.attributes.push_back({"paradigm.force_tool", *request.force_tool});
  if (telemetry.capture_content && request.query)
    info.captured_query = request.query->substr(0, telemetry.max_captured_bytes);
  return info;
}

std::optional<TraceTime> time_of(const std::optional<Timestamp>& at) {
  if (!at) return std::nullopt;
  return at->time_point();
}

// One execute_tool span per tool call, timed by its own timestamps (created,
// steps, updated): the server ran it, the client reconstructs it.
void add_tool_spans(CallTrace& trace, const Turn& turn) {
  Span* operation = trace.operation();
  if (!operation) return;
  const SpanContext parent = operation->context();
  const TraceTime fallback = trace.now();
  for (const ToolCall& call : turn.tool_calls()) {
    std::optional<TraceTime> start = time_of(call.created_at);
    std::optional<TraceTime> end = time_of(call.updated_at);
    for (const ToolStep& step : call.steps) {
      if (const auto at = time_of(step.created_at)) {
        if (!start || *at < *start) start = at;
        if (!end || *at > *end) end = at;
      }
    }
    SpanStart span_start;
    const std::string name = "execute_tool " + call.tool.name;
    span_start.name = name;
    span_start.kind = SpanKind::internal;
    span_start.parent = &parent;
    span_start.start = start.value_or(fallback);
    span_start.attributes = {{"gen_ai.operation.name", std::string("execute_tool")},
                             {"gen_ai.tool.name", call.tool.name},
                             {"gen_ai.tool.call.id", call.id},
                             {"gen_ai.tool.type", call.tool.type.text()}};
    std::unique_ptr<Span> span = trace.telemetry().tracer->start_span(span_start);
    for (const ToolStep& step : call.steps) {
      Attributes attributes = {{"paradigm.tool.step.status", step.status}};
      if (step.progress_report && step.progress_report->progress_percentage) {
        attributes.push_back({"paradigm.tool.progress", *step.progress_report->progress_percentage});
      }
      span->add_event("paradigm.tool.step", time_of(step.created_at).value_or(span_start.start),
                      std::move(attributes));
    }
    span->end(end.value_or(span_start.start));
  }
}

}  // namespace

OperationInfo describe_operation(const ops::CreateThreadWithTurn& op, const Telemetry& telemetry) {
  return invoke_agent(op.request, "", telemetry);
}
OperationInfo describe_operation(const ops::CreateTurn& op, const Telemetry& telemetry) {
  return invoke_agent(op.request, op.thread_id, telemetry);
}
OperationInfo describe_operation(const ops::StreamTurn& op, const Telemetry& telemetry) {
  OperationInfo info = invoke_agent(op.request, op.thread_id, telemetry);
  info.attributes.push_back({"paradigm.stream", true});
  return info;
}
OperationInfo describe_operation(const ops::StreamThreadWithTurn& op, const Telemetry& telemetry) {
  OperationInfo info = invoke_agent(op.request, "", telemetry);
  info.attributes.push_back({"paradigm.stream", true});
  return info;
}
OperationInfo describe_operation(const ops::WaitForTurn& op, const Telemetry&) {
  OperationInfo info;
  info.name = "paradigm.wait_for_turn";
  info.is_turn = true;
  info.attributes = {{"gen_ai.provider.name", std::string(kProvider)},
                     {"gen_ai.conversation.id", op.thread_id},
                     {"gen_ai.response.id", op.turn_id}};
  return info;
}

Attributes describe_result(CallTrace& trace, const Turn& turn) {
  Attributes attributes = {{"gen_ai.conversation.id", turn.thread},
                           {"gen_ai.response.id", turn.id},
                           {"paradigm.turn.status", turn.status.text()}};
  if (trace.polls > 0) attributes.push_back({"paradigm.polls", static_cast<std::int64_t>(trace.polls)});
  if (turn.status == TurnStatus::failed) {
    attributes.push_back({"error.type", turn.error && turn.error->code ? turn.error->code->substr(0, 64)
                                                                       : std::string("turn_failed")});
  }
  if (trace.telemetry().capture_content && turn.is_terminal()) {
    attributes.push_back(
        {"gen_ai.output.messages", messages_json("assistant", trace.captured(turn.final_answer()))});
  }
  // A turn's own call reports its tools; a get_turn of it (perhaps one of many) does not repeat them.
  if (trace.telemetry().tracer && trace.is_turn()) add_tool_spans(trace, turn);
  return attributes;
}

Attributes describe_result(CallTrace&, const Thread& thread) {
  return {{"gen_ai.conversation.id", thread.id}};
}

}  // namespace paradigm::detail
