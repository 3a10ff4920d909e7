// JSON answers held in memory: the announced length is a hint for
// reserving, never a reason to allocate past the limit.
#include "transport/content_length.hpp"
#include "workflow/fetch.hpp"

#include <paradigm/errors.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

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

TEST(ContentLength, ACompressedAnswerAnnouncesNoDecodedLength) {
  EXPECT_EQ(decoded_length(Headers{{"Content-Length", "20"}}), 20u);
  EXPECT_EQ(decoded_length(Headers{{"Content-Length", "20"}, {"Content-Encoding", "identity"}}), 20u);
  for (const char* encoding : {"gzip", "deflate", "br", "gzip, gzip"})
    EXPECT_EQ(decoded_length(Headers{{"Content-Length", "20"}, {"Content-Encoding", encoding}}), std::nullopt)
        << encoding;
}

// What the standard library adds to a reservation: libc++ rounds a capacity
// up to 16 bytes and keeps up to 22 bytes inline (libstdc++: exact, 15).
// The promise is the limit plus a small constant; this is the constant.
const std::size_t kLibrarySlack = std::max<std::size_t>(16, std::string().capacity());

// Growing copies the old block into the new one, both held at once: that
// sum (twice what was held) stays within the limit, for any limit and any
// chunking, and the buffer never reserves past the limit (and the slack).
TEST(BoundedBuffer, GrowingNeverHoldsTwiceTheLimit) {
  constexpr std::size_t kMiB = 1 << 20;
  for (const std::size_t limit : {40 * kMiB, 32 * kMiB + 1, 33 * kMiB, 48 * kMiB - 7, 3 * kMiB}) {
    for (const std::size_t chunk : {std::size_t{16384}, std::size_t{10000}, std::size_t{7}, kMiB + 3}) {
      if (chunk < 4096 && limit > 4 * kMiB) continue;  // slow, and nothing new
      BoundedBuffer buffer(limit);
      const std::string bytes(chunk, 'x');
      std::size_t capacity = buffer.text().capacity();
      while (buffer.append(bytes)) {
        if (buffer.text().capacity() != capacity) {
          const std::size_t held_while_copying = 2 * (buffer.size() - bytes.size());
          EXPECT_LE(held_while_copying, limit) << limit << " in " << chunk << "-byte chunks";
          EXPECT_LE(buffer.text().capacity(), limit + kLibrarySlack)
              << limit << " in " << chunk << "-byte chunks";
          capacity = buffer.text().capacity();
        }
      }
      EXPECT_GT(buffer.size() + chunk, limit);
    }
  }
}

TEST(BoundedBuffer, ATruncatedBodyKeepsTheLimitAndSaysItDroppedBytes) {
  BoundedBuffer buffer(1000);
  EXPECT_TRUE(buffer.append_truncated(std::string(600, 'a')));
  EXPECT_FALSE(buffer.append_truncated(std::string(900, 'b')));
  EXPECT_TRUE(buffer.full());
  EXPECT_EQ(buffer.text(), std::string(600, 'a') + std::string(400, 'b'));
  EXPECT_LE(buffer.text().capacity(), 1000u + kLibrarySlack);
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

// A compressed answer's Content-Length is that of its compressed bytes: its
// body is no longer than the limit because the length is small.
TEST(BufferSink, TheLengthOfACompressedAnswerReservesNothing) {
  BufferSink sink(1 << 20);
  ASSERT_TRUE(sink.on_head(200, Headers{{"Content-Length", "20000"}, {"Content-Encoding", "gzip"}}));
  ASSERT_TRUE(sink.on_data("{"));
  EXPECT_LT(sink.take().capacity(), 20000u);
}

}  // namespace
}  // namespace paradigm::detail
