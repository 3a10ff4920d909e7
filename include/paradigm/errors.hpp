#pragma once

#include <paradigm/export.hpp>
#include <paradigm/headers.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace paradigm {

struct Turn;

/// Base of every exception the SDK throws. Messages never contain the API key.
///
///     Error
///     ├─ InvalidRequestError      refused before sending
///     ├─ ApiError                 the server answered with an HTTP error
///     │  ├─ BadRequestError 400 · AuthenticationError 401 · PermissionDeniedError 403
///     │  ├─ NotFoundError 404 · ConflictError 409 · UnprocessableEntityError 422
///     │  └─ RateLimitError 429 · ServerError 5xx
///     ├─ ConnectionError          DNS, connect, reset, TLS
///     │  └─ TimeoutError
///     ├─ StreamError              an `error` event, or a stream cut with no way to recover
///     ├─ WaitTimeoutError         the wait deadline passed
///     ├─ CancelledError           a CancellationToken fired
///     └─ DecodeError              a body that is not the JSON expected
///
/// A turn that ends `failed` or `cancelled` is a result, not an exception.
class PARADIGM_API Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// The request was refused before anything was sent: invalid field values,
/// mixed scopes, a missing API key, an empty id.
class PARADIGM_API InvalidRequestError : public Error {
 public:
  using Error::Error;
};

/// What the server said when it answered with an HTTP error status.
struct ApiErrorDetails {
  int status = 0;
  /// `detail` of the body when it has one, else a readable summary of the body.
  std::string detail;
  /// `error` or `code` of the body, when present (e.g. "bad_request").
  std::string code;
  /// Field validation messages (`{"field": ["msg"]}` or `{"fields": {...}}` bodies).
  std::map<std::string, std::vector<std::string>> field_errors;
  /// The raw body, as received (the API key, if echoed, reads `[REDACTED]`).
  std::string body;
  /// `x-request-id` (or a similar header) when the server sent one.
  std::string request_id;
  /// The response headers (the API key, if echoed, reads `[REDACTED]`).
  Headers headers;
  /// The request that failed, e.g. "POST" and "/api/v3/threads/turns".
  std::string method;
  std::string path;
  /// The URL it was sent to: the instance's base URL (host and any base path,
  /// without user:password) and the path, without the query string.
  std::string url;
};

/// The server answered with an HTTP error status.
class PARADIGM_API ApiError : public Error {
 public:
  ApiError(const std::string& message, ApiErrorDetails details);

  int status() const noexcept { return details_->status; }
  const std::string& detail() const noexcept { return details_->detail; }
  const std::string& code() const noexcept { return details_->code; }
  const std::map<std::string, std::vector<std::string>>& field_errors() const noexcept {
    return details_->field_errors;
  }
  const std::string& body() const noexcept { return details_->body; }
  const std::string& request_id() const noexcept { return details_->request_id; }
  const Headers& headers() const noexcept { return details_->headers; }
  const ApiErrorDetails& details() const noexcept { return *details_; }

 private:
  std::shared_ptr<const ApiErrorDetails> details_;
};

/// 400: the server rejected the request's content.
class PARADIGM_API BadRequestError : public ApiError {
 public:
  using ApiError::ApiError;
};
/// 401: missing or invalid API key.
class PARADIGM_API AuthenticationError : public ApiError {
 public:
  using ApiError::ApiError;
};
/// 403: the key is valid but may not do this.
class PARADIGM_API PermissionDeniedError : public ApiError {
 public:
  using ApiError::ApiError;
};
/// 404: no such thread, turn, agent or artifact (or route).
class PARADIGM_API NotFoundError : public ApiError {
 public:
  using ApiError::ApiError;
};
/// 409: the resource is in a state that forbids the request.
class PARADIGM_API ConflictError : public ApiError {
 public:
  using ApiError::ApiError;
};
/// 422: validation failed; see field_errors().
class PARADIGM_API UnprocessableEntityError : public ApiError {
 public:
  using ApiError::ApiError;
};
/// 429: rate limited, and retrying was not possible or not allowed.
class PARADIGM_API RateLimitError : public ApiError {
 public:
  RateLimitError(const std::string& message, ApiErrorDetails details,
                 std::optional<std::chrono::milliseconds> retry_after)
      : ApiError(message, std::move(details)), retry_after_(retry_after) {}
  /// How long the server asked to wait, when it said.
  std::optional<std::chrono::milliseconds> retry_after() const noexcept { return retry_after_; }

 private:
  std::optional<std::chrono::milliseconds> retry_after_;
};
/// 5xx: the server failed.
class PARADIGM_API ServerError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// The server could not be reached or the connection failed (DNS, connect,
/// reset, TLS, proxy).
class PARADIGM_API ConnectionError : public Error {
 public:
  using Error::Error;
};
/// A connect, request or stall timeout expired.
class PARADIGM_API TimeoutError : public ConnectionError {
 public:
  using ConnectionError::ConnectionError;
};

/// A turn-creating request whose answer was lost after it may have reached the
/// server, and whose fate the server could not be asked before the call
/// ended: the turn may exist. Only a create into a new thread sent as one
/// request (ClientOptions::create_thread_first = false), or one whose server
/// stayed unreachable, ends this way; every other error of a create means it
/// created no turn. `thread_id()` (when known) is where to look; a repeat of
/// the create with the same `idempotency_key()` in CallOptions::extra_headers
/// is deduplicated by a server that honours the key.
class PARADIGM_API UnconfirmedTurnError : public ConnectionError {
 public:
  UnconfirmedTurnError(const std::string& message, std::string thread_id, std::string idempotency_key)
      : ConnectionError(message),
        ids_(std::make_shared<const std::pair<std::string, std::string>>(std::move(thread_id),
                                                                          std::move(idempotency_key))) {}
  const std::string& thread_id() const noexcept { return ids_->first; }
  const std::string& idempotency_key() const noexcept { return ids_->second; }

 private:
  std::shared_ptr<const std::pair<std::string, std::string>> ids_;
};

/// A stream reported an `error` event, or broke with no way to recover the turn.
class PARADIGM_API StreamError : public Error {
 public:
  StreamError(const std::string& message, std::string event_data = {})
      : Error(message), data_(std::make_shared<const std::string>(std::move(event_data))) {}
  /// The `data` of the `error` event (empty when the stream broke).
  const std::string& data() const noexcept { return *data_; }

 private:
  std::shared_ptr<const std::string> data_;
};

/// Waiting for a turn passed its deadline. The turn keeps running on the server.
class PARADIGM_API WaitTimeoutError : public Error {
 public:
  WaitTimeoutError(const std::string& message, const Turn& last_seen);
  /// The last state of the turn seen before giving up.
  const Turn& last_turn() const noexcept { return *last_turn_; }

 private:
  std::shared_ptr<const Turn> last_turn_;
};

/// A CancellationToken fired (or a handler stopped a transfer).
class PARADIGM_API CancelledError : public Error {
 public:
  using Error::Error;
};

/// A body that is not the JSON expected: malformed, wrong type at a known
/// field, too deep, or too large.
class PARADIGM_API DecodeError : public Error {
 public:
  DecodeError(const std::string& message, std::string path = {}, std::string raw = {})
      : Error(message),
        path_(std::make_shared<const std::string>(std::move(path))),
        raw_(std::make_shared<const std::string>(std::move(raw))) {}
  /// Where in the document it went wrong, e.g. `messages[1].parts[0].tool_call.steps`.
  const std::string& path() const noexcept { return *path_; }
  /// The text that failed to decode, when known.
  const std::string& raw() const noexcept { return *raw_; }

 private:
  std::shared_ptr<const std::string> path_;
  std::shared_ptr<const std::string> raw_;
};

}  // namespace paradigm
