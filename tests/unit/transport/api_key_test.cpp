// The API key cannot print, and redaction leaves ordinary words alone.
#include <paradigm/api_key.hpp>
#include <paradigm/options.hpp>

#include "core/text.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace paradigm::detail {
namespace {

TEST(ApiKey, StreamsAndFormatsAsRedacted) {
  ClientOptions options;
  options.api_key = "sk-live-1234567890";
  std::ostringstream out;
  out << options.api_key;
  EXPECT_EQ(out.str(), "[REDACTED]");
  EXPECT_EQ(to_string(options.api_key), "[REDACTED]");
  EXPECT_EQ(options.api_key.reveal(), "sk-live-1234567890");
  EXPECT_EQ(to_string(ApiKey()), "");  // nothing to hide
}

TEST(ApiKey, AssignsFromTextAsAStringDid) {
  ApiKey key = std::string("abc");
  EXPECT_EQ(key, ApiKey("abc"));
  key = "def";
  EXPECT_EQ(key.reveal(), "def");
  EXPECT_FALSE(key.empty());
}

TEST(Redaction, ALongKeyIsRemovedWhereverItStands) {
  const std::string key = "sk-0123456789abcdef";
  EXPECT_EQ(redact("Bearer " + key, key), "Bearer [REDACTED]");
  EXPECT_EQ(redact("token%3D" + key + "&x", key), "token%3D[REDACTED]&x");
  EXPECT_EQ(redact(key + key, key), "[REDACTED][REDACTED]");
}

TEST(Redaction, AShortKeyIsRemovedOnlyAsAWholeToken) {
  EXPECT_EQ(redact("key abc in \"abc\" and abc.", "abc"), "key [REDACTED] in \"[REDACTED]\" and [REDACTED].");
  // Ordinary words that contain it are left alone.
  EXPECT_EQ(redact("fabcde abcd xabc abc_1 abc-2", "abc"), "fabcde abcd xabc abc_1 abc-2");
  EXPECT_EQ(redact("a test of a", "a"), "[REDACTED] test of [REDACTED]");
  EXPECT_EQ(redact("anything", ""), "anything");
}

}  // namespace
}  // namespace paradigm::detail
