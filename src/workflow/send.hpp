#pragma once

// Sending one request with the retry rules of DESIGN.md §4: the one place
// where an exchange's outcome becomes a reply, a retry, or an error.

#include "workflow/context.hpp"
#include "workflow/result.hpp"

namespace paradigm::detail {

/// How a sent request ended, when it did not fail: the whole 2xx answer
/// arrived (`completed`), the sink stopped it (`stopped`), or it broke after
/// the sink committed (`failed_after_commit`, with `error`): the caller
/// decides what the last two mean.
struct Reply {
  OutcomeKind kind = OutcomeKind::completed;
  TransferError error = TransferError::none;
  /// With `failed_after_commit`: the transport's description of the failure.
  std::string message;
  int status = 0;
  Headers headers;
};

/// Sends `spec` (retrying as the rules allow), the body of a 2xx answer going
/// to `sink`, which must outlive `done`. Everything else arrives as the error
/// of the Result: an HTTP error status (ApiError), a failure before the sink
/// committed once retries are spent or not allowed (ConnectionError,
/// TimeoutError), cancellation (CancelledError), or the sink's own error.
void send(const CallPtr& call, RequestSpec spec, BodySink& sink, Callback<Reply> done);

}  // namespace paradigm::detail
