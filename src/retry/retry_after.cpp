#include "retry/retry_after.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace paradigm::detail {

namespace {

using std::chrono::milliseconds;

// Anything longer is treated as "too long" anyway; the cap keeps arithmetic safe.
constexpr double kMaxSeconds = 365.0 * 24 * 3600;

std::optional<double> parse_non_negative_number(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 32) return std::nullopt;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.')) return std::nullopt;
  }
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> month_index(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (iequals(kMonths[i], name)) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(long long y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// "HH:MM:SS" into seconds of the day.
std::optional<int> parse_clock(std::string_view text) {
  if (text.size() != 8 || text[2] != ':' || text[5] != ':') return std::nullopt;
  auto h = parse_int(text.substr(0, 2)), m = parse_int(text.substr(3, 2)), s = parse_int(text.substr(6, 2));
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
  return *h * 3600 + *m * 60 + *s;
}

std::vector<std::string_view> split_spaces(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const auto start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    const auto end = text.find(' ');
    parts.push_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
  }
  return parts;
}

// Seconds since the epoch; kept as an integer because a nanosecond
// time_point cannot hold dates past 2262 (and servers may send any year).
std::optional<long long> make_time(int year, std::optional<int> month, int day,
                                   std::optional<int> seconds_of_day) {
  if (!month || !seconds_of_day || day < 1 || day > 31 || year < 1970 || year > 9999) return std::nullopt;
  return days_from_civil(year, *month, day) * 86400 + *seconds_of_day;
}

std::optional<long long> parse_http_date_seconds(std::string_view text) {
  auto parts = split_spaces(trim(text));
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (parts.size() == 6 && parts[0].size() == 4 && parts[0].back() == ',' && parts[5] == "GMT") {
    auto day = parse_int(parts[1]), year = parse_int(parts[3]);
    if (!day || !year || parts[3].size() != 4) return std::nullopt;
    return make_time(*year, month_index(parts[2]), *day, parse_clock(parts[4]));
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years: RFC 9110 says
  // to assume the most recent past century; 19xx for >= 70).
  if (parts.size() == 4 && parts[0].back() == ',' && parts[3] == "GMT" && parts[1].size() == 9) {
    auto day = parse_int(parts[1].substr(0, 2)), year = parse_int(parts[1].substr(7, 2));
    if (!day || !year || parts[1][2] != '-' || parts[1][6] != '-') return std::nullopt;
    return make_time(*year + (*year >= 70 ? 1900 : 2000), month_index(parts[1].substr(3, 3)), *day,
                     parse_clock(parts[2]));
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  if (parts.size() == 5) {
    auto day = parse_int(parts[2]), year = parse_int(parts[4]);
    if (!day || !year) return std::nullopt;
    return make_time(*year, month_index(parts[1]), *day, parse_clock(parts[3]));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  const auto seconds = parse_http_date_seconds(text);
  constexpr long long kLatest = 9000000000LL;  // 2255: still fits a nanosecond time_point
  if (!seconds || *seconds > kLatest) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::seconds(*seconds));
}

std::optional<milliseconds> retry_after(const Headers& headers, std::chrono::system_clock::time_point now) {
  if (auto ms = headers.get("retry-after-ms")) {
    if (auto value = parse_non_negative_number(*ms)) {
      return milliseconds(static_cast<long long>(std::min(*value, kMaxSeconds * 1000)));
    }
  }
  auto header = headers.get("retry-after");
  if (!header) return std::nullopt;
  if (auto seconds = parse_non_negative_number(*header)) {
    return milliseconds(static_cast<long long>(std::min(*seconds, kMaxSeconds) * 1000));
  }
  if (auto date = parse_http_date_seconds(*header)) {
    const long long now_seconds =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const double delta = std::min(static_cast<double>(*date - now_seconds), kMaxSeconds);
    return milliseconds(delta > 0 ? static_cast<long long>(delta * 1000) : 0);
  }
  return std::nullopt;
}

}  // namespace paradigm::detail
