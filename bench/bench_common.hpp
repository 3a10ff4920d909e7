#pragma once

// Shared by the benchmark programs: "--name value" arguments, a monotonic
// clock, and JSON on stdout (scripts/bench.sh aggregates it).

#include <paradigm/paradigm.hpp>
#include <paradigm/tracing.hpp>

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

namespace bench {

/// "--name value" pairs; the first argument without "--" is the mode.
class Args {
 public:
  Args(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg.rfind("--", 0) == 0 && i + 1 < argc) {
        values_[arg.substr(2)] = argv[++i];
      } else {
        mode_ = arg;
      }
    }
  }
  std::string get(const std::string& name, const std::string& fallback = "") const {
    const auto it = values_.find(name);
    if (it != values_.end()) return it->second;
    if (fallback.empty()) throw std::invalid_argument("missing --" + name);
    return fallback;
  }
  /// The value, or "" when the argument is absent.
  std::string optional(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
  }
  long long number(const std::string& name, long long fallback) const {
    return std::stoll(get(name, std::to_string(fallback)));
  }
  const std::string& mode() const { return mode_; }

 private:
  std::map<std::string, std::string> values_;
  std::string mode_;
};

inline std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

inline double seconds_since(std::int64_t start_ns) {
  return static_cast<double>(steady_ns() - start_ns) / 1e9;
}

/// CPU time of this process so far (user + system, every thread), in seconds.
inline double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Peak resident set size of this process so far, in bytes.
inline std::int64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

/// A Tracer that makes every span (ids, attributes, events) and drops it when
/// it ends: the SDK's own cost of tracing, without an exporter's.
class DiscardingTracer final : public paradigm::RecordingTracer {
 public:
  void on_end(paradigm::SpanData) override {}
};

/// Issue 23: `--telemetry none|discard|otlp` (`--otlp-endpoint URL`): no
/// tracing, spans made and dropped (with metrics), or the OTLP exporter.
inline paradigm::Telemetry telemetry_for(const Args& args) {
  const std::string mode = args.get("telemetry", "none");
  paradigm::Telemetry telemetry;
  if (mode == "discard") {
    telemetry.tracer = std::make_shared<DiscardingTracer>();
    telemetry.metrics = std::make_shared<paradigm::Metrics>();
  } else if (mode == "otlp") {
    paradigm::OtlpOptions otlp;
    otlp.endpoint = args.get("otlp-endpoint");
    auto exporter = std::make_shared<paradigm::OtlpExporter>(otlp);
    telemetry.tracer = exporter;
    telemetry.metrics = exporter->metrics();
  } else if (mode != "none") {
    throw std::invalid_argument("--telemetry none|discard|otlp");
  }
  return telemetry;
}

/// What the exporter did, when there is one (for the bench's JSON).
inline nlohmann::json telemetry_report(const paradigm::ThreadsClient& client) {
  auto exporter = std::dynamic_pointer_cast<paradigm::OtlpExporter>(client.options().telemetry.tracer);
  if (!exporter) return nullptr;
  const paradigm::OtlpStats stats = exporter->stats();
  return {{"spans_exported", stats.spans_exported},
          {"spans_dropped", stats.spans_dropped},
          {"spans_failed", stats.spans_failed}};
}

/// A client on the mock, with the SDK's default policies.
inline paradigm::ThreadsClient client_for(const Args& args) {
  paradigm::ClientOptions options;
  options.base_url = args.get("base-url");
  options.api_key = args.get("key", "test-key");
  options.ca_bundle = args.optional("ca-bundle");
  options.telemetry = telemetry_for(args);
  return paradigm::ThreadsClient(options);
}

inline void emit(const nlohmann::json& result) {
  std::cout << result.dump() << std::endl;
}

/// Runs `body`, printing {"error": ...} and returning 1 on an exception.
template <class Body>
int guarded_main(Body body) {
  try {
    body();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench: " << e.what() << '\n';
    emit({{"error", e.what()}});
    return 1;
  }
}

}  // namespace bench
