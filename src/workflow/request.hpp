#pragma once

// One API request as the workflows describe it, before the connection turns
// it into an Exchange (URL, headers, timeouts).

#include <paradigm/requests.hpp>

#include "retry/retry_policy.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paradigm::detail {

struct RequestSpec {
  std::string method = "GET";
  /// Path from the instance root with encoded segments, e.g. "/api/v3/threads/abc".
  std::string path;
  QueryParams query;
  /// JSON body, for POST and PATCH.
  std::optional<std::string> body;
  RequestSafety safety = RequestSafety::idempotent;
  /// The server may work before answering (turn creation): the stall clock
  /// starts at the first response byte.
  bool slow_to_answer = false;
  /// Streams and downloads: the answer goes to a handler or a sink as it
  /// arrives (on the calling thread, for a blocking call), with no total time
  /// limit, only the stall limit.
  bool streamed = false;
  std::string accept = "application/json";
  /// Headers of this request alone (Idempotency-Key), after the call's own.
  std::vector<std::pair<std::string, std::string>> headers;

  /// "GET /api/v3/threads/abc", for messages.
  std::string describe() const { return method + " " + path; }
};

/// A GET request for `path`.
inline RequestSpec get_request(std::string path, QueryParams query = {}) {
  RequestSpec spec;
  spec.path = std::move(path);
  spec.query = std::move(query);
  return spec;
}

/// A POST or PATCH with a JSON body (or none).
inline RequestSpec write_request(std::string method, std::string path, std::optional<std::string> body,
                                 RequestSafety safety) {
  RequestSpec spec;
  spec.method = std::move(method);
  spec.path = std::move(path);
  spec.body = std::move(body);
  spec.safety = safety;
  return spec;
}

}  // namespace paradigm::detail
