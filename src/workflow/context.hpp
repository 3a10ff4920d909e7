#pragma once

// What every workflow step reads: the connection's settings (shared by every
// call and every copy of a client) and the state of the one call it belongs to.

#include <paradigm/errors.hpp>
#include <paradigm/future.hpp>
#include <paradigm/options.hpp>

#include "retry/clock.hpp"
#include "trace/call_trace.hpp"
#include "transport/transport.hpp"
#include "workflow/request.hpp"
#include "workflow/runtime.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// One log event; fields left at their defaults are not shown.
struct LogEvent {
  LogEvent(LogLevel event_level, std::string text, const RequestSpec* about = nullptr)
      : level(event_level), message(std::move(text)), request(about) {}

  LogLevel level = LogLevel::debug;
  std::string message;
  const RequestSpec* request = nullptr;
  int status = 0;
  /// 1 for the first attempt, 2 for the first retry, ...
  int attempt = 0;
  std::chrono::milliseconds delay{0};
  std::string request_id;
};

/// The settings and the transport of one connection.
class ConnectionContext {
 public:
  /// Throws InvalidRequestError for an empty or multi-line api_key or a malformed base_url.
  ConnectionContext(ClientOptions options, std::shared_ptr<Transport> transport,
                    std::shared_ptr<Clock> clock);

  const ClientOptions& options() const noexcept { return options_; }
  Transport& transport() const noexcept { return *transport_; }
  Clock& clock() const noexcept { return *clock_; }
  const std::shared_ptr<Clock>& shared_clock() const noexcept { return clock_; }
  /// The API key as sent, for redaction.
  std::string_view secret() const noexcept { return secret_; }

  /// The URL of `path` as error messages show it: the base URL (host and any
  /// base path: a wrong one is the commonest first mistake) without
  /// user:password, then `path`. Never the query: its values may be secrets.
  std::string url_for_message(std::string_view path) const {
    return base_url_for_messages_ + std::string(path);
  }
  /// "GET https://host/base/api/v3/threads/abc", for messages.
  std::string describe(const RequestSpec& spec) const {
    return spec.method + " " + url_for_message(spec.path);
  }

  /// The exchange that sends `spec` with this call's overrides. Throws
  /// InvalidRequestError for an extra header that is not allowed.
  Exchange make_exchange(const RequestSpec& spec, const CallOptions& call) const;
  /// The retry policy of a call.
  RetryPolicy retry_policy(const CallOptions& call) const { return call.retry.value_or(options_.retry); }

  void log(const LogEvent& event) const;
  bool logs(LogLevel level) const noexcept {
    return options_.logger && level >= options_.log_level && options_.log_level != LogLevel::off;
  }

  /// Set once a server shows it has no GET /threads/{id}/turns/{turn_id}.
  mutable std::atomic<bool> turn_route_missing{false};

 private:
  ClientOptions options_;
  std::string base_url_;
  std::string base_url_for_messages_;
  std::string secret_;
  std::string authorization_;
  Route held_answer_route_ = Route::calling_thread;
  std::shared_ptr<Transport> transport_;
  std::shared_ptr<Clock> clock_;
};

/// One call in flight: what its steps share.
struct Call {
  Call(std::shared_ptr<const ConnectionContext> shared, Runtime& steps, CallOptions call_options)
      : connection(std::move(shared)),
        runtime(steps),
        options(std::move(call_options)),
        started(runtime.clock().now()) {
    if (options.total_timeout && options.total_timeout->count() > 0)
      deadline = started + *options.total_timeout;
  }

  const ConnectionContext& context() const noexcept { return *connection; }

  /// Tells whoever waits on the call which turn it is about, once known.
  void note_turn(const std::string& thread_id, const std::string& turn_id) const {
    if (on_turn_known) on_turn_known(TurnRef{thread_id, turn_id});
  }

  /// Who hears of the failures this call retries or waits through.
  const RetryHandler& retry_handler() const noexcept {
    return options.on_retry ? options.on_retry : context().options().on_retry;
  }

  std::shared_ptr<const ConnectionContext> connection;
  Runtime& runtime;
  CallOptions options;
  /// When the call began, and its end under CallOptions::total_timeout (none without it).
  std::chrono::steady_clock::time_point started;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  /// The last 2xx answer received, for CallOptions::response_info.
  ResponseInfo last_response;
  /// Set by asynchronous calls (Future::turn).
  std::function<void(const TurnRef&)> on_turn_known;
  /// The last request that can create something failed once it may have
  /// reached the server (its answer lost, or a 500): the server may have acted.
  bool ambiguous_failure = false;
  /// The call's spans and measurements; null when the client has no telemetry.
  std::unique_ptr<CallTrace> trace;
};

using CallPtr = std::shared_ptr<Call>;

}  // namespace paradigm::detail
