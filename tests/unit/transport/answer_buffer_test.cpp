// JSON answers held in memory: the announced length is a hint for
// reserving, never a reason to allocate past the limit.
#include "transport/content_length.hpp"
#include "workflow/fetch.hpp"

#include <paradigm/errors.hpp>

#include <gtest/gtest.h>

namespace paradigm::detail {
namespace {

TEST(ContentLength, APlainNumberIsRead) {
  EXPECT_EQ(content_length(Headers{{"Content-Length", "20405"}}), 20405u);
  EXPECT_EQ(content_length(Headers{{"content-length", " 7 "}}), 7u);
}

TEST(ContentLength, AnythingElseIsNotAnnounced) {
  EXPECT_EQ(content_length(Headers{}), std::nullopt);
  for (const char* odd : {"", "-1", "12abc", "0x10", "99999999999999999999999", "1 2"})
    EXPECT_EQ(content_length(Headers{{"Content-Length", odd}}), std::nullopt) << odd;
}

TEST(BufferSink, TheAnnouncedLengthIsReservedBeforeTheFirstByte) {
  BufferSink sink(1 << 20);
  ASSERT_TRUE(sink.on_head(200, Headers{{"Content-Length", "20000"}}));
  ASSERT_TRUE(sink.on_data("{"));
  EXPECT_GE(sink.take().capacity(), 20000u);
}

TEST(BufferSink, AnAnnouncementOverTheLimitReservesNothingAndTheLimitStillHolds) {
  BufferSink sink(10);
  ASSERT_TRUE(sink.on_head(200, Headers{{"Content-Length", "1000000000000000"}}));
  EXPECT_TRUE(sink.on_data("0123456789"));
  EXPECT_FALSE(sink.on_data("a"));
  ASSERT_TRUE(sink.failure());
  EXPECT_THROW(std::rethrow_exception(sink.failure()), DecodeError);
  EXPECT_LT(sink.take().capacity(), 1000u);
}

}  // namespace
}  // namespace paradigm::detail
