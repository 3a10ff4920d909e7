// The SDK's metrics: cumulative histograms and counters keyed by attribute set.

#include <paradigm/tracing.hpp>

#include <algorithm>

namespace paradigm {

namespace {

using Key = std::map<std::string, std::string>;

// The GenAI conventions' advice for gen_ai.client.operation.duration.
const std::vector<double> kOperationBounds = {0.01, 0.02, 0.04, 0.08,  0.16,  0.32,  0.64,
                                              1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92};
// The HTTP conventions' advice for http.client.request.duration.
const std::vector<double> kHttpBounds = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25,
                                         0.5,   0.75, 1,     2.5,  5,     7.5, 10};

void observe(MetricPoint& point, const std::vector<double>& bounds, double value) {
  if (point.bucket_counts.empty()) {
    point.bucket_counts.assign(bounds.size() + 1, 0);
    point.min = point.max = value;
  }
  // OTLP buckets are (previous bound, bound]: the first bound not below the value.
  const auto bucket = std::lower_bound(bounds.begin(), bounds.end(), value) - bounds.begin();
  ++point.bucket_counts[static_cast<std::size_t>(bucket)];
  ++point.count;
  point.value += value;
  point.min = std::min(point.min, value);
  point.max = std::max(point.max, value);
}

}  // namespace

struct Metrics::State {
  std::mutex mutex;
  std::vector<MetricData> metrics;
  std::vector<std::map<Key, MetricPoint>> points;

  std::size_t add(std::string name, std::string description, std::string unit, MetricData::Kind kind,
                  std::vector<double> bounds = {}) {
    metrics.push_back(
        {std::move(name), std::move(description), std::move(unit), kind, std::move(bounds), {}});
    points.emplace_back();
    return metrics.size() - 1;
  }

  void record(std::size_t metric, const Key& attributes, double value) {
    std::lock_guard<std::mutex> lock(mutex);
    MetricPoint& point = points[metric][attributes];
    if (metrics[metric].kind == MetricData::Kind::histogram)
      return observe(point, metrics[metric].bounds, value);
    point.value += value;
  }
};

namespace {
enum MetricIndex : std::size_t { kOperation, kHttp, kRetries, kPolls, kFailures, kInFlight };
}  // namespace

Metrics::Metrics() : state_(std::make_unique<State>()) {
  using Kind = MetricData::Kind;
  state_->add("gen_ai.client.operation.duration", "GenAI operation duration", "s", Kind::histogram,
              kOperationBounds);
  state_->add("http.client.request.duration", "Duration of HTTP client requests", "s", Kind::histogram,
              kHttpBounds);
  state_->add("paradigm.client.retries", "Requests repeated after a failure", "{retry}", Kind::counter);
  state_->add("paradigm.client.polls", "Polls of a running turn", "{poll}", Kind::counter);
  state_->add("paradigm.client.failures", "Operations that failed, by error.type", "{failure}",
              Kind::counter);
  state_->add("paradigm.client.turns_in_flight", "Turns being created, streamed or waited for", "{turn}",
              Kind::up_down_counter);
  state_->points[kInFlight][{}];  // always reported, also at 0
}

Metrics::~Metrics() = default;

std::vector<MetricData> Metrics::snapshot() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  std::vector<MetricData> out = state_->metrics;
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (const auto& [attributes, point] : state_->points[i]) {
      out[i].points.push_back(point);
      out[i].points.back().attributes = attributes;
    }
  }
  return out;
}

std::optional<MetricData> Metrics::find(std::string_view name) const {
  for (MetricData& metric : snapshot()) {
    if (metric.name == name) return std::move(metric);
  }
  return std::nullopt;
}

void Metrics::record_operation(double seconds, const Key& attributes) {
  state_->record(kOperation, attributes, seconds);
}
void Metrics::record_http(double seconds, const Key& attributes) {
  state_->record(kHttp, attributes, seconds);
}
void Metrics::add_retry(const Key& attributes) {
  state_->record(kRetries, attributes, 1);
}
void Metrics::add_poll(const Key& attributes) {
  state_->record(kPolls, attributes, 1);
}
void Metrics::add_failure(const Key& attributes) {
  state_->record(kFailures, attributes, 1);
}
void Metrics::add_turns_in_flight(std::int64_t delta) {
  state_->record(kInFlight, {}, static_cast<double>(delta));
}

}  // namespace paradigm
