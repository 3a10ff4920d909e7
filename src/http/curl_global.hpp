#pragma once

#include <string>

namespace paradigm::detail {

/// Initialises libcurl once per process (thread-safe, first use wins).
void ensure_curl_initialized();

/// "libcurl/7.88.1", for the User-Agent.
const std::string& curl_version_tag();

}  // namespace paradigm::detail
