#pragma once

#include <paradigm/export.hpp>

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>

namespace paradigm {

/// An instant from the API (`created_at`, `updated_at`, ...).
///
/// Parses the ISO-8601 / RFC 3339 forms the API sends (`2025-12-16T16:01:53.806331Z`,
/// with or without fractional seconds, `Z` or a `+hh:mm` offset) and prints back
/// exactly the text it was parsed from, so a round trip changes nothing.
class PARADIGM_API Timestamp {
 public:
  using clock = std::chrono::system_clock;

  /// The Unix epoch.
  Timestamp() = default;
  /// An instant of ours; printed in UTC with microseconds (`...T16:01:53.806331Z`).
  explicit Timestamp(clock::time_point time);

  /// Parses API text. Throws DecodeError when `text` is not an ISO-8601 date-time.
  static Timestamp parse(std::string_view text);

  /// The instant, in UTC.
  clock::time_point time_point() const noexcept { return time_; }
  /// The offset from UTC the text carried, in minutes (0 for `Z`).
  int utc_offset_minutes() const noexcept { return offset_minutes_; }
  /// The text form: as parsed, or UTC with microseconds for a constructed instant.
  const std::string& to_string() const noexcept { return text_; }

  /// Compares instants (two texts for the same instant are equal).
  friend bool operator==(const Timestamp& a, const Timestamp& b) noexcept { return a.time_ == b.time_; }
  friend bool operator!=(const Timestamp& a, const Timestamp& b) noexcept { return a.time_ != b.time_; }
  friend bool operator<(const Timestamp& a, const Timestamp& b) noexcept { return a.time_ < b.time_; }
  /// Prints the text form.
  friend PARADIGM_API std::ostream& operator<<(std::ostream& out, const Timestamp& value);

 private:
  clock::time_point time_{};
  int offset_minutes_ = 0;
  std::string text_ = "1970-01-01T00:00:00Z";
};

}  // namespace paradigm
