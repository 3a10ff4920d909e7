#pragma once

#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

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

/// Receives a download chunk by chunk. Made from any callable taking a
/// `std::string_view`: one returning `bool` stops the transfer by returning
/// false; one returning nothing takes every chunk.
///
///     client.download_artifact_to_sink(id, [&](std::string_view chunk) { out.write(chunk); });
class ChunkSink {
 public:
  ChunkSink() = default;
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, ChunkSink> &&
                                              std::is_invocable_v<F&, std::string_view>>>
  ChunkSink(F&& receive)  // NOLINT(google-explicit-constructor)
      : receive_(adapt(std::forward<F>(receive))) {}

  /// Passes one chunk; false means "stop".
  bool operator()(std::string_view chunk) const { return receive_(chunk); }
  explicit operator bool() const noexcept { return static_cast<bool>(receive_); }

 private:
  template <class F>
  static std::function<bool(std::string_view)> adapt(F&& receive) {
    using Result = std::invoke_result_t<F&, std::string_view>;
    static_assert(std::is_void_v<Result> || std::is_convertible_v<Result, bool>,
                  "a ChunkSink returns bool (false stops the transfer) or nothing");
    if constexpr (std::is_void_v<Result>) {
      return [receive = std::forward<F>(receive)](std::string_view chunk) mutable {
        receive(chunk);
        return true;
      };
    } else {
      return [receive = std::forward<F>(receive)](std::string_view chunk) mutable {
        return static_cast<bool>(receive(chunk));
      };
    }
  }

  std::function<bool(std::string_view)> receive_;
};

/// Reports download progress: bytes so far and the total when known.
using ProgressCallback = std::function<void(std::uint64_t received, std::optional<std::uint64_t> total)>;

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(DownloadInfo);
PARADIGM_VALUE_OPERATORS(ArtifactContent);

}  // namespace paradigm
