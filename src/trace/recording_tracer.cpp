// RecordingTracer: spans with real ids whose data goes to on_end; InMemoryTracer.

#include <paradigm/tracing.hpp>

#include <algorithm>
#include <random>

namespace paradigm {

Span::~Span() = default;
Tracer::~Tracer() = default;

const AttributeValue* SpanData::attribute(std::string_view key) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.key == key) return &attribute.value;
  }
  return nullptr;
}

bool SpanData::is_root() const noexcept {
  for (const std::uint8_t byte : parent_span_id) {
    if (byte != 0) return false;
  }
  return true;
}

namespace {

// Random ids: one generator per thread, seeded once, so no lock is taken.
template <std::size_t N>
void fill_random(std::array<std::uint8_t, N>& bytes) {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  do {
    for (std::size_t i = 0; i < N; i += 8) {
      std::uint64_t word = generator();
      for (std::size_t j = i; j < N && j < i + 8; ++j, word >>= 8)
        bytes[j] = static_cast<std::uint8_t>(word);
    }
  } while (std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; }));
}

class RecordingSpan final : public Span {
 public:
  RecordingSpan(RecordingTracer& tracer, SpanData data) : tracer_(tracer), data_(std::move(data)) {}
  ~RecordingSpan() override { end(data_.start); }  // a span dropped unended still reports itself

  SpanContext context() const override { return data_.context; }
  void set_attribute(std::string_view key, AttributeValue value) override {
    for (Attribute& attribute : data_.attributes) {
      if (attribute.key == key) return void(attribute.value = std::move(value));
    }
    data_.attributes.push_back({std::string(key), std::move(value)});
  }
  void add_event(std::string_view name, TraceTime at, Attributes attributes) override {
    data_.events.push_back({std::string(name), at, std::move(attributes)});
  }
  void set_status(SpanStatus status, std::string_view description) override {
    data_.status = status;
    data_.status_description = std::string(description);
  }
  void end(TraceTime at) override {
    if (ended_) return;
    ended_ = true;
    data_.end = std::max(at, data_.start);
    try {
      tracer_.on_end(std::move(data_));
    } catch (...) {
      // A failing tracer must not fail the call it traces.
    }
  }

 private:
  RecordingTracer& tracer_;
  SpanData data_;
  bool ended_ = false;
};

}  // namespace

std::unique_ptr<Span> RecordingTracer::start_span(const SpanStart& start) {
  SpanData data;
  data.name = std::string(start.name);
  data.kind = start.kind;
  data.start = start.start;
  data.attributes = start.attributes;
  if (start.parent && start.parent->valid()) {
    data.context.trace_id = start.parent->trace_id;
    data.context.flags = start.parent->flags;
    data.context.trace_state = start.parent->trace_state;
    data.parent_span_id = start.parent->span_id;
  } else {
    fill_random(data.context.trace_id);
  }
  fill_random(data.context.span_id);
  return std::make_unique<RecordingSpan>(*this, std::move(data));
}

void InMemoryTracer::on_end(SpanData span) {
  std::lock_guard<std::mutex> lock(mutex_);
  spans_.push_back(std::move(span));
}

std::vector<SpanData> InMemoryTracer::spans() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return spans_;
}

void InMemoryTracer::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  spans_.clear();
}

}  // namespace paradigm
