#pragma once

#include <paradigm/errors.hpp>

#include "client/client_core.hpp"
#include "json/model_json.hpp"

#include <string>

namespace paradigm::detail {

/// Decodes a 2xx answer into T; a DecodeError names the request it came from.
template <class T>
T decode_response(const Response& response, const RequestSpec& spec) {
  const std::string where = spec.method + " " + spec.path + ": ";
  if (response.body.empty())
    throw DecodeError(where + "empty response body (HTTP " + std::to_string(response.status) + ")");
  try {
    return decode_text<T>(response.body);
  } catch (const DecodeError& e) {
    throw DecodeError(where + e.what(), e.path(), e.raw());
  }
}

/// Sends a request and decodes its answer.
template <class T>
T fetch(ClientCore& core, const RequestSpec& spec, const CallOptions& call) {
  return decode_response<T>(core.send(spec, call), spec);
}

/// A GET request for `path`.
inline RequestSpec get_request(std::string path, QueryParams query = {}) {
  RequestSpec spec;
  spec.path = std::move(path);
  spec.query = std::move(query);
  return spec;
}

}  // namespace paradigm::detail
