#pragma once

#include <paradigm/api_key.hpp>
#include <paradigm/cancellation.hpp>
#include <paradigm/executor.hpp>
#include <paradigm/export.hpp>
#include <paradigm/external_loop.hpp>
#include <paradigm/headers.hpp>
#include <paradigm/logging.hpp>
#include <paradigm/trace_context.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace paradigm {

struct Turn;
struct TurnProgress;

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
  /// Give up (WaitTimeoutError) after this long. Polls that fail with a
  /// connection failure, a timeout, 408, 429 or 5xx do not end the wait: it
  /// goes on polling (with this backoff, and Retry-After) until this deadline,
  /// and the WaitTimeoutError then names the last failure. Other answers
  /// (404, 401, ...) end it at once.
  std::chrono::milliseconds deadline{std::chrono::minutes(30)};
};

/// A failure the SDK is working through: an attempt about to be retried, or
/// a poll of a running turn that failed and will be repeated (an outage).
/// ClientOptions::on_retry and CallOptions::on_retry receive one per failure,
/// e.g. to show "still trying: connection refused, attempt 3, 12 s".
struct RetryNotice {
  /// The request that failed, e.g. "GET https://host/api/v3/threads/t1/turns/u1".
  std::string request;
  /// What went wrong: "connection refused (...)", "HTTP 503", ...
  std::string error;
  /// Attempts of that request so far, or, while waiting for a turn, polls
  /// that failed in a row (1 for the first failure).
  int attempt = 0;
  /// Time since the call (or, for a wait, the first failure in a row) began.
  std::chrono::milliseconds elapsed{0};
  /// The pause before the next try.
  std::chrono::milliseconds delay{0};
  /// True while waiting for a running turn (the turn goes on on the server).
  bool waiting_for_turn = false;
};

/// Receives each RetryNotice. Runs on the thread performing the call; must not throw.
using RetryHandler = std::function<void(const RetryNotice&)>;

/// The Paradigm release the server runs, when it is older than the one this
/// SDK is written for. Releases before Wise Wolf (February 2026) spell the
/// workspace scope `workspaces_ids`; the client sends that spelling for them.
enum class ServerRelease {
  /// Wise Wolf (February 2026) and later.
  current,
  /// Victorious Vicuna (January 2026).
  victorious_vicuna,
  /// Unique Urchin (December 2025).
  unique_urchin,
};

/// True for the releases before Wise Wolf (the legacy agentic threads documentation).
constexpr bool is_legacy(ServerRelease release) noexcept {
  return release != ServerRelease::current;
}

/// How a blocking call whose answer is held in memory reaches the server
/// (streams and downloads always run on the calling thread, where their
/// handlers and sinks run; asynchronous calls always run on the event loop).
/// docs/architecture.md has the route table.
enum class BlockingRoute {
  /// `event_loop` for https:// (where HTTP/2 may multiplex), `calling_thread` for http://.
  automatic,
  /// Through the connection's event loop: one libcurl multi handle, one pool of
  /// connections and HTTP/2 multiplexing shared with every other call of the
  /// connection; the caller's thread waits (two switches between threads a call).
  event_loop,
  /// On the calling thread, over a connection of the blocking calls' own pool.
  calling_thread,
};

/// Client-wide settings. `ClientOptions::from_env()` fills base_url and api_key
/// from PARADIGM_BASE_URL and PARADIGM_API_KEY, and the logger from PARADIGM_LOG.
struct PARADIGM_API ClientOptions {
  /// Instance root, with or without a trailing `/api/v3`.
  std::string base_url = "https://paradigm.lighton.ai";
  /// Sent as `Authorization: Bearer <api_key>`; never logged, prints as [REDACTED].
  ApiKey api_key;
  /// The server's release, when older than Wise Wolf.
  ServerRelease server_release = ServerRelease::current;

  /// Limit of one attempt's connection (TCP and TLS handshake).
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  /// Limit of one attempt of an ordinary call (each retry gets its own;
  /// total_timeout bounds them all). Streams and downloads have none unless
  /// CallOptions::request_timeout sets one.
  std::chrono::milliseconds request_timeout{std::chrono::seconds(600)};
  /// Abort a transfer that receives no byte for this long (all calls). For a
  /// stream this is its idle limit: a keep-alive comment counts as a byte.
  std::chrono::milliseconds stall_timeout{std::chrono::seconds(120)};
  /// Limit of one request with all its attempts and backoff pauses: when it
  /// is reached no new attempt starts, an attempt in flight is cut (not the
  /// transfer of a stream or a download, which lasts as long as it delivers),
  /// and the error says how many attempts were made in how long. 0: none. Waiting for a running turn between
  /// requests is bounded by WaitPolicy::deadline instead; CallOptions::total_timeout bounds a whole call,
  /// waits included.
  std::chrono::milliseconds total_timeout{std::chrono::minutes(10)};

  RetryPolicy retry;
  WaitPolicy wait;
  /// create_thread_with_turn sends the thread (POST /api/v3/threads), then the
  /// turn in it: when a create's answer is lost, the new thread's turns say
  /// for certain whether it was created (docs/reliability.md). False: one
  /// request (POST /api/v3/threads/turns), one round trip less, and such a
  /// loss ends in UnconfirmedTurnError. Servers older than Wise Wolf
  /// (`server_release`) always get the one request.
  bool create_thread_first = true;

  /// Appended to `User-Agent: paradigm-cpp/<version> libcurl/<version>`.
  std::string user_agent_suffix;
  /// e.g. "http://proxy:3128"; empty uses libcurl's defaults (environment variables).
  std::string proxy;
  /// PEM bundle or directory of CA certificates; empty uses the system's.
  std::string ca_bundle;
  std::string ca_path;
  /// TLS peer and host verification. Turning it off logs a warning on every client.
  bool verify_tls = true;

  /// Told of each failure the SDK retries or waits through (CallOptions::on_retry overrides it).
  RetryHandler on_retry;

  /// Log destination and threshold; no logger means no logging.
  Logger logger;
  LogLevel log_level = LogLevel::info;
  /// Also send libcurl's verbose trace to the logger (debug level), with
  /// credentials removed. For diagnosing connection problems.
  bool curl_verbose = false;

  /// JSON answers and in-memory downloads larger than this are refused with
  /// DecodeError (downloads to a file or a sink are not limited).
  std::size_t max_response_bytes = std::size_t{256} << 20;
  /// Connections open at once: blocking calls beyond it wait for one (within
  /// their timeouts and cancellation) instead of opening more; the
  /// asynchronous engine queues its exchanges likewise (and multiplexes them
  /// over HTTP/2 when the server offers it). Each of the two has this cap.
  std::size_t max_connections = 32;
  /// Idle connections kept for reuse by blocking calls (at most max_connections).
  std::size_t max_idle_connections = 16;
  /// How blocking calls whose answer is held in memory travel.
  BlockingRoute blocking_route = BlockingRoute::automatic;

  /// Reads PARADIGM_API_KEY, PARADIGM_BASE_URL and PARADIGM_LOG (debug|info|warning|error).
  static ClientOptions from_env();

  /// Where the continuations of every asynchronous call run (`then`, a
  /// coroutine's resumption; CallOptions::executor overrides it for one
  /// call). Empty: on the thread that completes the call (the event loop's),
  /// or at once when the result is already there. See <paradigm/executor.hpp>.
  Executor executor;
  /// Run the asynchronous engine on your event loop instead of a thread of
  /// the SDK's own: your loop watches libcurl's sockets and the engine's
  /// timer, and every asynchronous call's steps and handlers run on it.
  /// Empty: one thread per connection, started on first use.
  /// `paradigm::asio_loop(io_context.get_executor())` (<paradigm/asio.hpp>)
  /// is one; <paradigm/external_loop.hpp> says how to write others. Blocking
  /// calls then always run on the calling thread.
  ExternalLoop external_loop;

  /// Traces and metrics of every call (<paradigm/tracing.hpp>,
  /// docs/observability.md). Empty: none, at no cost.
  Telemetry telemetry;
};

/// What the answer that produced a call's result said: the final answer of a
/// request, the last poll of a wait, the fetch that closed a stream.
struct ResponseInfo {
  /// The request, e.g. "GET" "/api/v3/threads/abc".
  std::string method;
  std::string path;
  int status = 0;
  /// `x-request-id` (or a similar header) when the server sent one.
  std::string request_id;
  /// The answer's headers (the API key, if echoed, reads `[REDACTED]`).
  Headers headers;
  /// Attempts that request took (1 when it was not retried).
  int attempts = 0;
};

/// Per-call transport overrides. Everything is optional.
struct CallOptions {
  std::optional<std::chrono::milliseconds> connect_timeout;
  /// Limit of each attempt, streams and downloads included.
  std::optional<std::chrono::milliseconds> request_timeout;
  std::optional<std::chrono::milliseconds> stall_timeout;
  /// Limit of everything this call does, from its start: every attempt,
  /// backoff pause, poll of a running turn (after a 202, wait_for_turn) and
  /// stream. Past it the call ends: TimeoutError (a request or a stream cut)
  /// or WaitTimeoutError (while waiting for a turn). Replaces
  /// ClientOptions::total_timeout for this call.
  std::optional<std::chrono::milliseconds> total_timeout;
  std::optional<RetryPolicy> retry;
  /// Told of each failure this call retries or waits through, instead of ClientOptions::on_retry.
  RetryHandler on_retry;
  /// Stops this call's waiting and transfers with CancelledError.
  CancellationToken cancellation;
  /// Headers added to the request (cannot replace Authorization).
  Headers extra_headers;
  /// When set, receives the metadata of the answer that produced the call's
  /// result once the call succeeds. One per call: do not share it between
  /// calls running at the same time.
  ResponseInfo* response_info = nullptr;
  /// Where this call's continuations run, instead of ClientOptions::executor
  /// (`paradigm::inline_executor()`: on the thread completing the call).
  Executor executor;
  /// The parent of this call's span (and of the `traceparent` it sends), e.g.
  /// the span of the user request being served; unset: the tracer's current
  /// context, else a new trace.
  std::optional<SpanContext> trace_parent;
};

/// How a call waits for a running turn (`wait_for_turn`, a create answered
/// 202, a stream that ends before its turn).
struct WaitOptions {
  /// Overrides ClientOptions::wait.
  std::optional<WaitPolicy> policy;
  /// Overrides only the deadline of the policy in force, e.g.
  /// `wait.deadline = std::chrono::minutes(5);`.
  std::optional<std::chrono::milliseconds> deadline;
  /// Called with each state of the turn seen while waiting (e.g. to show tool progress).
  std::function<void(const Turn&)> on_update;
  /// Called with each thing the turn did, once, as the call learns it
  /// (reasoning, tool calls and their steps, answer text, the end): the same
  /// events whether the turn is streamed or polled, and from a create's
  /// answer too. See <paradigm/progress.hpp>.
  std::function<void(const TurnProgress&)> on_progress;
  /// Pause before the first poll too, instead of polling at once: for a turn
  /// just seen running (what a background create returns), whose first poll
  /// would only repeat that state. TurnSet waits this way.
  bool pause_first = false;
};

/// How `create_turn` and `create_thread_with_turn` treat a turn that is still running.
struct CreateOptions {
  /// Wait through a 202 until the turn finishes. Ignored when the request has
  /// `background = true` (the `running` turn is then returned at once).
  bool wait = true;
  WaitOptions waiting;
};

/// How `stream_turn` ends.
struct StreamOptions {
  /// When the handler stops the stream, also cancel the turn on the server.
  bool cancel_on_stop = false;
  /// Waiting for a turn still running when the stream ends.
  WaitOptions waiting;
};

}  // namespace paradigm
