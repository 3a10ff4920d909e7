#pragma once

// One HTTP exchange on a pooled libcurl slot. No retries, no error mapping:
// it reports what happened and leaves the decisions to the client core.

#include <paradigm/cancellation.hpp>
#include <paradigm/headers.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace paradigm::detail {

class CurlSlot;

/// Receives the final response: its head once, then its body chunk by chunk.
class ResponseSink {
 public:
  virtual ~ResponseSink() = default;
  /// Status and headers of the final response (after redirects). Return false to abort.
  virtual bool on_head(int status, const Headers& headers) = 0;
  /// The next body bytes. Return false to abort the transfer.
  virtual bool on_data(std::string_view bytes) = 0;
};

struct TlsSettings {
  bool verify = true;
  std::string ca_bundle;
  std::string ca_path;
};

/// Receives libcurl's verbose text (already stripped of credentials).
using VerboseSink = std::function<void(std::string_view line)>;

struct TransferRequest {
  std::string method = "GET";
  std::string url;
  /// "Name: value" lines, Authorization included.
  std::vector<std::string> header_lines;
  /// Request body (POST/PATCH); empty with has_body false for none.
  std::string body;
  bool has_body = false;

  std::chrono::milliseconds connect_timeout{10000};
  /// 0 = no limit on the whole exchange.
  std::chrono::milliseconds total_timeout{0};
  /// 0 = never. Abort when no byte arrives for this long.
  std::chrono::milliseconds stall_timeout{0};
  /// When false, the stall clock starts at the first response byte: a server
  /// that works on a turn before answering is silent, not stalled.
  bool stall_before_response = true;

  std::string user_agent;
  std::string proxy;
  TlsSettings tls;
  /// Redirects followed (Authorization is never sent to another host).
  long max_redirects = 5;
  const CancellationToken* cancellation = nullptr;
  /// When set, libcurl's verbose output goes here with credentials redacted.
  VerboseSink verbose;
  /// The secret to scrub from verbose output.
  std::string secret;
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
  aborted_by_sink,  // ResponseSink returned false
  cancelled,        // the CancellationToken fired
  too_many_redirects,
  other,
};

struct TransferResult {
  TransferError error = TransferError::none;
  /// Final HTTP status; 0 when no response head arrived.
  int status = 0;
  Headers headers;
  /// libcurl's description of the failure (never contains credentials).
  std::string message;
  /// Body bytes delivered to the sink.
  std::uint64_t body_bytes = 0;

  bool ok() const noexcept { return error == TransferError::none; }
};

/// Performs one exchange on `slot`, delivering the response to `sink`.
TransferResult perform_transfer(CurlSlot& slot, const TransferRequest& request, ResponseSink& sink);

/// True when the failure happened before the request could reach the server.
bool nothing_was_sent(TransferError error) noexcept;

const char* to_string(TransferError error) noexcept;

}  // namespace paradigm::detail
