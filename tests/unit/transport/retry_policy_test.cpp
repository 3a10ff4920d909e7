// The retry table of DESIGN.md §4, row by row.
#include "retry/retry_policy.hpp"

#include <gtest/gtest.h>

namespace paradigm::detail {
namespace {

using std::chrono::milliseconds;
const auto kDecisionTime = std::chrono::system_clock::from_time_t(1700000000);

AttemptOutcome http(int status, Headers headers = {}) {
  return {TransferError::none, status, std::move(headers)};
}
AttemptOutcome failed(TransferError error) {
  return {error, 0, {}};
}

RetryDecision decide(const AttemptOutcome& outcome, RequestSafety safety = RequestSafety::idempotent,
                     int retries_done = 0, RetryPolicy policy = {}) {
  return decide_retry(outcome, RetryContext{policy, safety, retries_done, 0.0, kDecisionTime});
}

TEST(RetryPolicy, RetryableStatusesAreRetriedForIdempotentRequests) {
  for (int status : {408, 429, 500, 502, 503, 504}) {
    EXPECT_TRUE(decide(http(status)).retry) << status;
  }
  for (int status : {400, 401, 403, 404, 405, 409, 422, 501}) {
    EXPECT_FALSE(decide(http(status)).retry) << status;
  }
}

TEST(RetryPolicy, TurnCreationIsRetriedOnlyWhenTheServerCannotHaveActed) {
  for (int status : {408, 429, 503})
    EXPECT_TRUE(decide(http(status), RequestSafety::unsafe).retry) << status;
  for (int status : {500, 502, 504})
    EXPECT_FALSE(decide(http(status), RequestSafety::unsafe).retry) << status;
  EXPECT_TRUE(decide(failed(TransferError::connect), RequestSafety::unsafe).retry);
  EXPECT_TRUE(decide(failed(TransferError::resolve), RequestSafety::unsafe).retry);
  EXPECT_TRUE(decide(failed(TransferError::connect_timeout), RequestSafety::unsafe).retry);
  EXPECT_FALSE(decide(failed(TransferError::timeout), RequestSafety::unsafe).retry);
  EXPECT_FALSE(decide(failed(TransferError::reset), RequestSafety::unsafe).retry);
  EXPECT_FALSE(decide(failed(TransferError::stalled), RequestSafety::unsafe).retry);
}

TEST(RetryPolicy, CallerCanOptInToRetryingAmbiguousTurnCreation) {
  RetryPolicy policy;
  policy.retry_non_idempotent = true;
  EXPECT_TRUE(decide(http(500), RequestSafety::unsafe, 0, policy).retry);
  EXPECT_TRUE(decide(failed(TransferError::timeout), RequestSafety::unsafe, 0, policy).retry);
  EXPECT_TRUE(decide(failed(TransferError::reset), RequestSafety::unsafe, 0, policy).retry);
}

TEST(RetryPolicy, TransportFailuresOfIdempotentRequestsAreRetried) {
  for (auto error : {TransferError::connect, TransferError::resolve, TransferError::connect_timeout,
                     TransferError::timeout, TransferError::reset, TransferError::stalled}) {
    EXPECT_TRUE(decide(failed(error)).retry) << to_string(error);
  }
  for (auto error : {TransferError::tls, TransferError::too_many_redirects, TransferError::other,
                     TransferError::cancelled}) {
    EXPECT_FALSE(decide(failed(error)).retry) << to_string(error);
  }
}

TEST(RetryPolicy, ShouldRetryHeaderOverridesTheStatus) {
  EXPECT_TRUE(decide(http(400, {{"x-should-retry", "true"}})).retry);
  EXPECT_TRUE(decide(http(500, {{"X-Should-Retry", "TRUE"}}), RequestSafety::unsafe).retry);
  EXPECT_FALSE(decide(http(503, {{"x-should-retry", "false"}})).retry);
  EXPECT_TRUE(decide(http(503, {{"x-should-retry", "maybe"}})).retry);  // unknown value: ignored
}

TEST(RetryPolicy, StopsWhenRetriesAreUsedUp) {
  RetryPolicy policy;
  policy.max_retries = 2;
  EXPECT_TRUE(decide(http(503), RequestSafety::idempotent, 1, policy).retry);
  EXPECT_FALSE(decide(http(503), RequestSafety::idempotent, 2, policy).retry);
  policy.max_retries = 0;
  EXPECT_FALSE(decide(http(503), RequestSafety::idempotent, 0, policy).retry);
}

TEST(RetryPolicy, BackoffDoublesFromHalfASecondUpToTheCap) {
  RetryPolicy policy;
  EXPECT_EQ(backoff_delay(0, policy, 0.0), milliseconds(500));
  EXPECT_EQ(backoff_delay(1, policy, 0.0), milliseconds(1000));
  EXPECT_EQ(backoff_delay(3, policy, 0.0), milliseconds(4000));
  EXPECT_EQ(backoff_delay(4, policy, 0.0), milliseconds(8000));
  EXPECT_EQ(backoff_delay(10, policy, 0.0), milliseconds(8000));
  EXPECT_EQ(decide(http(503)).delay, milliseconds(500));
}

TEST(RetryPolicy, JitterShortensTheBackoffByAtMostAQuarter) {
  RetryPolicy policy;
  EXPECT_EQ(backoff_delay(1, policy, 0.5), milliseconds(875));
  const auto shortest = backoff_delay(1, policy, 0.9999999);
  EXPECT_GE(shortest, milliseconds(750));  // (0.75, 1], rounded to the millisecond
  EXPECT_LE(shortest, milliseconds(1000));
}

TEST(RetryPolicy, RetryAfterReplacesTheBackoff) {
  EXPECT_EQ(decide(http(429, {{"Retry-After", "3"}})).delay, milliseconds(3000));
  EXPECT_EQ(decide(http(503, {{"retry-after-ms", "250"}})).delay, milliseconds(250));
  EXPECT_EQ(decide(http(503, {{"retry-after-ms", "250"}, {"Retry-After", "9"}})).delay, milliseconds(250));
}

TEST(RetryPolicy, RetryAfterBeyondTheLimitIsNotWaitedFor) {
  const auto decision = decide(http(429, {{"Retry-After", "3600"}}));
  EXPECT_FALSE(decision.retry);
  ASSERT_TRUE(decision.retry_after.has_value());
  EXPECT_EQ(*decision.retry_after, milliseconds(3600 * 1000));
  RetryPolicy patient;
  patient.max_retry_after = std::chrono::hours(2);
  EXPECT_TRUE(decide(http(429, {{"Retry-After", "3600"}}), RequestSafety::idempotent, 0, patient).retry);
}

TEST(RetryPolicy, RetryAfterIsReportedEvenWhenRetriesAreUsedUp) {
  RetryPolicy policy;
  policy.max_retries = 0;
  const auto decision = decide(http(429, {{"Retry-After", "2"}}), RequestSafety::idempotent, 0, policy);
  EXPECT_FALSE(decision.retry);
  EXPECT_EQ(decision.retry_after, milliseconds(2000));
}

TEST(RetryPolicy, PollIntervalGrowsByHalfUpToFiveSeconds) {
  WaitPolicy policy;
  EXPECT_EQ(poll_interval(0, policy, 0.0), milliseconds(500));
  EXPECT_EQ(poll_interval(1, policy, 0.0), milliseconds(750));
  EXPECT_EQ(poll_interval(2, policy, 0.0), milliseconds(1125));
  EXPECT_EQ(poll_interval(20, policy, 0.0), milliseconds(5000));
}

}  // namespace
}  // namespace paradigm::detail
