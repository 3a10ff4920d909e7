// In-memory downloads: the limit holds whatever the server announces.
#include "workflow/download_sinks.hpp"

#include <paradigm/errors.hpp>

#include <gtest/gtest.h>

namespace paradigm::detail {
namespace {

void expect_decode_error(const std::exception_ptr& failure) {
  ASSERT_TRUE(failure);
  EXPECT_THROW(std::rethrow_exception(failure), DecodeError);
}

TEST(MemoryDownload, AHugeAnnouncedLengthIsRefusedNotReserved) {
  MemoryDownload target(1024);
  target.reset();
  ASSERT_TRUE(target.on_head(200, Headers{{"Content-Length", "1000000000000000"}}));
  EXPECT_FALSE(target.on_data("x"));  // no attempt to reserve a petabyte
  expect_decode_error(target.failure());
  EXPECT_TRUE(target.take().empty());
}

TEST(MemoryDownload, BytesBeyondTheLimitAreRefused) {
  MemoryDownload target(10);
  target.reset();
  ASSERT_TRUE(target.on_head(200, Headers{}));
  EXPECT_TRUE(target.on_data("0123456789"));
  EXPECT_FALSE(target.failure());
  EXPECT_FALSE(target.on_data("a"));
  expect_decode_error(target.failure());
}

TEST(MemoryDownload, ARetryStartsFromNothing) {
  MemoryDownload target(10);
  target.reset();
  ASSERT_TRUE(target.on_head(200, Headers{{"Content-Length", "6"}}));
  EXPECT_TRUE(target.on_data("abc"));
  target.reset();
  ASSERT_TRUE(target.on_head(200, Headers{{"Content-Length", "6"}}));
  EXPECT_TRUE(target.on_data("abcdef"));
  EXPECT_EQ(target.info().bytes, 6u);
  EXPECT_EQ(target.take(), "abcdef");
}

// The length of compressed bytes says nothing of the decoded ones: neither
// refused nor reserved, the bytes are counted as they come.
TEST(MemoryDownload, TheLengthOfACompressedDownloadIsOnlyInformation) {
  MemoryDownload target(10);
  target.reset();
  ASSERT_TRUE(target.on_head(200, Headers{{"Content-Length", "1000"}, {"Content-Encoding", "gzip"}}));
  EXPECT_EQ(target.info().content_length, 1000u);
  EXPECT_TRUE(target.on_data("0123456789"));
  EXPECT_FALSE(target.on_data("a"));
  expect_decode_error(target.failure());
}

}  // namespace
}  // namespace paradigm::detail
