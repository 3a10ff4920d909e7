// The OpenTelemetry environment variables the exporter honours.

#include <paradigm/tracing.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace paradigm {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string();
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// W3C Baggage-style percent-decoding of a header value.
std::string percent_decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool is_header_safe(const std::string& text) {
  return std::none_of(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f;
  });
}

// "name=value,name2=value2"; pairs that are malformed or would break a header line are skipped.
std::vector<std::pair<std::string, std::string>> parse_headers(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    const auto equals = item.find('=');
    if (equals != std::string::npos) {
      std::string name = trimmed(percent_decoded(item.substr(0, equals)));
      std::string value = trimmed(percent_decoded(item.substr(equals + 1)));
      if (!name.empty() && name.find(':') == std::string::npos && is_header_safe(name) &&
          is_header_safe(value)) {
        headers.emplace_back(std::move(name), std::move(value));
      }
    }
    start = end + 1;
  }
  return headers;
}

template <class Duration>
void read_millis(const char* name, Duration& out) {
  const std::string text = env(name);
  if (text.empty()) return;
  try {
    const long long value = std::stoll(text);
    if (value > 0) out = std::chrono::milliseconds(value);
  } catch (...) {
  }
}

void read_size(const char* name, std::size_t& out) {
  const std::string text = env(name);
  if (text.empty()) return;
  try {
    const long long value = std::stoll(text);
    if (value > 0) out = static_cast<std::size_t>(value);
  } catch (...) {
  }
}

}  // namespace

std::optional<OtlpOptions> OtlpOptions::from_env() {
  if (lowercase(trimmed(env("OTEL_SDK_DISABLED"))) == "true") return std::nullopt;
  const std::string traces = lowercase(trimmed(env("OTEL_TRACES_EXPORTER")));
  const std::string metrics = lowercase(trimmed(env("OTEL_METRICS_EXPORTER")));
  OtlpOptions options;
  options.endpoint = env("OTEL_EXPORTER_OTLP_ENDPOINT");
  options.traces_endpoint = env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  options.metrics_endpoint = env("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
  const bool named = !options.endpoint.empty() || !options.traces_endpoint.empty() ||
                     !options.metrics_endpoint.empty() || traces == "otlp" || metrics == "otlp";
  if (!named) return std::nullopt;
  // Only OTLP is built in: another exporter name ("console", "zipkin") or "none" turns that signal off.
  options.export_traces = traces.empty() || traces == "otlp";
  options.export_metrics = metrics.empty() || metrics == "otlp";
  // The SDK speaks http/json only; a collector's OTLP/HTTP port takes it (grpc does not).
  const std::string protocol = lowercase(trimmed(env("OTEL_EXPORTER_OTLP_PROTOCOL")));
  if (protocol == "grpc") return std::nullopt;
  if (!options.export_traces && !options.export_metrics) return std::nullopt;
  if (options.endpoint.empty()) options.endpoint = "http://localhost:4318";
  options.headers = parse_headers(env("OTEL_EXPORTER_OTLP_HEADERS"));
  const std::string service = trimmed(env("OTEL_SERVICE_NAME"));
  if (!service.empty()) options.service_name = service;
  read_millis("OTEL_EXPORTER_OTLP_TIMEOUT", options.timeout);
  read_millis("OTEL_BSP_SCHEDULE_DELAY", options.schedule_delay);
  read_millis("OTEL_METRIC_EXPORT_INTERVAL", options.metrics_interval);
  read_size("OTEL_BSP_MAX_QUEUE_SIZE", options.max_queue_size);
  read_size("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", options.max_batch_size);
  return options;
}

Telemetry telemetry_from_env() {
  std::optional<OtlpOptions> options = OtlpOptions::from_env();
  if (!options) return {};
  const bool traces = options->export_traces;
  auto exporter = std::make_shared<OtlpExporter>(std::move(*options));
  Telemetry telemetry;
  if (traces) telemetry.tracer = exporter;
  // Aliasing: the metrics keep the exporter (which sends them) alive.
  if (exporter->metrics()) telemetry.metrics = std::shared_ptr<Metrics>(exporter, exporter->metrics().get());
  return telemetry;
}

}  // namespace paradigm
