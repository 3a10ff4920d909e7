#include "trace/hooks.hpp"

#include "core/text.hpp"
#include "workflow/error_mapping.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {

// "https://user:secret@host:8443/base" -> "host"; the port apart.
std::pair<std::string, std::int64_t> server_of(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {"", 0};
  const auto start = scheme_end + 3;
  const auto end = std::min(url.find_first_of("/?#", start), url.size());
  std::string authority = url.substr(start, end - start);
  const auto at = authority.rfind('@');
  if (at != std::string::npos) authority.erase(0, at + 1);
  std::int64_t port = url.compare(0, 6, "https:") == 0 ? 443 : 80;
  const auto colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
    try {
      port = std::stoll(authority.substr(colon + 1));
    } catch (...) {
    }
    authority.erase(colon);
  }
  return {authority, port};
}

// Replaces the traceparent/tracestate lines of an earlier attempt, or adds them.
void set_trace_headers(Exchange& exchange, const SpanContext& context) {
  auto& lines = exchange.header_lines;
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [](const std::string& line) {
                               return line.rfind("traceparent:", 0) == 0 || line.rfind("tracestate:", 0) == 0;
                             }),
              lines.end());
  lines.push_back("traceparent: " + context.traceparent());
  // tracestate is passed on as the caller gave it, if it is a header value at all.
  if (!context.trace_state.empty() && context.trace_state.find_first_of("\r\n") == std::string::npos) {
    lines.push_back("tracestate: " + context.trace_state);
  }
}

// The error.type of a transport failure: an identifier, as the conventions ask.
const char* error_type_of(TransferError error) {
  switch (error) {
    case TransferError::none:
      return "";
    case TransferError::resolve:
      return "resolve";
    case TransferError::connect:
      return "connect";
    case TransferError::connect_timeout:
      return "connect_timeout";
    case TransferError::tls:
      return "tls";
    case TransferError::timeout:
      return "timeout";
    case TransferError::stalled:
      return "stalled";
    case TransferError::reset:
      return "reset";
    case TransferError::not_delivered:
      return "not_delivered";
    case TransferError::cancelled:
      return "cancelled";
    case TransferError::too_many_redirects:
      return "too_many_redirects";
    case TransferError::other:
      break;
  }
  return "_OTHER";
}

void add_timing(Span& span, const char* name, TraceTime start, std::chrono::microseconds offset) {
  if (offset.count() >= 0) span.add_event(name, start + offset);
}

}  // namespace

void AttemptTrace::begin_traced(const Call& call, const RequestSpec& spec, Exchange& exchange, int retries) {
  CallTrace& trace = *call.trace;
  started_at_ = trace.now();
  started_ = trace.clock().now();
  method_ = spec.method;
  const auto [host, port] = server_of(exchange.url);
  server_ = host;
  if (!trace.telemetry().tracer) return;
  exchange.wants_timings = true;
  Attributes attributes = {{"http.request.method", spec.method},
                           {"url.full", call.context().url_for_message(spec.path)},
                           {"server.address", host},
                           {"server.port", port}};
  if (retries > 0) attributes.push_back({"http.request.resend_count", static_cast<std::int64_t>(retries)});
  if (spec.body)
    attributes.push_back({"http.request.body.size", static_cast<std::int64_t>(spec.body->size())});
  std::shared_ptr<Span> span =
      trace.start_child(spec.method, SpanKind::client, std::move(attributes), started_at_);
  set_trace_headers(exchange, span->context());
  span_ = std::move(span);
}

void AttemptTrace::end_traced(const Call& call, const Outcome& outcome) {
  CallTrace& trace = *call.trace;
  std::string error_type;
  if (outcome.kind == OutcomeKind::failed || outcome.kind == OutcomeKind::failed_after_commit) {
    error_type = error_type_of(outcome.error);
  } else if (outcome.status >= 400) {
    error_type = std::to_string(outcome.status);
  }
  if (const auto& metrics = trace.telemetry().metrics) {
    std::map<std::string, std::string> attributes = {{"http.request.method", method_},
                                                     {"server.address", server_}};
    if (outcome.status > 0) attributes["http.response.status_code"] = std::to_string(outcome.status);
    if (!error_type.empty()) attributes["error.type"] = error_type;
    metrics->record_http(std::chrono::duration<double>(trace.clock().now() - started_).count(), attributes);
  }
  if (!span_) return;
  Span& span = *span_;
  if (outcome.status > 0)
    span.set_attribute("http.response.status_code", static_cast<std::int64_t>(outcome.status));
  const std::string request_id = request_id_of(outcome.headers);
  if (!request_id.empty()) {
    span.set_attribute("paradigm.request_id", redact(request_id, call.context().secret()));
  }
  span.set_attribute("http.response.body.size", static_cast<std::int64_t>(outcome.body_bytes));
  add_timing(span, "paradigm.http.connected", started_at_, outcome.timings.connect);
  if (outcome.timings.tls > outcome.timings.connect)
    add_timing(span, "paradigm.http.tls_established", started_at_, outcome.timings.tls);
  add_timing(span, "paradigm.http.first_byte", started_at_, outcome.timings.first_byte);
  if (!error_type.empty()) {
    span.set_attribute("error.type", error_type);
    span.set_status(SpanStatus::error, outcome.kind == OutcomeKind::completed ? "" : outcome.message);
  }
  span.end(trace.now());
  span_.reset();
}

StepSpan AttemptTrace::backoff_traced(const Call& call, std::chrono::milliseconds delay,
                                      const std::string& reason) {
  CallTrace& trace = *call.trace;
  if (const auto& metrics = trace.telemetry().metrics) metrics->add_retry(trace.metric_attributes());
  return trace.start_child("paradigm.retry_backoff", SpanKind::internal,
                           {{"paradigm.retry.delay_ms", static_cast<std::int64_t>(delay.count())},
                            {"paradigm.retry.reason", reason}},
                           trace.now());
}

void end_step(const StepSpan& span, const Call& call, bool slept) {
  if (!span) return;
  if (!slept) span->add_event("paradigm.cancelled", call.trace->now());
  span->end(call.trace->now());
}

void open_poll_traced(const Call& call) {
  CallTrace& trace = *call.trace;
  ++trace.polls;
  if (const auto& metrics = trace.telemetry().metrics) metrics->add_poll(trace.metric_attributes());
  trace.close_scope();
  trace.open_scope(trace.start_child("paradigm.poll", SpanKind::internal,
                                     {{"paradigm.poll.number", static_cast<std::int64_t>(trace.polls)}},
                                     trace.now()));
}

StreamHandler trace_stream_events(const Call& call, StreamHandler handler) {
  if (!call.trace || !call.trace->telemetry().tracer) return handler;
  CallTrace* trace = call.trace.get();  // lives as long as the call, which outlives its stream
  return [trace, handler = std::move(handler), first = true](const StreamEvent& event) mutable {
    if (first) {
      first = false;
      trace->operation_event("paradigm.stream.first_event");
    }
    return handler(event);
  };
}

void stream_end_traced(const Call& call, OutcomeKind kind, TransferError error, std::uint64_t events) {
  Attributes attributes = {{"paradigm.stream.events", static_cast<std::int64_t>(events)}};
  if (kind == OutcomeKind::failed_after_commit) {
    attributes.push_back({"error.type", std::string(error_type_of(error))});
    return call.trace->operation_event("paradigm.stream.broken", std::move(attributes));
  }
  call.trace->operation_event("paradigm.stream.end", std::move(attributes));
}

}  // namespace paradigm::detail
