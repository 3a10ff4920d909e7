#pragma once

// A Transport that answers from a script instead of a network: each expected
// request gets its scripted answer, delivered through the same Delivery the
// libcurl transport uses (so the outcome of every answer is decided by the
// same code). With a FakeClock, every workflow runs without a socket.

#include <paradigm/client.hpp>
#include <paradigm/errors.hpp>

#include "connection/make_connection.hpp"
#include "support/fake_clock.hpp"
#include "transport/delivery.hpp"
#include "transport/transport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paradigm::testing {

using detail::TransferError;

/// What the transport does with one expected request.
struct ScriptedAnswer {
  int status = 200;
  Headers headers;
  /// The body, in the pieces it arrives in.
  std::vector<std::string> chunks;
  /// Fail before any answer byte (connect, reset, ...): the request may not have arrived.
  TransferError fail_before = TransferError::none;
  /// Deliver the head and the chunks, then fail like this.
  TransferError fail_after = TransferError::none;
  /// Runs before the answer is delivered (to cancel a token, finish a turn...).
  std::function<void()> before;

  ScriptedAnswer& header(std::string name, std::string value) {
    headers.add(std::move(name), std::move(value));
    return *this;
  }
};

/// A JSON answer.
inline ScriptedAnswer json_answer(int status, std::string body) {
  ScriptedAnswer answer;
  answer.status = status;
  answer.headers.add("Content-Type", "application/json");
  answer.chunks.push_back(std::move(body));
  return answer;
}
inline ScriptedAnswer json_answer(std::string body) {
  return json_answer(200, std::move(body));
}

/// An SSE answer, one chunk per event.
inline ScriptedAnswer sse_answer(const std::vector<std::pair<std::string, std::string>>& events) {
  ScriptedAnswer answer;
  answer.headers.add("Content-Type", "text/event-stream");
  for (const auto& [name, data] : events)
    answer.chunks.push_back("event: " + name + "\ndata: " + data + "\n\n");
  return answer;
}

/// A failure before any answer byte.
inline ScriptedAnswer failure(TransferError error) {
  ScriptedAnswer answer;
  answer.fail_before = error;
  return answer;
}

/// One request the transport received.
struct SentRequest {
  std::string method;
  /// The path with its query, without the base URL.
  std::string target;
  std::optional<std::string> body;
  std::vector<std::string> header_lines;
  /// The exchange's limits (0: none).
  std::chrono::milliseconds total_timeout{0};
  std::chrono::milliseconds connect_timeout{0};
};

class ScriptedTransport final : public detail::Transport {
 public:
  static constexpr const char* kBaseUrl = "https://paradigm.test";

  /// Answers each request with the first scripted step it matches, in any
  /// order (for concurrent calls); by default the steps must come in order.
  ScriptedTransport& any_order() {
    std::lock_guard<std::mutex> lock(mutex_);
    any_order_ = true;
    return *this;
  }

  /// Expects `method target` next (`target` is the path, with "?query" when
  /// the request has one) and answers it as scripted.
  ScriptedTransport& expect(std::string method, std::string target, ScriptedAnswer answer) {
    std::lock_guard<std::mutex> lock(mutex_);
    script_.push_back({std::move(method), std::move(target), std::move(answer)});
    return *this;
  }

  detail::Outcome perform(const detail::Exchange& exchange, detail::BodySink& sink) override {
    std::optional<Step> step = next(exchange);
    detail::Delivery delivery(sink);
    if (!step) return delivery.finish(0, TransferError::other, "unscripted request");
    ScriptedAnswer& answer = step->answer;
    if (answer.before) answer.before();
    if (exchange.cancellation.is_cancelled()) return delivery.finish(0, TransferError::cancelled, "");
    if (answer.fail_before != TransferError::none) return delivery.finish(0, answer.fail_before, "scripted");
    for (const auto& [name, value] : answer.headers)
      delivery.add_header(name, value);
    bool go_on = delivery.head(answer.status);
    for (std::size_t i = 0; go_on && i < answer.chunks.size(); ++i)
      go_on = delivery.data(answer.chunks[i]);
    return delivery.finish(answer.status, answer.fail_after, "scripted");
  }

  std::vector<SentRequest> sent() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sent_;
  }
  /// Scripted answers not used yet.
  std::size_t pending() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return script_.size();
  }

 private:
  struct Step {
    std::string method;
    std::string target;
    ScriptedAnswer answer;
  };

  std::optional<Step> next(const detail::Exchange& exchange) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string base = kBaseUrl;
    const std::string target =
        exchange.url.rfind(base, 0) == 0 ? exchange.url.substr(base.size()) : exchange.url;
    sent_.push_back({exchange.method, target, exchange.body, exchange.header_lines, exchange.total_timeout,
                     exchange.connect_timeout});
    if (script_.empty()) {
      ADD_FAILURE() << "unexpected request " << exchange.method << " " << target;
      return std::nullopt;
    }
    auto match = script_.begin();
    if (any_order_) {
      match = std::find_if(script_.begin(), script_.end(), [&](const Step& step) {
        return step.method == exchange.method && step.target == target;
      });
      if (match == script_.end()) {
        ADD_FAILURE() << "unscripted request " << exchange.method << " " << target;
        return std::nullopt;
      }
    }
    Step step = std::move(*match);
    script_.erase(match);
    EXPECT_EQ(exchange.method + " " + target, step.method + " " + step.target);
    return step;
  }

  mutable std::mutex mutex_;
  bool any_order_ = false;
  std::deque<Step> script_;
  std::vector<SentRequest> sent_;
};

/// A client on a scripted transport and a fake clock.
struct ScriptedClient {
  explicit ScriptedClient(ClientOptions options = default_options())
      : client(detail::make_connection(std::move(options), transport, clock)) {}

  static ClientOptions default_options() {
    ClientOptions options;
    options.base_url = ScriptedTransport::kBaseUrl;
    options.api_key = "test-key";
    // The scripts answer a new thread's turn as one request (POST
    // /api/v3/threads/turns); thread-first creation has tests of its own.
    options.create_thread_first = false;
    return options;
  }

  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  ThreadsClient client;
};

}  // namespace paradigm::testing
