#pragma once

// HTTP and transport failures into the exception tree of errors.hpp.

#include <paradigm/errors.hpp>
#include <paradigm/headers.hpp>

#include "http/transfer.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

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

/// Throws the ApiError subclass for `status`. The message names the request,
/// the status and the server's detail, with `secret` removed.
[[noreturn]] void throw_api_error(int status, Headers headers, std::string body, std::string_view method,
                                  std::string_view path, std::optional<std::chrono::milliseconds> retry_after,
                                  std::string_view secret);

/// Throws ConnectionError / TimeoutError / CancelledError for a failed
/// transfer; `secret` is removed from the message.
[[noreturn]] void throw_transfer_error(const TransferResult& result, std::string_view method,
                                       std::string_view path, std::string_view secret = {});

}  // namespace paradigm::detail
