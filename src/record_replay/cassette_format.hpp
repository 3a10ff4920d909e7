#pragma once

// A cassette's content: one RecordedExchange per line of JSON, written and
// read here only. The line of an exchange, members in this order:
//
//   method, path, query                    the request ("query" without "?", "" when none)
//   request_body | request_text            a JSON body as JSON, another as text (absent: none)
//   status                                 0 when no answer came
//   response_headers                       [[name, value], ...] in the order received
//   response_body | response_text | response_base64
//                                          JSON as JSON, text as text, other bytes in base64
//   events                                 a stream instead: [{"at_ms", "event", "data", "id"?}]
//   transfer_error                         how the exchange broke, when it did ("reset", ...)
//   truncated                              true when the body was cut at max_body_bytes

#include <paradigm/headers.hpp>

#include "transport/transport.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paradigm::detail {

/// One event of a recorded stream.
struct RecordedEvent {
  /// When it arrived, after the request was sent.
  std::int64_t at_ms = 0;
  std::string event;
  std::string data;
  std::optional<std::string> id;
};

struct RecordedExchange {
  std::string method;
  /// The path from the instance root, e.g. "/api/v3/threads".
  std::string path;
  /// The query string without "?" ("" when none), percent-encoded as sent.
  std::string query;
  std::optional<std::string> request_body;

  int status = 0;
  Headers response_headers;
  /// The body bytes (those of an error answer too), unless `streamed`.
  std::string response_body;
  bool streamed = false;
  std::vector<RecordedEvent> events;
  /// How the exchange broke (`none`: the whole answer arrived).
  TransferError transfer_error = TransferError::none;
  bool truncated = false;
};

/// The exchange as one line of JSON (no line break).
std::string to_line(const RecordedExchange& exchange);
/// Reads a line written by to_line. Throws std::invalid_argument saying what is wrong.
RecordedExchange from_line(std::string_view line);

/// Every exchange of the cassette at `path`. Throws CassetteError when the
/// file cannot be read or a line is malformed (naming the line).
std::vector<RecordedExchange> read_cassette(const std::string& path);

/// The stable names of TransferError in cassettes.
const char* transfer_error_name(TransferError error) noexcept;
/// Throws std::invalid_argument for an unknown name.
TransferError transfer_error_from(std::string_view name);

}  // namespace paradigm::detail
