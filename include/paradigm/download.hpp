#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm {

/// What an artifact download received.
struct DownloadInfo {
  /// `Content-Type`, when the server sent it.
  std::optional<std::string> content_type;
  /// `Content-Disposition`, when the server sent it.
  std::optional<std::string> content_disposition;
  /// The file name from `Content-Disposition`, when it has one.
  std::optional<std::string> filename;
  /// `Content-Length`, when the server sent it.
  std::optional<std::uint64_t> content_length;
  /// Bytes delivered.
  std::uint64_t bytes = 0;
  /// False when a sink stopped the transfer early.
  bool complete = true;
};

/// An artifact's bytes with what the server said about them.
struct ArtifactContent {
  std::string bytes;
  DownloadInfo info;
};

/// Receives the body chunk by chunk; return false to stop the transfer.
using ChunkSink = std::function<bool(std::string_view chunk)>;

/// Reports download progress: bytes so far and the total when known.
using ProgressCallback = std::function<void(std::uint64_t received, std::optional<std::uint64_t> total)>;

}  // namespace paradigm
