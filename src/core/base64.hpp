#pragma once

// Base64 for artifact thumbnails.

#include <string>
#include <string_view>

namespace paradigm::detail {

/// Decodes base64 text: the standard and the URL-safe alphabet, padding
/// optional, ASCII whitespace ignored. Throws DecodeError on anything else.
std::string base64_decode(std::string_view text);

/// Encodes bytes with the standard alphabet and padding.
std::string base64_encode(std::string_view bytes);

}  // namespace paradigm::detail
