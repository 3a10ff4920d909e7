#pragma once

// What options carry of tracing: the W3C context of a span and the
// Telemetry a client is given. The tracing seam itself (Tracer, Span,
// Metrics, the OTLP exporter) is <paradigm/tracing.hpp>, included by those
// who trace; a client that does not pays only for this.

#include <paradigm/export.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm {

class Tracer;   // <paradigm/tracing.hpp>
class Metrics;  // <paradigm/tracing.hpp>

/// The W3C trace context of a span: what `traceparent` and `tracestate` carry.
struct PARADIGM_API SpanContext {
  std::array<std::uint8_t, 16> trace_id{};
  std::array<std::uint8_t, 8> span_id{};
  /// W3C trace flags (bit 0: sampled).
  std::uint8_t flags = 1;
  /// The `tracestate` header's value, passed on unchanged ("" for none).
  std::string trace_state;

  /// False for the all-zero ids W3C calls invalid.
  bool valid() const noexcept;
  /// 32 lowercase hex digits.
  std::string trace_id_hex() const;
  /// 16 lowercase hex digits.
  std::string span_id_hex() const;
  /// "00-<trace id>-<span id>-<flags>".
  std::string traceparent() const;
  /// Parses a `traceparent` header value (version 00 and later versions'
  /// first four fields); nullopt when it is malformed or its ids are zero.
  static std::optional<SpanContext> from_traceparent(std::string_view traceparent,
                                                     std::string_view trace_state = {});
};

/// What a client traces and measures. Empty (the default): nothing, at no cost.
struct Telemetry {
  /// Receives the spans (null: no spans, no `traceparent` header).
  std::shared_ptr<Tracer> tracer;
  /// Receives the measurements (null: none).
  std::shared_ptr<Metrics> metrics;
  /// Also record the query and the answer text (gen_ai.input.messages,
  /// gen_ai.output.messages), each cut to max_captured_bytes. Off: no
  /// user text reaches a span.
  bool capture_content = false;
  std::size_t max_captured_bytes = 1024;

  bool enabled() const noexcept { return tracer || metrics; }
};

}  // namespace paradigm
