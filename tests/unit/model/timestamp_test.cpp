// ISO-8601 / RFC 3339 date-times as the API sends them.

#include <paradigm/errors.hpp>
#include <paradigm/timestamp.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace paradigm {
namespace {

using std::chrono::microseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

constexpr std::int64_t kUnix20251216T160153 = 1765900913;  // 2025-12-16T16:01:53Z

Timestamp::clock::time_point at(std::int64_t unix_seconds, nanoseconds fraction = nanoseconds(0)) {
  return Timestamp::clock::time_point(
      std::chrono::duration_cast<Timestamp::clock::duration>(seconds(unix_seconds) + fraction));
}

TEST(Timestamp, ApiFormWithMicroseconds) {
  const auto ts = Timestamp::parse("2025-12-16T16:01:53.806331Z");
  EXPECT_EQ(ts.time_point(), at(kUnix20251216T160153, microseconds(806331)));
  EXPECT_EQ(ts.utc_offset_minutes(), 0);
  EXPECT_EQ(ts.to_string(), "2025-12-16T16:01:53.806331Z");
}

TEST(Timestamp, EveryAcceptedFormPrintsBackUnchanged) {
  for (const char* text :
       {"2025-12-16T16:01:53Z", "2025-12-16T16:01:53.8Z", "2025-12-16T16:01:53.806331Z",
        "2025-12-16T16:01:53.123456789Z", "2025-12-16t16:01:53z", "2025-12-16 16:01:53Z",
        "2025-12-16T18:01:53+02:00", "2025-12-16T10:31:53-05:30", "2025-12-16T18:01:53+0200",
        "2025-12-16T16:01:53", "2025-12-16T16:01:53.5", "2025-12-16T16:01:53.000+00:00"}) {
    const auto ts = Timestamp::parse(text);
    EXPECT_EQ(ts.to_string(), text);
    EXPECT_EQ(std::chrono::floor<seconds>(ts.time_point()), at(kUnix20251216T160153)) << text;
  }
}

TEST(Timestamp, FractionDigits) {
  EXPECT_EQ(Timestamp::parse("2025-12-16T16:01:53.8Z").time_point(),
            at(kUnix20251216T160153, std::chrono::milliseconds(800)));
  EXPECT_EQ(Timestamp::parse("2025-12-16T16:01:53.000000001Z").time_point(),
            at(kUnix20251216T160153, std::chrono::duration_cast<Timestamp::clock::duration>(nanoseconds(1))));
}

TEST(Timestamp, InstantsCompareAcrossOffsets) {
  const auto utc = Timestamp::parse("2025-12-16T16:01:53Z");
  const auto paris = Timestamp::parse("2025-12-16T17:01:53+01:00");
  const auto new_york = Timestamp::parse("2025-12-16T11:01:53-05:00");
  const auto india = Timestamp::parse("2025-12-16T21:31:53+0530");
  EXPECT_EQ(utc, paris);
  EXPECT_EQ(utc, new_york);
  EXPECT_EQ(utc, india);
  EXPECT_EQ(paris.utc_offset_minutes(), 60);
  EXPECT_EQ(new_york.utc_offset_minutes(), -300);
  EXPECT_EQ(india.utc_offset_minutes(), 330);
  EXPECT_TRUE(Timestamp::parse("2025-12-16T17:01:53+02:00") < utc);
  EXPECT_NE(utc, Timestamp::parse("2025-12-16T16:01:53.000001Z"));
}

TEST(Timestamp, OffsetsCrossingMidnightAndYears) {
  EXPECT_EQ(Timestamp::parse("2026-01-01T00:30:00+01:00"), Timestamp::parse("2025-12-31T23:30:00Z"));
}

TEST(Timestamp, LeapDays) {
  EXPECT_NO_THROW(Timestamp::parse("2024-02-29T12:00:00Z"));
  EXPECT_NO_THROW(Timestamp::parse("2000-02-29T12:00:00Z"));
  EXPECT_THROW(Timestamp::parse("2025-02-29T12:00:00Z"), DecodeError);
  EXPECT_THROW(Timestamp::parse("1900-02-29T12:00:00Z"), DecodeError);
  EXPECT_EQ(Timestamp::parse("2024-03-01T00:00:00Z").time_point() -
                Timestamp::parse("2024-02-28T00:00:00Z").time_point(),
            std::chrono::hours(48));
}

TEST(Timestamp, LeapSecondIsAccepted) {
  EXPECT_EQ(Timestamp::parse("2016-12-31T23:59:60Z").time_point(),
            Timestamp::parse("2017-01-01T00:00:00Z").time_point());
}

TEST(Timestamp, InvalidTextIsRejected) {
  for (const char* text : {"",
                           "2025",
                           "2025-12-16",
                           "2025-13-01T00:00:00Z",
                           "2025-00-01T00:00:00Z",
                           "2025-04-31T00:00:00Z",
                           "2025-12-00T00:00:00Z",
                           "2025-12-16T24:00:00Z",
                           "2025-12-16T23:60:00Z",
                           "2025-12-16T23:59:61Z",
                           "2025-12-16X16:01:53Z",
                           "2025-12-16T16:01Z",
                           "2025-12-16T16:01:53.Z",
                           "2025-12-16T16:01:53.1234567890Z",
                           "2025-12-16T16:01:53+2:00",
                           "2025-12-16T16:01:53+24:00",
                           "2025-12-16T16:01:53+02:60",
                           "2025-12-16T16:01:53Z ",
                           " 2025-12-16T16:01:53Z",
                           "2025-12-16T16:01:53ZZ",
                           "25-12-16T16:01:53Z",
                           "2025-1-16T16:01:53Z",
                           "１９９９-12-16T16:01:53Z"}) {
    EXPECT_THROW(Timestamp::parse(text), DecodeError) << text;
  }
}

TEST(Timestamp, ErrorMessageQuotesTheText) {
  try {
    Timestamp::parse("2025-13-01T00:00:00Z");
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(std::string(e.what()), "invalid date-time \"2025-13-01T00:00:00Z\": month out of range");
  }
}

TEST(Timestamp, ConstructedInstantPrintsUtcMicroseconds) {
  const Timestamp ts(at(kUnix20251216T160153, nanoseconds(806331999)));
  EXPECT_EQ(ts.to_string(), "2025-12-16T16:01:53.806331Z");
  EXPECT_EQ(ts.utc_offset_minutes(), 0);
  EXPECT_EQ(Timestamp(at(0)).to_string(), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(Timestamp(at(-1, nanoseconds(500000000))).to_string(), "1969-12-31T23:59:59.500000Z");
  EXPECT_EQ(Timestamp(at(951782400)).to_string(), "2000-02-29T00:00:00.000000Z");
  EXPECT_EQ(Timestamp::parse(ts.to_string()).time_point(), at(kUnix20251216T160153, microseconds(806331)));
}

TEST(Timestamp, DefaultIsTheEpoch) {
  const Timestamp ts;
  EXPECT_EQ(ts.time_point(), Timestamp::clock::time_point());
  EXPECT_EQ(ts.to_string(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(ts, Timestamp::parse("1970-01-01T01:00:00+01:00"));
}

}  // namespace
}  // namespace paradigm
