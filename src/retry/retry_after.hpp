#pragma once

#include <paradigm/headers.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace paradigm::detail {

/// How long the server asks the client to wait, from `retry-after-ms`
/// (milliseconds, may be fractional) or else `Retry-After` (delay-seconds or an
/// HTTP-date, relative to `now`). Unparseable or negative values give nullopt;
/// a date in the past gives 0.
std::optional<std::chrono::milliseconds> retry_after(const Headers& headers,
                                                     std::chrono::system_clock::time_point now);

/// Parses an HTTP-date (IMF-fixdate, RFC 850 or asctime form, RFC 9110 §5.6.7).
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text);

}  // namespace paradigm::detail
