#include "trace/otlp_json.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {

namespace {

using nlohmann::json;

std::string nanos(TraceTime at) {
  return std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count());
}

json value_of(const AttributeValue& value) {
  struct Visit {
    json operator()(const std::string& text) const { return {{"stringValue", text}}; }
    json operator()(bool flag) const { return {{"boolValue", flag}}; }
    json operator()(std::int64_t number) const { return {{"intValue", std::to_string(number)}}; }
    json operator()(double number) const { return {{"doubleValue", number}}; }
  };
  return std::visit(Visit{}, value);
}

json attributes_of(const Attributes& attributes) {
  json out = json::array();
  for (const Attribute& attribute : attributes)
    out.push_back({{"key", attribute.key}, {"value", value_of(attribute.value)}});
  return out;
}

json attributes_of(const std::map<std::string, std::string>& attributes) {
  json out = json::array();
  for (const auto& [key, value] : attributes)
    out.push_back({{"key", key}, {"value", {{"stringValue", value}}}});
  return out;
}

json resource(const std::string& service_name) {
  return {
      {"attributes", attributes_of(Attributes{{"service.name", service_name},
                                              {"telemetry.sdk.name", std::string("paradigm-cpp")},
                                              {"telemetry.sdk.language", std::string("cpp")},
                                              {"telemetry.sdk.version", std::string(PARADIGM_VERSION)}})}};
}

json scope() {
  return {{"name", "paradigm-cpp"}, {"version", PARADIGM_VERSION}};
}

// OTLP numbers the kinds from 1 (0 is "unspecified").
int kind_of(SpanKind kind) {
  return static_cast<int>(kind) + 1;
}

int status_of(SpanStatus status) {
  switch (status) {
    case SpanStatus::unset:
      return 0;
    case SpanStatus::ok:
      return 1;
    case SpanStatus::error:
      return 2;
  }
  return 0;
}

json span_of(const SpanData& span) {
  json out = {{"traceId", span.context.trace_id_hex()},
              {"spanId", span.context.span_id_hex()},
              {"name", span.name},
              {"kind", kind_of(span.kind)},
              {"startTimeUnixNano", nanos(span.start)},
              {"endTimeUnixNano", nanos(span.end)},
              {"attributes", attributes_of(span.attributes)},
              {"flags", span.context.flags}};
  if (!span.is_root()) {
    SpanContext parent;
    parent.span_id = span.parent_span_id;
    out["parentSpanId"] = parent.span_id_hex();
  }
  if (!span.context.trace_state.empty()) out["traceState"] = span.context.trace_state;
  json events = json::array();
  for (const SpanData::Event& event : span.events) {
    events.push_back({{"name", event.name},
                      {"timeUnixNano", nanos(event.at)},
                      {"attributes", attributes_of(event.attributes)}});
  }
  if (!events.empty()) out["events"] = std::move(events);
  json status = {{"code", status_of(span.status)}};
  if (!span.status_description.empty()) status["message"] = span.status_description;
  out["status"] = std::move(status);
  return out;
}

json histogram_point(const MetricPoint& point, const std::vector<double>& bounds, const std::string& start,
                     const std::string& now) {
  json counts = json::array();
  for (const std::uint64_t count : point.bucket_counts)
    counts.push_back(std::to_string(count));
  json out = {{"attributes", attributes_of(point.attributes)},
              {"startTimeUnixNano", start},
              {"timeUnixNano", now},
              {"count", std::to_string(point.count)},
              {"sum", point.value},
              {"bucketCounts", counts},
              {"explicitBounds", bounds}};
  if (point.count > 0) {
    out["min"] = point.min;
    out["max"] = point.max;
  }
  return out;
}

json metric_of(const MetricData& metric, const std::string& start, const std::string& now) {
  json out = {{"name", metric.name}, {"description", metric.description}, {"unit", metric.unit}};
  json points = json::array();
  for (const MetricPoint& point : metric.points) {
    if (metric.kind == MetricData::Kind::histogram) {
      points.push_back(histogram_point(point, metric.bounds, start, now));
    } else {
      points.push_back({{"attributes", attributes_of(point.attributes)},
                        {"startTimeUnixNano", start},
                        {"timeUnixNano", now},
                        {"asInt", std::to_string(static_cast<std::int64_t>(point.value))}});
    }
  }
  constexpr int kCumulative = 2;
  if (metric.kind == MetricData::Kind::histogram) {
    out["histogram"] = {{"aggregationTemporality", kCumulative}, {"dataPoints", points}};
  } else {
    out["sum"] = {{"aggregationTemporality", kCumulative},
                  {"isMonotonic", metric.kind == MetricData::Kind::counter},
                  {"dataPoints", points}};
  }
  return out;
}

std::string dump(const json& request) {
  // Text cut by the capture limit may split a UTF-8 sequence: replaced, never thrown.
  return request.dump(-1, ' ', false, json::error_handler_t::replace);
}

// {"resource<Kind>": [{"resource": ..., "scope<Kind>": [{"scope": ..., "<items>": [...]}]}]}
std::string envelope(const char* resources, const char* scopes, const char* items, json encoded,
                     const std::string& service_name) {
  json scoped = json::object();
  scoped["scope"] = scope();
  scoped[items] = std::move(encoded);
  json resourced = json::object();
  resourced["resource"] = resource(service_name);
  resourced[scopes] = json::array({std::move(scoped)});
  json request = json::object();
  request[resources] = json::array({std::move(resourced)});
  return dump(request);
}

}  // namespace

std::string encode_spans(const std::vector<SpanData>& spans, const std::string& service_name) {
  json encoded = json::array();
  for (const SpanData& span : spans)
    encoded.push_back(span_of(span));
  return envelope("resourceSpans", "scopeSpans", "spans", std::move(encoded), service_name);
}

std::string encode_metrics(const std::vector<MetricData>& metrics, const std::string& service_name,
                           TraceTime start, TraceTime now) {
  const std::string start_text = nanos(start);
  const std::string now_text = nanos(now);
  json encoded = json::array();
  for (const MetricData& metric : metrics) {
    if (!metric.points.empty()) encoded.push_back(metric_of(metric, start_text, now_text));
  }
  return envelope("resourceMetrics", "scopeMetrics", "metrics", std::move(encoded), service_name);
}

}  // namespace paradigm::detail
