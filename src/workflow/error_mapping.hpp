#pragma once

// HTTP and transport failures into the exception tree of errors.hpp.

#include <paradigm/errors.hpp>
#include <paradigm/headers.hpp>

#include "transport/transport.hpp"

#include <chrono>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paradigm::detail {

/// The parts of an error body worth showing: `detail`, `error`/`code`, field
/// errors (DRF `{"field": ["msg"]}` or `{"fields": {...}}`); a body that is not
/// JSON gives a readable excerpt. Never throws.
struct ErrorBody {
  std::string detail;
  std::string code;
  std::map<std::string, std::vector<std::string>> field_errors;
};
ErrorBody parse_error_body(std::string_view body, std::string_view content_type) noexcept;

/// The request id a response carries (x-request-id, request-id, x-correlation-id, ...), or "".
std::string request_id_of(const Headers& headers);

/// An HTTP error answer, to become an ApiError.
struct ErrorAnswer {
  int status = 0;
  Headers headers;
  std::string body;
  /// The request, e.g. "GET" "/api/v3/threads/abc".
  std::string method;
  std::string path;
  /// The server's Retry-After, when it sent one (RateLimitError::retry_after).
  std::optional<std::chrono::milliseconds> retry_after;
};

/// The ApiError subclass for the answer's status. The message names the
/// request (method and `url`, as ConnectionContext::url_for_message gives it;
/// the path when empty), the status and the server's detail; `secret` is
/// removed from every field. A `note` ("3 attempts, 31.2 s") ends the message.
std::exception_ptr api_error(ErrorAnswer answer, std::string_view secret, std::string_view url = {},
                             std::string_view note = {});

/// A NotFoundError the SDK concludes itself (a turn missing from its
/// thread's list, no default agent), worded like one the server sent.
std::exception_ptr concluded_not_found(std::string method, std::string path, std::string url,
                                       std::string detail);

/// ConnectionError / TimeoutError / CancelledError for an exchange that
/// failed; `url` is the request's as messages show it; `secret` is removed
/// from the message.
std::exception_ptr transfer_error(TransferError error, std::string_view message, std::string_view method,
                                  std::string_view url, std::string_view secret = {});

}  // namespace paradigm::detail
