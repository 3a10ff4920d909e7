#include "record_replay/recording_transport.hpp"

#include "core/text.hpp"
#include "sse/sse_parser.hpp"

#include <chrono>

namespace paradigm::detail {

namespace {

using Steady = std::chrono::steady_clock;

bool is_success(int status) {
  return status >= 200 && status < 300;
}

// Passes everything to the caller's sink and keeps a copy: the body, or the
// events of a stream with their arrival time.
class CapturingSink final : public BodySink {
 public:
  CapturingSink(BodySink& inner, std::size_t max_bytes) : inner_(inner), max_bytes_(max_bytes) {}

  void reset() override {
    inner_.reset();
    body_.clear();
    events_.clear();
    parser_ = SseParser();
    received_ = 0;
    truncated_ = false;
  }
  bool on_head(int status, const Headers& headers) override {
    streamed_ = headers.get("Content-Type").value_or("").rfind("text/event-stream", 0) == 0;
    return inner_.on_head(status, headers);
  }
  bool on_data(std::string_view bytes) override {
    keep(bytes);
    return inner_.on_data(bytes);
  }
  bool committed() const override { return inner_.committed(); }
  std::exception_ptr failure() const override { return inner_.failure(); }

  /// After a stream that ended normally: its last event, if no blank line closed it.
  void finish_stream() {
    if (streamed_ && !truncated_) parser_.finish([this](const StreamEvent& event) { return add(event); });
  }

  bool streamed() const { return streamed_; }
  bool truncated() const { return truncated_; }
  std::string take_body() { return std::move(body_); }
  std::vector<RecordedEvent> take_events() { return std::move(events_); }

 private:
  void keep(std::string_view bytes) {
    if (truncated_) return;
    if (bytes.size() > max_bytes_ - received_) {
      truncated_ = true;
      bytes = bytes.substr(0, max_bytes_ - received_);
    }
    received_ += bytes.size();
    if (streamed_) {
      parser_.feed(bytes, [this](const StreamEvent& event) { return add(event); });
    } else {
      body_.append(bytes);
    }
  }
  bool add(const StreamEvent& event) {
    const auto at = std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - start_);
    events_.push_back({at.count(), event.event, event.data, event.id});
    return true;
  }

  BodySink& inner_;
  const std::size_t max_bytes_;
  const Steady::time_point start_ = Steady::now();
  bool streamed_ = false;
  bool truncated_ = false;
  std::size_t received_ = 0;
  std::string body_;
  SseParser parser_;
  std::vector<RecordedEvent> events_;
};

bool is_kept_header(std::string_view name, bool compressed) {
  for (std::string_view hop : {"connection", "keep-alive", "transfer-encoding", "content-encoding"}) {
    if (iequals(name, hop)) return false;
  }
  // The length of the compressed body is not the one replayed.
  return !(compressed && iequals(name, "content-length"));
}

}  // namespace

Recorder::Recorder(std::string base_url, std::shared_ptr<CassetteWriter> writer, Redactor redactor,
                   std::size_t max_body_bytes)
    : base_url_(std::move(base_url)),
      writer_(std::move(writer)),
      redactor_(std::move(redactor)),
      max_body_bytes_(max_body_bytes) {}

std::shared_ptr<BodySink> Recorder::capture(BodySink& sink) const {
  return std::make_shared<CapturingSink>(sink, max_body_bytes_);
}

Outcome Recorder::write(const Exchange& exchange, BodySink& captured, Outcome outcome) const {
  auto& capture = static_cast<CapturingSink&>(captured);
  RecordedExchange recorded;
  recorded.method = exchange.method;
  std::string target =
      exchange.url.rfind(base_url_, 0) == 0 ? exchange.url.substr(base_url_.size()) : exchange.url;
  const auto question = target.find('?');
  recorded.path = redactor_.text(target.substr(0, question));
  recorded.query = question == std::string::npos ? "" : redactor_.text(target.substr(question + 1));
  if (exchange.body) recorded.request_body = redactor_.body(*exchange.body);

  recorded.status = outcome.status;
  const bool compressed = outcome.headers.contains("Content-Encoding");
  for (const auto& [name, value] : outcome.headers) {
    // A header carrying a secret is left out, not edited: its meaning would change.
    if (Redactor::is_credential_header(name) || !is_kept_header(name, compressed) || redactor_.leaks(name) ||
        redactor_.leaks(value)) {
      continue;
    }
    recorded.response_headers.add(name, value);
  }
  if (outcome.kind == OutcomeKind::completed) capture.finish_stream();
  recorded.streamed = capture.streamed() && is_success(outcome.status);
  if (recorded.streamed) {
    recorded.events = capture.take_events();
    for (auto& event : recorded.events) {
      event.event = redactor_.text(std::move(event.event));
      event.data = redactor_.body(std::move(event.data));
      if (event.id) event.id = redactor_.text(std::move(*event.id));
    }
  } else {
    recorded.response_body =
        redactor_.body(is_success(outcome.status) ? capture.take_body() : outcome.error_body);
  }
  if (outcome.kind == OutcomeKind::failed || outcome.kind == OutcomeKind::failed_after_commit)
    recorded.transfer_error = outcome.error;
  recorded.truncated = capture.truncated();

  try {
    writer_->write(recorded);
  } catch (...) {
    Outcome failed;
    failed.kind = OutcomeKind::stopped;
    failed.status = outcome.status;
    failed.receiver_error = std::current_exception();
    return failed;
  }
  return outcome;
}

Outcome RecordingTransport::perform(const Exchange& exchange, BodySink& sink) {
  std::shared_ptr<BodySink> capture = recorder_->capture(sink);
  Outcome outcome = inner_->perform(exchange, *capture);
  return recorder_->write(exchange, *capture, std::move(outcome));
}

void RecordingAsyncTransport::start(const Exchange& exchange, BodySink& sink,
                                    std::function<void(Outcome)> done) {
  std::shared_ptr<BodySink> capture = recorder_->capture(sink);
  BodySink& captured = *capture;
  inner_->start(exchange, captured,
                [recorder = recorder_, &exchange, capture = std::move(capture), done = std::move(done)](
                    Outcome outcome) { done(recorder->write(exchange, *capture, std::move(outcome))); });
}

}  // namespace paradigm::detail
