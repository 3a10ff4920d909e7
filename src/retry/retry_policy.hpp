#pragma once

// The retry rules of DESIGN.md §4 as a pure function, so that every row of
// the table is unit-tested without a network or a real clock.

#include <paradigm/headers.hpp>
#include <paradigm/options.hpp>

#include "transport/transport.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace paradigm::detail {

/// Whether repeating a request can duplicate work on the server.
enum class RequestSafety {
  /// GET, and PATCHes that set a state (rename, archive, cancel).
  idempotent,
  /// Creates something (turns, threads) or toggles (feedback): repeat only
  /// when the server cannot have acted.
  unsafe,
};

/// The outcome of one attempt, as far as retrying is concerned.
struct AttemptOutcome {
  TransferError error = TransferError::none;
  /// HTTP status of the answer (0 when there was none).
  int status = 0;
  Headers headers;
};

struct RetryDecision {
  bool retry = false;
  std::chrono::milliseconds delay{0};
  /// The server's Retry-After, when it sent one (also when it was too long to honour).
  std::optional<std::chrono::milliseconds> retry_after;
  /// Why, for the log: "503 is retryable", "Retry-After exceeds max_retry_after", ...
  std::string reason;
};

/// The request an attempt belonged to, as far as retrying is concerned.
struct RetryContext {
  RetryPolicy policy;
  RequestSafety safety = RequestSafety::idempotent;
  /// Retries already made (0 after the first attempt).
  int retries_done = 0;
  /// Uniform in [0, 1), for the backoff's jitter.
  double jitter = 0.0;
  /// Resolves HTTP-date Retry-After values.
  std::chrono::system_clock::time_point now;
};

/// Decides whether to retry after an attempt failed with `outcome`.
/// Whether a request that failed this way may have been acted on by the
/// server: its answer was lost after it was sent, or the server failed
/// without saying it did nothing (500, 502, 504).
bool server_may_have_acted(const AttemptOutcome& outcome);

RetryDecision decide_retry(const AttemptOutcome& outcome, const RetryContext& context);

/// Backoff before retry `retries_done` (0-based): initial * multiplier^n,
/// capped at max_backoff, times a jitter factor in (0.75, 1].
std::chrono::milliseconds backoff_delay(int retries_done, const RetryPolicy& policy, double jitter);

/// Pause before poll `polls_done` (0-based) of a running turn, same shape.
std::chrono::milliseconds poll_interval(int polls_done, const WaitPolicy& policy, double jitter);

}  // namespace paradigm::detail
