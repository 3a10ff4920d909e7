// The public API under each C++ standard a user may compile it with (this
// file is built three times: C++17, C++20, C++23). What changes between them:
// std::filesystem::path::u8string() returns std::string before C++20 and
// std::u8string since, and client.hpp's path overload of
// download_artifact_to_file must turn either into the UTF-8 string the
// connection takes. A fake connection records it: no server, no file.
#include <paradigm/paradigm.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#if PARADIGM_TEST_CXX_STANDARD == 17
#define PARADIGM_STANDARD_SUITE Cxx17
#elif PARADIGM_TEST_CXX_STANDARD == 20
#define PARADIGM_STANDARD_SUITE Cxx20
#else
#define PARADIGM_STANDARD_SUITE Cxx23
#endif

namespace {

class RecordingConnection : public paradigm::ThreadsConnection {
 public:
  paradigm::DownloadInfo download_artifact_to_file(std::string_view artifact_id, std::string_view path,
                                                   const paradigm::ProgressCallback&,
                                                   const paradigm::CallOptions&) override {
    artifact = std::string(artifact_id);
    destination = std::string(path);
    paradigm::DownloadInfo info;
    info.bytes = path.size();
    return info;
  }
  std::string artifact;
  std::string destination;
};

struct Recorded {
  std::shared_ptr<RecordingConnection> connection = std::make_shared<RecordingConnection>();
  paradigm::ThreadsClient client{connection};
};

// "é" and "日" as UTF-8 bytes, spelled the same way under every standard
// (u8"" literals are char8_t arrays since C++20).
const std::string kUtf8Name = "charts/\xC3\xA9t\xC3\xA9-\xE6\x97\xA5.png";

// A path from UTF-8 the way each standard offers (u8path is deprecated in C++20).
std::filesystem::path utf8_path(const std::string& utf8) {
#ifdef __cpp_char8_t
  return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
#else
  return std::filesystem::u8path(utf8);
#endif
}

}  // namespace

TEST(PARADIGM_STANDARD_SUITE, CompiledWithTheStandardItNames) {
  const long expected = PARADIGM_TEST_CXX_STANDARD == 17 ? 201703L
                        : PARADIGM_TEST_CXX_STANDARD == 20 ? 202002L
                                                            : 202100L;  // GCC 12 and clang 14 for C++23
  EXPECT_GE(__cplusplus, expected);
  if (PARADIGM_TEST_CXX_STANDARD == 17) {
    EXPECT_LT(__cplusplus, 202002L);
  }
}

TEST(PARADIGM_STANDARD_SUITE, AFilesystemPathReachesTheConnectionAsUtf8) {
  Recorded recorded;
  const std::filesystem::path destination = utf8_path(kUtf8Name);
  const auto info = recorded.client.download_artifact_to_file("artifact-1", destination);
  EXPECT_EQ(recorded.connection->artifact, "artifact-1");
  EXPECT_EQ(recorded.connection->destination, kUtf8Name);
  EXPECT_EQ(info.bytes, kUtf8Name.size());
}

TEST(PARADIGM_STANDARD_SUITE, APathBuiltFromPartsKeepsItsSeparators) {
  Recorded recorded;
  const auto destination = std::filesystem::path("out") / "sub" / "chart.png";
  recorded.client.download_artifact_to_file("artifact-2", destination);
  const char separator = static_cast<char>(std::filesystem::path::preferred_separator);
  EXPECT_EQ(recorded.connection->destination, std::string("out") + separator + "sub" + separator + "chart.png");
}

TEST(PARADIGM_STANDARD_SUITE, StringsAndLiteralsStillTakeTheStringOverload) {
  Recorded recorded;
  recorded.client.download_artifact_to_file("artifact-3", "literal.png");
  EXPECT_EQ(recorded.connection->destination, "literal.png");
  recorded.client.download_artifact_to_file("artifact-3", kUtf8Name);
  EXPECT_EQ(recorded.connection->destination, kUtf8Name);
}
