#pragma once

// The seam under the default connection: one HTTP exchange in, one explicit
// outcome out, the body of a 2xx answer delivered to one BodySink. The
// libcurl transport (src/http) is one implementation; the tests script another.
// No retries, no error mapping here: the workflows above decide.

#include <paradigm/cancellation.hpp>
#include <paradigm/headers.hpp>

#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paradigm::detail {

/// Where a blocking call's exchange is performed (docs/architecture.md, "Routes").
enum class Route {
  /// On the calling thread, by the blocking transport.
  calling_thread,
  /// By the connection's event loop, the caller waiting for the answer.
  event_loop,
};

/// One HTTP request, ready to send.
struct Exchange {
  std::string method = "GET";
  /// The whole URL, query included.
  std::string url;
  /// "Name: value" lines, Authorization included.
  std::vector<std::string> header_lines;
  /// The request body (POST, PATCH); none is sent with Content-Length: 0.
  std::optional<std::string> body;

  std::chrono::milliseconds connect_timeout{10000};
  /// 0 = no limit on the whole exchange.
  std::chrono::milliseconds total_timeout{0};
  /// 0 = never. Stop when no byte arrives for this long.
  std::chrono::milliseconds stall_timeout{0};
  /// When false, the stall clock starts at the first response byte: a server
  /// that works on a turn before answering is silent, not stalled.
  bool stall_before_response = true;
  /// Stops the exchange promptly (the outcome's error is then `cancelled`).
  CancellationToken cancellation;
  /// Where a blocking call performs it (asynchronous calls: always on the loop).
  Route route = Route::calling_thread;
  /// The body may leave at most once: the transport never sends it again by
  /// itself (libcurl would, on a fresh connection, when a reused one dies).
  /// A failure once it may have left is `reset`, `timeout` or `stalled`; one
  /// before any of it left is `not_delivered`.
  bool send_once = false;
  /// Read libcurl's timings into Outcome::timings (set when the call is traced).
  bool wants_timings = false;
};

/// libcurl's timings of an exchange, from its start; negative when unknown.
struct TransferTimings {
  std::chrono::microseconds connect{-1};
  std::chrono::microseconds tls{-1};
  std::chrono::microseconds first_byte{-1};
  std::chrono::microseconds total{-1};
};

/// What went wrong, in the terms the retry rules need.
enum class TransferError {
  none,
  resolve,          // DNS: nothing was sent
  connect,          // refused / unreachable: nothing was sent
  connect_timeout,  // no connection within connect_timeout: nothing was sent
  tls,              // handshake or verification failed: nothing was sent
  timeout,          // the whole exchange took too long (request was sent)
  stalled,          // no byte for stall_timeout (request was sent)
  reset,            // the connection broke after sending (before or during the response)
  not_delivered,    // the connection broke before the body of a send_once request left
  cancelled,        // the CancellationToken fired
  too_many_redirects,
  other,
};

/// True when the failure happened before the request could reach the server
/// (or, for a send_once request, before its body left).
bool nothing_was_sent(TransferError error) noexcept;
const char* to_string(TransferError error) noexcept;

/// Receives the body of a 2xx answer as it arrives. Other answers never reach
/// it: the transport keeps their body for the error (Outcome::error_body).
class BodySink {
 public:
  virtual ~BodySink() = default;
  /// An attempt starts: drop what an earlier attempt delivered.
  virtual void reset() {}
  /// The head of a 2xx answer, once, before its first body byte. False stops the exchange.
  virtual bool on_head(int /*status*/, const Headers& /*headers*/) { return true; }
  /// The next body bytes. False stops the exchange.
  virtual bool on_data(std::string_view bytes) = 0;
  /// True once delivered bytes have left the SDK (a caller's sink or handler
  /// has them): the exchange is then never repeated.
  virtual bool committed() const { return false; }
  /// Why the sink stopped the exchange, when that is an error to report
  /// (an answer over max_response_bytes, a file that cannot be written).
  virtual std::exception_ptr failure() const { return nullptr; }
};

/// How an exchange ended.
enum class OutcomeKind {
  /// The whole answer arrived (any HTTP status).
  completed,
  /// The sink stopped it (Outcome::receiver_error says why, when it was an error).
  stopped,
  /// It broke before the sink committed: the sink keeps nothing, and the
  /// exchange may be repeated.
  failed,
  /// It broke after the sink committed: repeating it would deliver bytes twice.
  failed_after_commit,
};

/// The one result of an exchange.
struct Outcome {
  OutcomeKind kind = OutcomeKind::completed;
  /// Why it failed (failed, failed_after_commit); `none` otherwise.
  TransferError error = TransferError::none;
  /// The final status (after redirects); 0 when no answer head arrived.
  int status = 0;
  Headers headers;
  /// The body of a non-2xx answer (at most kMaxErrorBody bytes).
  std::string error_body;
  /// The transport's description of a failure (never contains credentials).
  std::string message;
  /// With `stopped`: the sink's failure() or the exception it threw; null
  /// when the sink simply chose to stop.
  std::exception_ptr receiver_error;
  /// Body bytes the sink accepted.
  std::uint64_t body_bytes = 0;
  /// With Exchange::wants_timings, from libcurl.
  TransferTimings timings;
};

/// Error bodies are kept for the exception up to this size.
inline constexpr std::size_t kMaxErrorBody = 1 << 20;

/// Performs HTTP exchanges. Implementations are safe to call from many threads.
class Transport {
 public:
  virtual ~Transport() = default;
  /// Performs one exchange on the calling thread and reports how it ended.
  /// HTTP and network failures are outcomes, never exceptions.
  virtual Outcome perform(const Exchange& exchange, BodySink& sink) = 0;
};

}  // namespace paradigm::detail
