#pragma once

// "Append unless over the limit", written once: JSON answers, in-memory
// downloads, a stream answered with JSON, and error bodies all use it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm::detail {

class BoundedBuffer {
 public:
  explicit BoundedBuffer(std::size_t limit) noexcept : limit_(limit) {}

  /// Appends `bytes` if the total stays within the limit; false (and nothing
  /// appended) otherwise.
  bool append(std::string_view bytes) {
    if (bytes.size() > limit_ - text_.size()) return false;
    text_.append(bytes);
    return true;
  }
  /// Appends what fits and drops the rest (for bodies kept only to be shown).
  void append_truncated(std::string_view bytes) { text_.append(bytes.substr(0, limit_ - text_.size())); }
  /// Makes room at once for the `announced` length of the answer (its
  /// Content-Length), rather than growing chunk by chunk; false when it is
  /// over the limit (nothing reserved: the answer will not fit).
  bool reserve_announced(std::optional<std::uint64_t> announced) {
    if (!announced) return true;
    if (*announced > limit_) return false;
    text_.reserve(static_cast<std::size_t>(*announced));
    return true;
  }

  void clear() noexcept { text_.clear(); }
  std::size_t limit() const noexcept { return limit_; }
  std::size_t size() const noexcept { return text_.size(); }
  const std::string& text() const noexcept { return text_; }
  std::string take() noexcept { return std::move(text_); }

 private:
  std::size_t limit_;
  std::string text_;
};

}  // namespace paradigm::detail
