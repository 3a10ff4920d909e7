// Artifacts: bytes identical to the server's, files that appear only when complete.
#include "support/mock_fixture.hpp"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace paradigm::testing {
namespace {

namespace fs = std::filesystem;

std::string sha256(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::ostringstream hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex << "0123456789abcdef"[digest[i] >> 4] << "0123456789abcdef"[digest[i] & 15];
  }
  return hex.str();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string random_bytes(std::size_t size) {
  std::mt19937 engine(42);
  std::string bytes(size, '\0');
  for (auto& c : bytes)
    c = static_cast<char>(engine());
  return bytes;
}

class Artifacts : public MockTest {
 protected:
  void SetUp() override {
    directory = fs::temp_directory_path() / ("paradigm-artifacts-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(directory);
    fs::create_directories(directory);
  }
  void TearDown() override { fs::remove_all(directory); }

  std::vector<fs::path> files_in_directory() const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(directory))
      files.push_back(entry.path());
    return files;
  }
  void break_download(mock::TransportFault how, int times = 1) {
    mock::Fault fault;
    fault.method = "GET";
    fault.path_regex = "/api/v3/artifacts/[^/]+/content";
    fault.transport = how;
    fault.cut_after_bytes = 1000;
    fault.times = times;
    server.add_fault(fault);
  }

  fs::path directory;
};

TEST_F(Artifacts, CodeExecutionTurnsCarryADownloadablePng) {
  auto paradigm = client();
  TurnRequest request = ask("Draw me a graph of a sinusoidal function.");
  request.force_tool = "code_execution";
  const Turn turn = paradigm.create_thread_with_turn(request);
  const auto artifacts = turn.artifacts();
  ASSERT_FALSE(artifacts.empty());
  EXPECT_EQ(artifacts[0].thumbnail().substr(1, 3), "PNG");

  const ArtifactContent content = paradigm.download_artifact_content(artifacts[0].id);
  EXPECT_EQ(content.bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(content.info.content_type, "image/png");
  ASSERT_TRUE(content.info.filename.has_value());
  EXPECT_NE(content.info.content_disposition->find("attachment"), std::string::npos);
  EXPECT_EQ(content.info.bytes, content.bytes.size());
  EXPECT_EQ(content.info.content_length, content.bytes.size());

  const Artifact metadata = paradigm.get_artifact(artifacts[0].id);
  EXPECT_EQ(metadata.id, artifacts[0].id);
}

TEST_F(Artifacts, BytesAreIdenticalInMemoryOnDiskAndThroughASink) {
  const std::string original = random_bytes(3 << 20);
  const std::string id = server.add_artifact(original, "application/octet-stream", "data.bin");
  auto paradigm = client();

  EXPECT_EQ(sha256(paradigm.download_artifact_bytes(id)), sha256(original));

  const fs::path target = directory / "data.bin";
  std::vector<std::uint64_t> progress;
  const DownloadInfo info = paradigm.download_artifact_to_file(
      id, target, [&](std::uint64_t received, std::optional<std::uint64_t> total) {
        progress.push_back(received);
        EXPECT_EQ(total, original.size());
      });
  EXPECT_TRUE(info.complete);
  EXPECT_EQ(info.bytes, original.size());
  EXPECT_EQ(sha256(read_file(target)), sha256(original));
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), original.size());
  EXPECT_EQ(files_in_directory(), std::vector<fs::path>{target});

  std::string collected;
  const DownloadInfo streamed = paradigm.download_artifact_to_sink(id, [&](std::string_view chunk) {
    collected.append(chunk);
    return true;
  });
  EXPECT_TRUE(streamed.complete);
  EXPECT_EQ(sha256(collected), sha256(original));
}

TEST_F(Artifacts, ASinkMayStopTheTransfer) {
  const std::string id = server.add_artifact(random_bytes(1 << 20), "application/octet-stream", "data.bin");
  std::size_t chunks = 0;
  const DownloadInfo info =
      client().download_artifact_to_sink(id, [&](std::string_view) { return ++chunks < 2; });
  EXPECT_FALSE(info.complete);
  EXPECT_EQ(chunks, 2u);
  EXPECT_LT(info.bytes, 1u << 20);
}

TEST_F(Artifacts, ABrokenDownloadLeavesNoFileBehind) {
  const std::string id = server.add_artifact(random_bytes(1 << 20), "application/octet-stream", "data.bin");
  break_download(mock::TransportFault::close_mid_body, -1);
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->max_retries = 1;
  EXPECT_THROW(client().download_artifact_to_file(id, directory / "data.bin", {}, call), ConnectionError);
  EXPECT_TRUE(files_in_directory().empty());
}

TEST_F(Artifacts, ABrokenDownloadKeepsTheOldFile) {
  const std::string id = server.add_artifact(random_bytes(1 << 20), "application/octet-stream", "data.bin");
  const fs::path target = directory / "data.bin";
  std::ofstream(target) << "previous content";
  break_download(mock::TransportFault::close_mid_body, -1);
  CallOptions call;
  call.retry = RetryPolicy{};
  call.retry->max_retries = 0;
  EXPECT_THROW(client().download_artifact_to_file(id, target, {}, call), ConnectionError);
  EXPECT_EQ(read_file(target), "previous content");
  EXPECT_EQ(files_in_directory(), std::vector<fs::path>{target});
}

TEST_F(Artifacts, ADownloadBrokenOnceIsRestartedCleanly) {
  const std::string original = random_bytes(1 << 20);
  const std::string id = server.add_artifact(original, "application/octet-stream", "data.bin");
  break_download(mock::TransportFault::close_mid_body, 1);
  const fs::path target = directory / "data.bin";
  client().download_artifact_to_file(id, target);
  EXPECT_EQ(sha256(read_file(target)), sha256(original));
  EXPECT_EQ(clock->sleeps().size(), 1u);
}

TEST_F(Artifacts, TheDestinationIsAUtf8PathGivenAsAString) {
  const std::string original = random_bytes(4096);
  const std::string id = server.add_artifact(original, "application/octet-stream", "data.bin");
  const std::string target = (directory / "r\xc3\xa9sum\xc3\xa9 \xe6\x8a\xa5\xe5\x91\x8a.bin").string();
  EXPECT_EQ(client().download_artifact_to_file(id, target).bytes, original.size());
  EXPECT_EQ(read_file(fs::u8path(target)), original);
  EXPECT_EQ(std::distance(fs::directory_iterator(directory), fs::directory_iterator()), 1);
}

TEST_F(Artifacts, TheDestinationMayBeAFilesystemPath) {
  const std::string original = random_bytes(4096);
  const std::string id = server.add_artifact(original, "application/octet-stream", "data.bin");
  const fs::path target = directory / fs::u8path("r\xc3\xa9sum\xc3\xa9.bin");
  EXPECT_EQ(client()
                .download_artifact_to_file(id, target, [](std::uint64_t, std::optional<std::uint64_t>) {})
                .bytes,
            original.size());
  EXPECT_EQ(read_file(target), original);
}

TEST_F(Artifacts, InMemoryDownloadsStopAtTheResponseLimit) {
  const std::string original = random_bytes(300 * 1024);
  const std::string id = server.add_artifact(original, "application/octet-stream", "big.bin");
  auto with = options();
  with.max_response_bytes = 100 * 1024;
  auto paradigm = client(with);
  try {
    paradigm.download_artifact_bytes(id);
    FAIL() << "expected DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("max_response_bytes"), std::string::npos) << e.what();
  }
  EXPECT_THROW(paradigm.download_artifact_content(id), DecodeError);
  // The file and sink forms use constant memory: no limit.
  EXPECT_EQ(paradigm.download_artifact_to_file(id, (directory / "big.bin").string()).bytes, original.size());
  std::size_t received = 0;
  paradigm.download_artifact_to_sink(id, [&](std::string_view chunk) {
    received += chunk.size();
    return true;
  });
  EXPECT_EQ(received, original.size());
  // At the limit exactly, it is delivered.
  with.max_response_bytes = original.size();
  EXPECT_EQ(client(with).download_artifact_bytes(id), original);
}

TEST_F(Artifacts, AStalledDownloadTimesOutAndLeavesNoFile) {
  const std::string id = server.add_artifact(random_bytes(1 << 20), "application/octet-stream", "data.bin");
  break_download(mock::TransportFault::stall_mid_body, -1);
  CallOptions call;
  call.stall_timeout = std::chrono::milliseconds(100);
  call.retry = RetryPolicy{};
  call.retry->max_retries = 0;
  EXPECT_THROW(client().download_artifact_to_file(id, directory / "data.bin", {}, call), TimeoutError);
  EXPECT_TRUE(files_in_directory().empty());
}

TEST_F(Artifacts, CancellingADownloadLeavesNoFile) {
  const std::string id = server.add_artifact(random_bytes(1 << 20), "application/octet-stream", "data.bin");
  break_download(mock::TransportFault::stall_mid_body, -1);
  CallOptions call;
  EXPECT_THROW(client().download_artifact_to_file(
                   id, directory / "data.bin",
                   [&](std::uint64_t, std::optional<std::uint64_t>) { call.cancellation.cancel(); }, call),
               CancelledError);
  EXPECT_TRUE(files_in_directory().empty());
}

TEST_F(Artifacts, UnknownArtifactIsNotFoundAndCreatesNoFile) {
  EXPECT_THROW(client().download_artifact_to_file("no-such-artifact", directory / "x.bin"), NotFoundError);
  EXPECT_THROW(client().download_artifact_bytes("no-such-artifact"), NotFoundError);
  EXPECT_TRUE(files_in_directory().empty());
}

TEST_F(Artifacts, ACallbackThatThrowsLeavesNoFile) {
  const std::string id = server.add_artifact(random_bytes(1 << 20), "application/octet-stream", "data.bin");
  EXPECT_THROW(client().download_artifact_to_file(id, directory / "x.bin",
                                                  [](std::uint64_t, std::optional<std::uint64_t>) {
                                                    throw std::runtime_error("disk quota");
                                                  }),
               std::runtime_error);
  EXPECT_TRUE(files_in_directory().empty());
}

}  // namespace
}  // namespace paradigm::testing
