#pragma once

// Where artifact bytes go: memory, a caller's sink, or a file that appears
// at its path only once complete.

#include <paradigm/download.hpp>

#include "transport/bounded_buffer.hpp"
#include "transport/transport.hpp"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

namespace paradigm::detail {

/// Records what the answer's head says; subclasses keep the bytes.
class DownloadSink : public BodySink {
 public:
  bool on_head(int status, const Headers& headers) override;
  void reset() override { info_.bytes = 0; }
  const DownloadInfo& info() const noexcept { return info_; }

 protected:
  DownloadInfo info_;
  /// The length of the bytes to come, when the head says it (decoded_length).
  std::optional<std::uint64_t> decoded_length_;
};

/// Holds the bytes in memory, refusing more than `limit` of them.
class MemoryDownload final : public DownloadSink {
 public:
  explicit MemoryDownload(std::size_t limit) : bytes_(limit) {}
  void reset() override;
  bool on_data(std::string_view bytes) override;
  std::exception_ptr failure() const override { return failure_; }
  std::string take() { return bytes_.take(); }

 private:
  BoundedBuffer bytes_;
  std::exception_ptr failure_;
};

/// Passes chunks to the caller. Once a chunk is delivered the transfer is
/// never repeated (the caller cannot take bytes back).
class SinkDownload final : public DownloadSink {
 public:
  explicit SinkDownload(ChunkSink sink) : sink_(std::move(sink)) {}
  bool on_data(std::string_view bytes) override;
  bool committed() const override { return info_.bytes > 0; }

 private:
  ChunkSink sink_;
};

/// Writes to a temporary file beside the destination; commit() renames it
/// into place. The temporary file is removed if commit() is never reached.
class FileDownload final : public DownloadSink {
 public:
  FileDownload(std::filesystem::path destination, ProgressCallback progress);
  ~FileDownload() override;
  FileDownload(const FileDownload&) = delete;
  FileDownload& operator=(const FileDownload&) = delete;

  void reset() override;
  bool on_data(std::string_view bytes) override;
  std::exception_ptr failure() const override { return failure_; }
  /// Flushes and renames the temporary file to the destination.
  void commit();

 private:
  void fail(const std::string& what);

  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  // Small writes, as curl makes: on Linux >= 6.16 ext4 backs each write with a
  // page-cache folio as large as the write, and on a VM whose host reclaims
  // free memory (balloon free-page reporting) large folios come from pages
  // the host must fault back in. 1 MiB writes made a 1 GiB download 2.5x
  // slower than 16 KiB ones (docs/benchmarks.md).
  static constexpr std::size_t kWriteBufferBytes = 16 * 1024;
  std::vector<char> write_buffer_;  // the FILE's buffer: outlives file_
  ProgressCallback progress_;
  std::FILE* file_ = nullptr;
  std::exception_ptr failure_;
};

/// The file name a Content-Disposition value carries (`filename*` preferred),
/// without any directory part.
std::optional<std::string> filename_from_disposition(std::string_view disposition);

}  // namespace paradigm::detail
