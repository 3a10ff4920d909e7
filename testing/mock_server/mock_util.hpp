#pragma once

// Small helpers of the emulator: ids, timestamps, base64.

#include <chrono>
#include <string>
#include <string_view>

namespace paradigm::mock {

/// A random version-4 UUID string.
std::string new_uuid();

/// Now as the API prints it: 2025-12-16T16:01:53.806331Z.
std::string iso_now();

/// Now as an HTTP Date header (RFC 7231 IMF-fixdate): Sun, 06 Nov 1994 08:49:37 GMT.
std::string http_date_now();

std::string base64(std::string_view bytes);

/// `text` in ASCII lower case.
std::string lower(std::string text);

/// Case-insensitive ASCII comparison.
bool iequals(std::string_view a, std::string_view b);

}  // namespace paradigm::mock
