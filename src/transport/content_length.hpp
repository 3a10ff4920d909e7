#pragma once

// What an answer's head announces about its size.

#include <paradigm/headers.hpp>

#include <cstdint>
#include <optional>

namespace paradigm::detail {

/// The Content-Length of `headers` when it is a plain number; the server
/// says it, so it bounds nothing and is only a hint for reserving.
std::optional<std::uint64_t> content_length(const Headers& headers);

/// The length of the body as a sink receives it: the Content-Length, unless
/// a Content-Encoding (gzip, deflate, ...) makes that the length of the
/// compressed bytes, which says nothing of the decoded ones.
std::optional<std::uint64_t> decoded_length(const Headers& headers);

}  // namespace paradigm::detail
