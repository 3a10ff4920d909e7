#pragma once

// Observability: the tracing seam (a Tracer that starts Spans), W3C trace
// context, the SDK's metrics, and the built-in OTLP/HTTP JSON exporter.
// Everything is off by default (ClientOptions::telemetry empty) and costs
// nothing then. docs/observability.md says what is traced and how to adapt
// opentelemetry-cpp to this seam.

#include <paradigm/export.hpp>
#include <paradigm/trace_context.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace paradigm {

/// The clock of span times: the SDK passes explicit start and end times.
using TraceTime = std::chrono::system_clock::time_point;

/// OpenTelemetry's span kinds.
enum class SpanKind { internal, server, client, producer, consumer };

/// OpenTelemetry's span status codes.
enum class SpanStatus { unset, ok, error };

/// An attribute's value, typed as OTLP types it (string, bool, int, double).
using AttributeValue = std::variant<std::string, bool, std::int64_t, double>;

/// A key and its value, e.g. {"gen_ai.operation.name", "invoke_agent"}.
struct Attribute {
  std::string key;
  AttributeValue value;
};
using Attributes = std::vector<Attribute>;

/// A started span. The SDK calls it from one thread at a time (the call's).
class PARADIGM_API Span {
 public:
  virtual ~Span();
  /// Its context, for children and for the `traceparent` header.
  virtual SpanContext context() const = 0;
  virtual void set_attribute(std::string_view key, AttributeValue value) = 0;
  virtual void add_event(std::string_view name, TraceTime at, Attributes attributes = {}) = 0;
  virtual void set_status(SpanStatus status, std::string_view description = {}) = 0;
  /// Ends the span (once; later calls are ignored).
  virtual void end(TraceTime at) = 0;
};

/// What starts a span.
struct SpanStart {
  std::string_view name;
  SpanKind kind = SpanKind::internal;
  /// The parent; none starts a new trace (a Tracer may use its own current context then).
  const SpanContext* parent = nullptr;
  TraceTime start;
  Attributes attributes;
};

/// The tracing seam: implement it to send the SDK's spans to your tracing
/// system (docs/observability.md has an opentelemetry-cpp adapter), or use
/// InMemoryTracer or OtlpExporter. Must be safe to call from many threads.
class PARADIGM_API Tracer {
 public:
  virtual ~Tracer();
  /// Starts a span; never returns null.
  virtual std::unique_ptr<Span> start_span(const SpanStart& start) = 0;
  /// The caller's current context, used as the parent of a call's span when
  /// CallOptions::trace_parent is not set (an adapter returns its runtime's
  /// active span). Default: none.
  virtual std::optional<SpanContext> current_context() const { return std::nullopt; }
};

/// A finished span as recorded by InMemoryTracer and OtlpExporter.
struct SpanData {
  std::string name;
  SpanKind kind = SpanKind::internal;
  SpanContext context;
  /// The parent's span id; all zero for a root span.
  std::array<std::uint8_t, 8> parent_span_id{};
  TraceTime start;
  TraceTime end;
  Attributes attributes;
  struct Event {
    std::string name;
    TraceTime at;
    Attributes attributes;
  };
  std::vector<Event> events;
  SpanStatus status = SpanStatus::unset;
  std::string status_description;

  /// The attribute named `key`, or null.
  PARADIGM_API const AttributeValue* attribute(std::string_view key) const;
  /// True for a span with no parent.
  PARADIGM_API bool is_root() const noexcept;
};

/// A Tracer that makes real ids (random, W3C) and hands each span, once
/// ended, to `on_end`. The base of InMemoryTracer and OtlpExporter.
class PARADIGM_API RecordingTracer : public Tracer {
 public:
  std::unique_ptr<Span> start_span(const SpanStart& start) override;
  /// Receives each finished span, on the thread that ended it.
  virtual void on_end(SpanData span) = 0;
};

/// Keeps every finished span in memory: for tests and for inspecting a call.
class PARADIGM_API InMemoryTracer final : public RecordingTracer {
 public:
  void on_end(SpanData span) override;
  /// The spans finished so far, in the order they ended.
  std::vector<SpanData> spans() const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<SpanData> spans_;
};

/// One histogram or counter stream: its attributes and its values.
struct MetricPoint {
  /// Attribute keys and values, as strings (e.g. {"error.type", "RateLimitError"}).
  std::map<std::string, std::string> attributes;
  /// Counters: the total. Histograms: the sum.
  double value = 0;
  /// Histograms: how many values, per bucket (bounds().size() + 1 buckets), min and max.
  std::uint64_t count = 0;
  std::vector<std::uint64_t> bucket_counts;
  double min = 0;
  double max = 0;
};

/// A metric as read: its name, unit, kind and streams.
struct MetricData {
  enum class Kind { histogram, counter, up_down_counter };
  std::string name;
  std::string description;
  std::string unit;
  Kind kind = Kind::counter;
  /// Histograms: the explicit bucket boundaries.
  std::vector<double> bounds;
  std::vector<MetricPoint> points;
};

/// The SDK's metrics, cumulative since the Metrics object was made:
/// `gen_ai.client.operation.duration` and `http.client.request.duration`
/// (seconds, the conventions' buckets), `paradigm.client.retries`,
/// `paradigm.client.polls`, `paradigm.client.failures` (by error.type) and
/// `paradigm.client.turns_in_flight`. Thread-safe; share one between clients.
class PARADIGM_API Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  /// Every metric, read now.
  std::vector<MetricData> snapshot() const;
  /// The metric named `name` in snapshot(), or nullopt.
  std::optional<MetricData> find(std::string_view name) const;

  /// Recording, for the SDK (and for adapters that feed other systems).
  void record_operation(double seconds, const std::map<std::string, std::string>& attributes);
  void record_http(double seconds, const std::map<std::string, std::string>& attributes);
  void add_retry(const std::map<std::string, std::string>& attributes);
  void add_poll(const std::map<std::string, std::string>& attributes);
  void add_failure(const std::map<std::string, std::string>& attributes);
  void add_turns_in_flight(std::int64_t delta);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Settings of the OTLP/HTTP JSON exporter. `from_env()` reads
/// OTEL_EXPORTER_OTLP_ENDPOINT (and the _TRACES_/_METRICS_ endpoints),
/// OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_TRACES_EXPORTER and
/// OTEL_METRICS_EXPORTER ("otlp" or "none").
struct PARADIGM_API OtlpOptions {
  /// The collector's base URL; /v1/traces and /v1/metrics are appended.
  std::string endpoint = "http://localhost:4318";
  /// Full URLs that override endpoint + /v1/... when set.
  std::string traces_endpoint;
  std::string metrics_endpoint;
  /// Sent with every export (e.g. an authorization header of the collector's).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string service_name = "unknown_service";
  bool export_traces = true;
  bool export_metrics = true;
  /// Finished spans waiting to be sent; beyond it spans are dropped and counted.
  std::size_t max_queue_size = 2048;
  /// Spans per request.
  std::size_t max_batch_size = 512;
  /// How often queued spans are sent (or sooner, once a batch is full).
  std::chrono::milliseconds schedule_delay{1000};
  /// How often metrics are sent.
  std::chrono::milliseconds metrics_interval{10000};
  /// One export request's limit.
  std::chrono::milliseconds timeout{5000};

  /// The settings the environment gives; nullopt when it names no endpoint
  /// and no exporter (OTEL_TRACES_EXPORTER=otlp alone uses the default endpoint).
  static std::optional<OtlpOptions> from_env();
};

/// What the exporter did so far.
struct OtlpStats {
  std::uint64_t spans_exported = 0;
  /// Dropped because the queue was full (the collector slow or down).
  std::uint64_t spans_dropped = 0;
  /// In requests that failed (connection refused, timeout, non-2xx).
  std::uint64_t spans_failed = 0;
  std::uint64_t metric_exports = 0;
  std::uint64_t failed_requests = 0;
};

/// The built-in exporter: a Tracer whose spans are sent, in batches, to an
/// OTLP/HTTP collector as JSON (/v1/traces), with a Metrics object sent to
/// /v1/metrics. Sends on a thread of its own with its own libcurl handle:
/// a call never waits for it and never fails because of it; when the
/// collector is slow or down, spans beyond the queue are dropped and counted.
class PARADIGM_API OtlpExporter final : public RecordingTracer {
 public:
  explicit OtlpExporter(OtlpOptions options, std::shared_ptr<Metrics> metrics = nullptr);
  /// Sends what is queued (within one timeout), then stops the thread.
  ~OtlpExporter() override;
  OtlpExporter(const OtlpExporter&) = delete;
  OtlpExporter& operator=(const OtlpExporter&) = delete;

  void on_end(SpanData span) override;
  /// Sends everything queued now (and the metrics); returns when done or after `timeout`.
  bool flush(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  OtlpStats stats() const;
  const std::shared_ptr<Metrics>& metrics() const noexcept { return metrics_; }

 private:
  struct Worker;
  std::shared_ptr<Metrics> metrics_;
  std::unique_ptr<Worker> worker_;
};

/// Telemetry exporting by OTLP as the environment says (OtlpOptions::from_env),
/// or empty when it says nothing. The CLI uses it.
PARADIGM_API Telemetry telemetry_from_env();

}  // namespace paradigm
