// Artifact thumbnails: base64 in its usual variants.

#include "core/base64.hpp"

#include <paradigm/artifact.hpp>
#include <paradigm/errors.hpp>

#include <gtest/gtest.h>

namespace paradigm {
namespace {

Artifact with_thumbnail(std::string text) {
  Artifact artifact;
  artifact.id = "a";
  artifact.thumbnail_base64 = std::move(text);
  return artifact;
}

TEST(ArtifactThumbnail, NoneGivesEmptyBytes) {
  EXPECT_EQ(Artifact{}.thumbnail(), "");
  EXPECT_EQ(with_thumbnail("").thumbnail(), "");
}

TEST(ArtifactThumbnail, StandardBase64) {
  EXPECT_EQ(with_thumbnail("UklGRg==").thumbnail(), "RIFF");
  EXPECT_EQ(with_thumbnail("UklGRiQAAABXRUJQ").thumbnail(), std::string("RIFF$\0\0\0WEBP", 12));
}

TEST(ArtifactThumbnail, PaddingOptionalWhitespaceIgnored) {
  EXPECT_EQ(with_thumbnail("UklGRg").thumbnail(), "RIFF");
  EXPECT_EQ(with_thumbnail("Ukl\nGR g=\r\n=").thumbnail(), "RIFF");
}

TEST(ArtifactThumbnail, UrlSafeAlphabet) {
  const std::string bytes("\xfb\xff\xfe", 3);
  EXPECT_EQ(with_thumbnail("+//+").thumbnail(), std::string("\xfb\xff\xfe", 3));
  EXPECT_EQ(with_thumbnail("-__-").thumbnail(), bytes);
}

TEST(ArtifactThumbnail, DataUrlPrefixIsStripped) {
  EXPECT_EQ(with_thumbnail("data:image/webp;base64,UklGRg==").thumbnail(), "RIFF");
  EXPECT_THROW(with_thumbnail("data:image/webp,UklGRg==").thumbnail(), DecodeError);
}

TEST(ArtifactThumbnail, BadInputIsADecodeError) {
  for (const char* text : {"Ukl*Rg==", "U", "UklGR===", "UklGRg==UklG", "=UklGRg", "UklGRg=", "UklGRg===="}) {
    EXPECT_THROW(with_thumbnail(text).thumbnail(), DecodeError) << text;
  }
}

TEST(Base64, EncodeDecodeEveryLength) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(detail::base64_decode(detail::base64_encode(bytes)), bytes);
    bytes.push_back(static_cast<char>(i * 37));
  }
  EXPECT_EQ(detail::base64_encode("RIFF"), "UklGRg==");
  EXPECT_EQ(detail::base64_encode("RIF"), "UklG");
  EXPECT_EQ(detail::base64_encode("RI"), "Ukk=");
}

}  // namespace
}  // namespace paradigm
