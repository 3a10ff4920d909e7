#pragma once

// The state every copy of a ThreadsClient shares, and the one place requests
// are sent: headers, timeouts, retries, logging, error mapping.

#include <paradigm/client.hpp>
#include <paradigm/errors.hpp>
#include <paradigm/options.hpp>

#include "http/curl_pool.hpp"
#include "http/transfer.hpp"
#include "retry/clock.hpp"
#include "retry/retry_policy.hpp"

#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// One API request, before it is sent.
struct RequestSpec {
  std::string method = "GET";
  /// Path from the instance root with encoded segments, e.g. "/api/v3/threads/abc".
  std::string path;
  QueryParams query;
  /// JSON body, for POST and PATCH.
  std::optional<std::string> body;
  RequestSafety safety = RequestSafety::idempotent;
  /// The server may work before answering (turn creation): the stall clock
  /// starts at the first response byte.
  bool slow_to_answer = false;
  /// Streams and downloads: no total time limit, only the stall limit.
  bool unbounded = false;
  std::string accept = "application/json";
};

/// A buffered answer (2xx).
struct Response {
  int status = 0;
  Headers headers;
  std::string body;
};

/// Receives a 2xx body as it arrives (streams, downloads). Error answers never
/// reach it: the core buffers and maps them.
class BodyTarget {
 public:
  virtual ~BodyTarget() = default;
  /// Before each attempt: drop what a failed attempt produced.
  virtual void begin_attempt() {}
  virtual bool on_head(int /*status*/, const Headers& /*headers*/) { return true; }
  virtual bool on_data(std::string_view bytes) = 0;
  /// Once true, output has left the SDK's hands and the request is never retried.
  virtual bool committed() const { return false; }
  /// Why the target stopped the transfer, when it was an error to report.
  virtual std::exception_ptr failure() const { return nullptr; }
};

/// The DecodeError of an answer held in memory that outgrew max_response_bytes
/// (`limit`); `advice` says what to do instead, when there is something.
std::exception_ptr response_too_large(std::size_t limit, std::string_view advice = {});

class ClientCore {
 public:
  ClientCore(ClientOptions options, std::shared_ptr<Clock> clock);

  const ClientOptions& options() const noexcept { return options_; }
  Clock& clock() const noexcept { return *clock_; }
  /// The effective retry / wait policy of a call.
  RetryPolicy retry_policy(const CallOptions& call) const { return call.retry.value_or(options_.retry); }

  /// Sends and buffers the answer. Throws the mapped error for HTTP errors,
  /// transport failures, cancellation, and answers over max_response_bytes.
  Response send(const RequestSpec& spec, const CallOptions& call);

  /// Sends and streams a 2xx body to `target`. Returns when the exchange
  /// completed, or when it failed after the target committed (then
  /// `result.error` says how: the caller decides what that means). Throws
  /// otherwise, like send().
  TransferResult send_streaming(const RequestSpec& spec, const CallOptions& call, BodyTarget& target);

  /// Throws the error of a failed transfer (ConnectionError, TimeoutError, CancelledError).
  [[noreturn]] void throw_failure(const TransferResult& result, const RequestSpec& spec) const;

  void log(LogLevel level, std::string message, const RequestSpec* spec = nullptr, int status = 0,
           int attempt = 0, std::chrono::milliseconds delay = {}, std::string request_id = {}) const;
  bool logs(LogLevel level) const noexcept {
    return options_.logger && level >= options_.log_level && options_.log_level != LogLevel::off;
  }

  /// Set once a server shows it has no GET /threads/{id}/turns/{turn_id}.
  std::atomic<bool> turn_route_missing{false};

 private:
  TransferRequest make_transfer(const RequestSpec& spec, const CallOptions& call) const;
  TransferResult attempt(const TransferRequest& request, BodyTarget& target, std::string& error_body);

  ClientOptions options_;
  std::string base_url_;
  std::string user_agent_;
  std::string authorization_;
  std::shared_ptr<Clock> clock_;
  CurlPool pool_;
};

}  // namespace paradigm::detail
