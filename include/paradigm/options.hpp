#pragma once

#include <paradigm/cancellation.hpp>
#include <paradigm/export.hpp>
#include <paradigm/headers.hpp>
#include <paradigm/logging.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace paradigm {

struct Turn;

/// When and how failed requests are retried.
///
/// Retried: connection failures, timeouts, resets, 408, 429, 500, 502, 503,
/// 504 (an `x-should-retry: true|false` header overrides). Requests that are
/// not idempotent (creating a turn or a thread, feedback) are retried only
/// when the server cannot have acted (connect failure, 408, 429, 503,
/// `x-should-retry: true`) unless `retry_non_idempotent` is set.
struct RetryPolicy {
  /// Retries after the first attempt (0 disables retrying).
  int max_retries = 2;
  /// Backoff before retry n (0-based): initial_backoff * multiplier^n, capped, with jitter x U(0.75, 1].
  std::chrono::milliseconds initial_backoff{500};
  double backoff_multiplier = 2.0;
  std::chrono::milliseconds max_backoff{8000};
  /// A `Retry-After` longer than this is not waited for: the error is thrown
  /// (RateLimitError::retry_after() tells how long the server asked for).
  std::chrono::milliseconds max_retry_after{60000};
  /// Also retry non-idempotent requests after a timeout, a reset or
  /// 500/502/504, accepting that the server may run a turn twice.
  bool retry_non_idempotent = false;
};

/// How a running turn is polled.
struct WaitPolicy {
  /// First pause between polls, then multiplied each time up to max_interval (with jitter).
  std::chrono::milliseconds initial_interval{500};
  double multiplier = 1.5;
  std::chrono::milliseconds max_interval{5000};
  /// Give up (WaitTimeoutError) after this long.
  std::chrono::milliseconds deadline{std::chrono::minutes(30)};
};

/// Client-wide settings. `ClientOptions::from_env()` fills base_url and api_key
/// from PARADIGM_BASE_URL and PARADIGM_API_KEY, and the logger from PARADIGM_LOG.
struct PARADIGM_API ClientOptions {
  /// Instance root, with or without a trailing `/api/v3`.
  std::string base_url = "https://paradigm.lighton.ai";
  /// Sent as `Authorization: Bearer <api_key>`; never logged.
  std::string api_key;

  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  /// Whole-request limit for ordinary calls (streams and downloads have none).
  std::chrono::milliseconds request_timeout{std::chrono::seconds(600)};
  /// Abort a transfer that receives no byte for this long (all calls).
  std::chrono::milliseconds stall_timeout{std::chrono::seconds(120)};

  RetryPolicy retry;
  WaitPolicy wait;

  /// Appended to `User-Agent: paradigm-cpp/<version> libcurl/<version>`.
  std::string user_agent_suffix;
  /// e.g. "http://proxy:3128"; empty uses libcurl's defaults (environment variables).
  std::string proxy;
  /// PEM bundle or directory of CA certificates; empty uses the system's.
  std::string ca_bundle;
  std::string ca_path;
  /// TLS peer and host verification. Turning it off logs a warning on every client.
  bool verify_tls = true;

  /// Log destination and threshold; no logger means no logging.
  Logger logger;
  LogLevel log_level = LogLevel::info;
  /// Also send libcurl's verbose trace to the logger (debug level), with
  /// credentials removed. For diagnosing connection problems.
  bool curl_verbose = false;

  /// JSON responses larger than this are refused with DecodeError (downloads are not limited).
  std::size_t max_response_bytes = std::size_t{256} << 20;
  /// Idle connections kept for reuse (one per concurrent caller up to this many).
  std::size_t max_idle_connections = 16;

  /// Reads PARADIGM_API_KEY, PARADIGM_BASE_URL and PARADIGM_LOG (debug|info|warning|error).
  static ClientOptions from_env();
};

/// Options of waiting for a turn (creates answered 202, `wait_for_turn`).
struct WaitOptions {
  /// Overrides ClientOptions::wait.
  std::optional<WaitPolicy> policy;
  /// Called with each state of the turn seen while waiting (e.g. to show tool progress).
  std::function<void(const Turn&)> on_update;
};

/// Per-call overrides. Everything is optional.
struct CallOptions {
  std::optional<std::chrono::milliseconds> connect_timeout;
  std::optional<std::chrono::milliseconds> request_timeout;
  std::optional<std::chrono::milliseconds> stall_timeout;
  std::optional<RetryPolicy> retry;
  /// Stops this call's waiting and transfers with CancelledError.
  CancellationToken cancellation;
  /// Headers added to the request (cannot replace Authorization).
  Headers extra_headers;
  /// Turn creation: wait through a 202 until the turn finishes (ignored when
  /// the request has `background = true`).
  bool wait = true;
  /// How this call waits, when it does.
  WaitOptions waiting;
  /// stream_turn: when the handler stops the stream, also cancel the turn on the server.
  bool cancel_on_stop = false;
};

}  // namespace paradigm
