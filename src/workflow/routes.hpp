#pragma once

// URL building. Every path segment that comes from a caller or a server is
// percent-encoded here, so an id can never change the route.

#include <paradigm/requests.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// Percent-encodes one path segment (everything but unreserved characters;
/// "." and ".." are encoded too so they cannot walk up the path). Throws
/// InvalidRequestError for an empty id, naming `what` ("thread_id", ...).
std::string encode_segment(std::string_view id, std::string_view what);

/// Percent-encodes a query key or value.
std::string encode_query_component(std::string_view text);

/// "?k=v&k2=v2" (empty when there are no parameters).
std::string query_string(const QueryParams& params);

/// The instance root without a trailing "/" or "/api/v3": both forms of
/// PARADIGM_BASE_URL are accepted. Throws InvalidRequestError when the URL is
/// not http(s)://host[:port][/prefix].
std::string normalize_base_url(std::string_view base_url);

/// Appends `name=value` when the optional is set (booleans as "true"/"false").
void add_param(QueryParams& params, std::string_view name, const std::optional<std::string>& value);
void add_param(QueryParams& params, std::string_view name, const std::optional<std::int64_t>& value);
void add_param(QueryParams& params, std::string_view name, const std::optional<int>& value);
void add_param(QueryParams& params, std::string_view name, const std::optional<bool>& value);

}  // namespace paradigm::detail
