#pragma once

#include <string>
#include <string_view>

namespace paradigm::detail {

/// Percent-encodes everything but the unreserved characters (A-Z a-z 0-9 - . _ ~).
/// Throws InvalidRequestError for text too long for a URL.
std::string percent_encode(std::string_view text);

}  // namespace paradigm::detail
