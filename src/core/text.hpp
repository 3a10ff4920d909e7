#pragma once

// Small text helpers shared by the library.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// Whether `word` occurs anywhere in `text` (event names, part types).
bool mentions(std::string_view text, std::string_view word) noexcept;

/// ASCII case-insensitive equality (HTTP header names, tokens).
bool iequals(std::string_view a, std::string_view b) noexcept;

/// `text` without leading and trailing spaces and tabs (and CR/LF).
std::string_view trim(std::string_view text) noexcept;

/// Number of Unicode code points in UTF-8 text (what the server's length
/// limits count): bytes that are not UTF-8 continuation bytes.
std::size_t utf8_length(std::string_view text) noexcept;

/// Replaces `secret` in `text` with "[REDACTED]" (no-op for an empty secret).
/// A secret of 16 characters or more is replaced wherever it stands; a
/// shorter one only as a whole token, so that a short test key does not
/// mangle the ordinary words that contain it.
std::string redact(std::string text, std::string_view secret);

/// A duration for messages, in seconds with one decimal: "31.2 s".
std::string seconds_text(std::chrono::milliseconds duration);

/// At most `max_bytes` of `text`, with "..." appended when cut (on a UTF-8 boundary).
std::string truncate_for_message(std::string_view text, std::size_t max_bytes);

}  // namespace paradigm::detail
