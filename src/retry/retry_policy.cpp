#include "retry/retry_policy.hpp"

#include "core/text.hpp"
#include "retry/retry_after.hpp"

#include <algorithm>
#include <cmath>

namespace paradigm::detail {

namespace {

using std::chrono::milliseconds;

milliseconds grow(milliseconds initial, double multiplier, milliseconds cap, int step, double jitter) {
  const double base = static_cast<double>(initial.count()) * std::pow(std::max(multiplier, 1.0), step);
  const double capped = std::min(base, static_cast<double>(cap.count()));
  // Jitter factor in (0.75, 1]: spreads clients out without ever waiting longer than the cap.
  const double factor = 1.0 - 0.25 * std::clamp(jitter, 0.0, 0.999999);
  return milliseconds(static_cast<long long>(std::llround(capped * factor)));
}

bool is_retryable_status(int status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

// Statuses that say the server did not run the request.
bool server_did_not_act(int status) {
  return status == 408 || status == 429 || status == 503;
}

std::optional<bool> should_retry_header(const Headers& headers) {
  auto value = headers.get("x-should-retry");
  if (!value) return std::nullopt;
  if (iequals(trim(*value), "true")) return true;
  if (iequals(trim(*value), "false")) return false;
  return std::nullopt;
}

// Whether the outcome is worth retrying at all, ignoring the attempt budget.
RetryDecision classify(const AttemptOutcome& outcome, const RetryPolicy& policy, RequestSafety safety) {
  const bool may_repeat_work = safety == RequestSafety::unsafe && !policy.retry_non_idempotent;
  RetryDecision d;
  if (outcome.error == TransferError::none) {
    if (auto header = should_retry_header(outcome.headers)) {
      d.retry = *header;
      d.reason = std::string("x-should-retry: ") + (*header ? "true" : "false");
      return d;
    }
    d.retry = is_retryable_status(outcome.status) && (!may_repeat_work || server_did_not_act(outcome.status));
    d.reason = std::to_string(outcome.status) + (d.retry ? " is retryable" : " is not retried");
    if (!d.retry && is_retryable_status(outcome.status)) d.reason += " for a request that is not idempotent";
    return d;
  }
  if (nothing_was_sent(outcome.error)) {
    d.retry = outcome.error != TransferError::tls;  // a certificate problem does not go away
  } else if (outcome.error == TransferError::timeout || outcome.error == TransferError::stalled ||
             outcome.error == TransferError::reset) {
    d.retry = !may_repeat_work;  // the server may have acted
  }
  d.reason = std::string(to_string(outcome.error)) + (d.retry ? " is retryable" : " is not retried");
  return d;
}

}  // namespace

bool server_may_have_acted(const AttemptOutcome& outcome) {
  if (outcome.error == TransferError::none) return outcome.status >= 500 && !server_did_not_act(outcome.status);
  return !nothing_was_sent(outcome.error) && outcome.error != TransferError::cancelled;
}

RetryDecision decide_retry(const AttemptOutcome& outcome, const RetryContext& context) {
  const RetryPolicy& policy = context.policy;
  const int retries_done = context.retries_done;
  RetryDecision d = classify(outcome, policy, context.safety);
  if (outcome.error == TransferError::none) d.retry_after = retry_after(outcome.headers, context.now);
  if (!d.retry) return d;
  if (retries_done >= policy.max_retries) {
    d.retry = false;
    d.reason = "no retries left (" + std::to_string(policy.max_retries) + " allowed)";
    return d;
  }
  if (d.retry_after) {
    if (*d.retry_after > policy.max_retry_after) {
      d.retry = false;
      d.reason = "Retry-After of " + std::to_string(d.retry_after->count()) + " ms exceeds max_retry_after";
      return d;
    }
    d.delay = *d.retry_after;
    return d;
  }
  d.delay = backoff_delay(retries_done, policy, context.jitter);
  return d;
}

milliseconds backoff_delay(int retries_done, const RetryPolicy& policy, double jitter) {
  return grow(policy.initial_backoff, policy.backoff_multiplier, policy.max_backoff, retries_done, jitter);
}

milliseconds poll_interval(int polls_done, const WaitPolicy& policy, double jitter) {
  return grow(policy.initial_interval, policy.multiplier, policy.max_interval, polls_done, jitter);
}

}  // namespace paradigm::detail
