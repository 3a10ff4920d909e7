// Downloads without a socket: a file appears only when complete, a retry
// starts over, and bytes held in memory are limited.
#include "workflow_test_util.hpp"

#include <filesystem>
#include <fstream>

namespace paradigm::testing {
namespace {

namespace fs = std::filesystem;

const char* kContent = "/api/v3/artifacts/a1/content";

ScriptedAnswer bytes_answer(std::vector<std::string> chunks) {
  ScriptedAnswer answer;
  answer.headers.add("Content-Type", "application/octet-stream");
  answer.headers.add("Content-Disposition", R"(attachment; filename="data.bin")");
  answer.chunks = std::move(chunks);
  return answer;
}

class Downloads : public WorkflowTest {
 protected:
  Downloads() : directory(fs::temp_directory_path() / ("paradigm-workflow-" + std::to_string(::getpid()))) {
    fs::remove_all(directory);
    fs::create_directories(directory);
  }
  ~Downloads() override { fs::remove_all(directory); }

  std::size_t files() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
  }
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path directory;
};

TEST_F(Downloads, AFileAppearsWhole) {
  server().expect("GET", kContent, bytes_answer({"abc", "def"}));
  const DownloadInfo info = client().download_artifact_to_file("a1", directory / "out.bin");
  EXPECT_EQ(read(directory / "out.bin"), "abcdef");
  EXPECT_EQ(info.bytes, 6u);
  EXPECT_EQ(info.filename, "data.bin");
  EXPECT_EQ(files(), 1u);
}

TEST_F(Downloads, ABrokenAttemptIsRetriedFromTheStart) {
  ScriptedAnswer broken = bytes_answer({"abc"});
  broken.fail_after = TransferError::reset;
  server().expect("GET", kContent, broken).expect("GET", kContent, bytes_answer({"abcdef"}));
  client().download_artifact_to_file("a1", directory / "out.bin");
  EXPECT_EQ(read(directory / "out.bin"), "abcdef");
  EXPECT_EQ(files(), 1u);
}

TEST_F(Downloads, AFailedDownloadLeavesNothingBehind) {
  ScriptedAnswer broken = bytes_answer({"abc"});
  broken.fail_after = TransferError::reset;
  server().expect("GET", kContent, broken).expect("GET", kContent, broken).expect("GET", kContent, broken);
  EXPECT_THROW(client().download_artifact_to_file("a1", directory / "out.bin"), ConnectionError);
  EXPECT_EQ(files(), 0u);
}

TEST_F(Downloads, AnErrorStatusLeavesNothingBehind) {
  server().expect("GET", kContent, json_answer(404, R"({"detail": "Not found."})"));
  EXPECT_THROW(client().download_artifact_to_file("a1", directory / "out.bin"), NotFoundError);
  EXPECT_EQ(files(), 0u);
}

TEST_F(Downloads, ASinkThatStopsEndsTheTransferIncomplete) {
  server().expect("GET", kContent, bytes_answer({"abc", "def", "ghi"}));
  std::string received;
  const DownloadInfo info = client().download_artifact_to_sink("a1", [&](std::string_view chunk) {
    received += chunk;
    return received.size() < 6;
  });
  EXPECT_FALSE(info.complete);
  EXPECT_EQ(received, "abcdef");
}

TEST_F(Downloads, ASinkReturningNothingTakesEveryChunk) {
  server().expect("GET", kContent, bytes_answer({"abc", "def"}));
  std::string received;
  EXPECT_TRUE(
      client().download_artifact_to_sink("a1", [&](std::string_view chunk) { received += chunk; }).complete);
  EXPECT_EQ(received, "abcdef");
}

TEST_F(Downloads, BytesASinkHasSeenAreNeverSentAgain) {
  ScriptedAnswer broken = bytes_answer({"abc"});
  broken.fail_after = TransferError::reset;
  server().expect("GET", kContent, broken);
  std::string received;
  EXPECT_THROW(client().download_artifact_to_sink("a1", [&](std::string_view chunk) { received += chunk; }),
               ConnectionError);
  EXPECT_EQ(received, "abc");
}

TEST_F(Downloads, InMemoryBytesAreLimitedAndRefusedOnTheFirstAttempt) {
  ClientOptions options = ScriptedClient::default_options();
  options.max_response_bytes = 4;
  ScriptedClient small(options);
  small.transport->expect("GET", kContent, bytes_answer({"abc", "def"}));
  EXPECT_THROW(small.client.download_artifact_bytes("a1"), DecodeError);
  EXPECT_EQ(small.transport->sent().size(), 1u);
  small.transport->expect("GET", kContent, bytes_answer({"ab", "cd"}));
  const ArtifactContent content = small.client.download_artifact_content("a1");
  EXPECT_EQ(content.bytes, "abcd");
  EXPECT_EQ(content.info.content_type, "application/octet-stream");
}

TEST_F(Downloads, AnAnnouncedLengthOverTheLimitIsRefusedNotReserved) {
  ClientOptions options = ScriptedClient::default_options();
  options.max_response_bytes = 1024;
  ScriptedClient small(options);
  small.transport->expect("GET", kContent, bytes_answer({"x"}).header("Content-Length", "1000000000000000"));
  EXPECT_THROW(small.client.download_artifact_bytes("a1"), DecodeError);
}

TEST_F(Downloads, ABadIdIsRefusedBeforeAnyFileIsMade) {
  EXPECT_THROW(client().download_artifact_to_file("", directory / "out.bin"), InvalidRequestError);
  EXPECT_EQ(files(), 0u);
}

}  // namespace
}  // namespace paradigm::testing
