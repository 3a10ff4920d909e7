#pragma once

// OTLP's JSON encoding (opentelemetry-proto, ProtoJSON mapping): ids as
// lowercase hex, times and 64-bit integers as decimal strings, enums as
// numbers, attribute values typed.

#include <paradigm/tracing.hpp>

#include <string>
#include <vector>

namespace paradigm::detail {

/// An ExportTraceServiceRequest of `spans`, under a resource named `service_name`.
std::string encode_spans(const std::vector<SpanData>& spans, const std::string& service_name);

/// An ExportMetricsServiceRequest of `metrics` (cumulative since `start`, read at `now`).
std::string encode_metrics(const std::vector<MetricData>& metrics, const std::string& service_name,
                           TraceTime start, TraceTime now);

}  // namespace paradigm::detail
