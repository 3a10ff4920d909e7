#include "retry/retry_after.hpp"

#include <gtest/gtest.h>

namespace paradigm::detail {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;

// 2023-11-14T22:13:20Z
const auto kNow = system_clock::from_time_t(1700000000);

std::optional<milliseconds> after(Headers headers) {
  return retry_after(headers, kNow);
}

TEST(RetryAfter, Seconds) {
  EXPECT_EQ(after({{"Retry-After", "0"}}), milliseconds(0));
  EXPECT_EQ(after({{"Retry-After", "12"}}), milliseconds(12000));
  EXPECT_EQ(after({{"retry-after", " 2 "}}), milliseconds(2000));
  EXPECT_EQ(after({{"Retry-After", "1.5"}}), milliseconds(1500));
}

TEST(RetryAfter, Milliseconds) {
  EXPECT_EQ(after({{"retry-after-ms", "40"}}), milliseconds(40));
  EXPECT_EQ(after({{"Retry-After-Ms", "12.9"}}), milliseconds(12));
  // A bad ms value falls back to Retry-After.
  EXPECT_EQ(after({{"retry-after-ms", "soon"}, {"Retry-After", "1"}}), milliseconds(1000));
}

TEST(RetryAfter, HttpDateInAllThreeForms) {
  // kNow + 30 s = Tue, 14 Nov 2023 22:13:50 GMT
  EXPECT_EQ(after({{"Retry-After", "Tue, 14 Nov 2023 22:13:50 GMT"}}), milliseconds(30000));
  EXPECT_EQ(after({{"Retry-After", "Tuesday, 14-Nov-23 22:13:50 GMT"}}), milliseconds(30000));
  EXPECT_EQ(after({{"Retry-After", "Tue Nov 14 22:13:50 2023"}}), milliseconds(30000));
}

TEST(RetryAfter, DateInThePastMeansNow) {
  EXPECT_EQ(after({{"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"}}), milliseconds(0));
}

TEST(RetryAfter, AbsurdlyLargeValuesAreCappedNotOverflowed) {
  const auto huge = after({{"Retry-After", "99999999999999999999999"}});
  ASSERT_TRUE(huge.has_value());
  EXPECT_GT(*huge, std::chrono::hours(24 * 300));
  const auto far = after({{"Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"}});
  ASSERT_TRUE(far.has_value());
  EXPECT_GT(*far, std::chrono::hours(24 * 300));
}

TEST(RetryAfter, GarbageAndNegativeValuesAreIgnored) {
  EXPECT_FALSE(after({}).has_value());
  EXPECT_FALSE(after({{"Retry-After", "-5"}}).has_value());
  EXPECT_FALSE(after({{"Retry-After", "soon"}}).has_value());
  EXPECT_FALSE(after({{"Retry-After", ""}}).has_value());
  EXPECT_FALSE(after({{"Retry-After", "Tue, 99 Nov 2023 22:13:50 GMT"}}).has_value());
  EXPECT_FALSE(after({{"Retry-After", "Tue, 14 Foo 2023 22:13:50 GMT"}}).has_value());
  EXPECT_FALSE(after({{"Retry-After", "Tue, 14 Nov 2023 25:13:50 GMT"}}).has_value());
  EXPECT_FALSE(after({{"retry-after-ms", "-1"}}).has_value());
}

TEST(HttpDate, ParsesTheReferenceExample) {
  const auto parsed = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(system_clock::to_time_t(*parsed), 784111777);
}

}  // namespace
}  // namespace paradigm::detail
