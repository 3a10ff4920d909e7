// ISO-8601 / RFC 3339 date-times, with calendar arithmetic done on
// std::chrono durations (days from civil) so that neither the C library's
// time zone nor the locale takes part.

#include <paradigm/errors.hpp>
#include <paradigm/timestamp.hpp>

#include "core/text.hpp"

#include <cstdint>
#include <cstdio>

namespace paradigm {

namespace {

using Seconds = std::chrono::seconds;
using Clock = Timestamp::clock;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

// The inverse of days_from_civil.
CivilDate civil_from_days(std::int64_t days) noexcept {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

bool is_leap_year(std::int64_t year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(std::int64_t year, unsigned month) noexcept {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// A cursor over the text; every reader returns false when the text does not fit.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const noexcept { return pos_ == text_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }
  void skip() noexcept { ++pos_; }

  bool digits(std::size_t count, unsigned& value) noexcept {
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = peek();
      if (c < '0' || c > '9') return false;
      value = value * 10 + static_cast<unsigned>(c - '0');
      skip();
    }
    return true;
  }

  bool literal(char expected) noexcept {
    if (peek() != expected) return false;
    skip();
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

[[noreturn]] void fail(std::string_view text, const char* why) {
  throw DecodeError("invalid date-time \"" + detail::truncate_for_message(text, 64) + "\": " + why);
}

struct Fields {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::int64_t nanos = 0;
  int offset_minutes = 0;
};

void scan_date(Scanner& in, Fields& f, std::string_view text) {
  if (!in.digits(4, f.year) || !in.literal('-') || !in.digits(2, f.month) || !in.literal('-') ||
      !in.digits(2, f.day)) {
    fail(text, "expected YYYY-MM-DD");
  }
  if (f.month < 1 || f.month > 12) fail(text, "month out of range");
  if (f.day < 1 || f.day > days_in_month(f.year, f.month)) fail(text, "day out of range");
}

void scan_time(Scanner& in, Fields& f, std::string_view text) {
  const char separator = in.peek();
  if (separator != 'T' && separator != 't' && separator != ' ') fail(text, "expected 'T' after the date");
  in.skip();
  if (!in.digits(2, f.hour) || !in.literal(':') || !in.digits(2, f.minute) || !in.literal(':') ||
      !in.digits(2, f.second)) {
    fail(text, "expected hh:mm:ss");
  }
  if (f.hour > 23 || f.minute > 59 || f.second > 60) fail(text, "time out of range");
  if (!in.literal('.') && !in.literal(',')) return;
  int count = 0;
  for (; in.peek() >= '0' && in.peek() <= '9'; in.skip(), ++count) {
    if (count < 9) f.nanos = f.nanos * 10 + (in.peek() - '0');
  }
  if (count == 0 || count > 9) fail(text, "expected 1 to 9 fraction digits");
  for (int i = count; i < 9; ++i)
    f.nanos *= 10;
}

// `Z`, `+hh:mm`, `+hhmm`, `+hh`; no designator means UTC (a naive time).
void scan_offset(Scanner& in, Fields& f, std::string_view text) {
  if (in.at_end()) return;
  if (in.literal('Z') || in.literal('z')) return;
  const char sign = in.peek();
  if (sign != '+' && sign != '-') fail(text, "expected 'Z' or a +hh:mm offset");
  in.skip();
  unsigned hours = 0;
  unsigned minutes = 0;
  if (!in.digits(2, hours)) fail(text, "expected a +hh:mm offset");
  if (!in.at_end()) {
    in.literal(':');
    if (!in.digits(2, minutes)) fail(text, "expected a +hh:mm offset");
  }
  if (hours > 23 || minutes > 59) fail(text, "offset out of range");
  const int total = static_cast<int>(hours * 60 + minutes);
  f.offset_minutes = sign == '-' ? -total : total;
}

Clock::time_point to_time_point(const Fields& f, std::string_view text) {
  const std::int64_t days = days_from_civil(f.year, f.month, f.day);
  const std::int64_t seconds =
      days * 86400 + f.hour * 3600 + f.minute * 60 + f.second - std::int64_t{f.offset_minutes} * 60;
  // system_clock may count nanoseconds in 64 bits: about years 1678 to 2261.
  constexpr auto kLimit = std::chrono::duration_cast<Seconds>(Clock::duration::max()).count() - 1;
  if (seconds > kLimit || seconds < -kLimit) fail(text, "outside the range of system_clock");
  const auto since_epoch = Seconds(seconds) + std::chrono::nanoseconds(f.nanos);
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(since_epoch));
}

std::string format_utc(Clock::time_point time) {
  const auto micros = std::chrono::floor<std::chrono::microseconds>(time.time_since_epoch()).count();
  constexpr std::int64_t kMicrosPerDay = 86400LL * 1000000;
  std::int64_t days = micros / kMicrosPerDay;
  std::int64_t in_day = micros % kMicrosPerDay;
  if (in_day < 0) {
    in_day += kMicrosPerDay;
    --days;
  }
  const CivilDate date = civil_from_days(days);
  const std::int64_t seconds = in_day / 1000000;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
                static_cast<long long>(date.year), date.month, date.day,
                static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60), static_cast<long long>(in_day % 1000000));
  return buffer;
}

}  // namespace

Timestamp::Timestamp(clock::time_point time) : time_(time), text_(format_utc(time)) {}

Timestamp Timestamp::parse(std::string_view text) {
  Scanner in(text);
  Fields fields;
  scan_date(in, fields, text);
  scan_time(in, fields, text);
  scan_offset(in, fields, text);
  if (!in.at_end()) fail(text, "unexpected text after the date-time");
  Timestamp result;
  result.time_ = to_time_point(fields, text);
  result.offset_minutes_ = fields.offset_minutes;
  result.text_ = std::string(text);
  return result;
}

}  // namespace paradigm
