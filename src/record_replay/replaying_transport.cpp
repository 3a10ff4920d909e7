#include "record_replay/replaying_transport.hpp"

#include "retry/clock.hpp"
#include "transport/delivery.hpp"

#include <chrono>

namespace paradigm::detail {

namespace {

// A recorded event as a stream carries it.
std::string sse_text(const RecordedEvent& event) {
  std::string text = "event: " + event.event + "\n";
  std::size_t at = 0;
  for (;;) {
    const auto end = event.data.find('\n', at);
    text += "data: " + event.data.substr(at, end == std::string::npos ? std::string::npos : end - at) + "\n";
    if (end == std::string::npos) break;
    at = end + 1;
  }
  if (event.id) text += "id: " + *event.id + "\n";
  return text + "\n";
}

}  // namespace

ReplayingTransport::ReplayingTransport(std::vector<RecordedExchange> exchanges, std::string cassette,
                                       std::string base_url, ReplayOptions options, Redactor redactor)
    : exchanges_(std::move(exchanges)),
      cassette_(std::move(cassette)),
      base_url_(std::move(base_url)),
      options_(std::move(options)),
      redactor_(std::move(redactor)),
      served_(exchanges_.size(), false) {}

ReplayedRequest ReplayingTransport::request_of(const Exchange& exchange) const {
  const std::string target =
      exchange.url.rfind(base_url_, 0) == 0 ? exchange.url.substr(base_url_.size()) : exchange.url;
  const auto question = target.find('?');
  ReplayedRequest request;
  request.method = exchange.method;
  request.path = redactor_.text(target.substr(0, question));
  request.query = question == std::string::npos ? "" : redactor_.text(target.substr(question + 1));
  if (exchange.body) request.body = redactor_.body(*exchange.body);
  return request;
}

std::optional<std::size_t> ReplayingTransport::take(const ReplayedRequest& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<std::size_t> last_served;
  for (std::size_t i = 0; i < exchanges_.size(); ++i) {
    if (!compare(request, exchanges_[i], options_).all()) continue;
    if (!served_[i]) {
      served_[i] = true;
      return i;
    }
    last_served = i;
  }
  if (options_.allow_repeats) return last_served;
  return std::nullopt;
}

Outcome ReplayingTransport::mismatch(const ReplayedRequest& request) {
  const std::string shown = describe(request.method, request.path, request.query, request.body);
  std::string message = "the cassette " + cassette_ + " has no answer for " + shown;
  std::string nearest_shown;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<std::size_t> nearest;
    int best = -1;
    for (std::size_t i = 0; i < exchanges_.size(); ++i) {
      // The best score wins; among equals, one not served yet.
      const int score = 2 * compare(request, exchanges_[i], options_).score() + (served_[i] ? 0 : 1);
      if (score > best) {
        best = score;
        nearest = i;
      }
    }
    if (!nearest) {
      message += ": it holds no exchange";
    } else {
      const RecordedExchange& near = exchanges_[*nearest];
      nearest_shown = describe(near.method, near.path, near.query, near.request_body);
      const Agreement agreement = compare(request, near, options_);
      if (agreement.all()) {
        message +=
            "; the exchange recorded for it was served already (ReplayOptions::allow_repeats serves it "
            "again)";
      } else {
        message += "; the nearest recorded request, " + nearest_shown + ", differs in its " +
                   agreement.differences();
      }
    }
  }
  Outcome outcome;
  outcome.kind = OutcomeKind::stopped;
  outcome.receiver_error =
      std::make_exception_ptr(CassetteMismatchError(message, shown, std::move(nearest_shown)));
  return outcome;
}

Outcome ReplayingTransport::serve(const RecordedExchange& recorded, const Exchange& exchange,
                                  BodySink& sink) const {
  Delivery delivery(sink);
  const CancellationToken& token = exchange.cancellation;
  if (token.is_cancelled()) return delivery.finish(0, TransferError::cancelled, "cancelled");
  if (recorded.status == 0) {
    const TransferError error =
        recorded.transfer_error == TransferError::none ? TransferError::other : recorded.transfer_error;
    return delivery.finish(0, error, std::string("replayed from the cassette: ") + to_string(error));
  }
  for (const auto& [name, value] : recorded.response_headers)
    delivery.add_header(name, value);
  bool go_on = delivery.head(recorded.status);
  if (recorded.streamed) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; go_on && i < recorded.events.size(); ++i) {
      if (options_.replay_timing) {
        const auto due = start + std::chrono::milliseconds(recorded.events[i].at_ms);
        const auto wait =
            std::chrono::duration_cast<std::chrono::milliseconds>(due - std::chrono::steady_clock::now());
        if (!system_clock()->sleep_for(wait, token))
          return delivery.finish(recorded.status, TransferError::cancelled, "cancelled");
      }
      go_on = delivery.data(sse_text(recorded.events[i]));
    }
  } else if (!recorded.response_body.empty()) {
    delivery.data(recorded.response_body);
  }
  // The recorded answer ends where the recorded exchange did.
  TransferError end = recorded.transfer_error;
  if (recorded.truncated && end == TransferError::none) end = TransferError::reset;
  if (end == TransferError::cancelled && !token.is_cancelled()) end = TransferError::reset;
  if (end == TransferError::none) return delivery.finish(recorded.status, end, "");
  return delivery.finish(recorded.status, end, std::string("replayed from the cassette: ") + to_string(end));
}

Outcome ReplayingTransport::perform(const Exchange& exchange, BodySink& sink) {
  const ReplayedRequest request = request_of(exchange);
  const auto index = take(request);
  if (!index) return mismatch(request);
  return serve(exchanges_[*index], exchange, sink);
}

}  // namespace paradigm::detail
