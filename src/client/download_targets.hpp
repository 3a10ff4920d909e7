#pragma once

// Where artifact bytes go: memory, a caller's sink, or a file that appears
// at its path only once complete.

#include <paradigm/download.hpp>

#include "client/client_core.hpp"

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace paradigm::detail {

/// Records what the response head says; subclasses store the bytes.
class DownloadTarget : public BodyTarget {
 public:
  bool on_head(int status, const Headers& headers) override;
  void begin_attempt() override { info_.bytes = 0; }
  const DownloadInfo& info() const noexcept { return info_; }

 protected:
  DownloadInfo info_;
};

/// Holds the bytes in memory, refusing more than `limit` of them.
class MemoryDownload final : public DownloadTarget {
 public:
  explicit MemoryDownload(std::size_t limit) : limit_(limit) {}
  void begin_attempt() override;
  bool on_data(std::string_view bytes) override;
  std::exception_ptr failure() const override { return failure_; }
  std::string bytes;

 private:
  std::size_t limit_;
  std::exception_ptr failure_;
};

/// Passes chunks to the caller. Once a chunk is delivered the transfer is
/// never retried (the caller cannot take bytes back).
class SinkDownload final : public DownloadTarget {
 public:
  explicit SinkDownload(const ChunkSink& sink) : sink_(sink) {}
  bool on_data(std::string_view bytes) override;
  bool committed() const override { return info_.bytes > 0; }

 private:
  const ChunkSink& sink_;
};

/// Writes to a temporary file beside the destination; commit() renames it
/// into place. The temporary file is removed if commit() is never reached.
class FileDownload final : public DownloadTarget {
 public:
  FileDownload(std::filesystem::path destination, const ProgressCallback& progress);
  ~FileDownload() override;
  FileDownload(const FileDownload&) = delete;
  FileDownload& operator=(const FileDownload&) = delete;

  void begin_attempt() override;
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
  const ProgressCallback& progress_;
  std::FILE* file_ = nullptr;
  std::exception_ptr failure_;
};

/// The file name a Content-Disposition value carries (`filename*` preferred),
/// without any directory part.
std::optional<std::string> filename_from_disposition(std::string_view disposition);

}  // namespace paradigm::detail
