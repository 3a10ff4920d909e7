#pragma once

// "Append unless over the limit", written once: JSON answers, in-memory
// downloads, a stream answered with JSON, and error bodies all use it.
//
// Growing a buffer holds its old and its new block at once while the bytes
// are copied; doubling freely, a buffer just over half its limit would
// reach twice the limit (0.99 of it copied into 1.98). reserve_within grows
// so that a copy never exceeds half the limit: the memory of a buffer stays
// within its limit, even while it grows.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// Makes room in `text` for `needed` bytes: its capacity doubles while that
/// keeps it within half of `limit`, then becomes `limit` at once (pages not
/// yet written cost no memory), so that growing never holds more than
/// `limit` bytes. `needed` may exceed `limit` (the caller then went past it).
inline void reserve_within(std::string& text, std::size_t needed, std::size_t limit) {
  const std::size_t capacity = text.capacity();
  if (needed <= capacity) return;
  std::size_t next = std::max(needed, capacity > limit / 2 ? limit : 2 * capacity);
  if (next > limit / 2) next = std::max(needed, limit);
  text.reserve(next);
}

class BoundedBuffer {
 public:
  explicit BoundedBuffer(std::size_t limit) noexcept : limit_(limit) {}

  /// Appends `bytes` if the total stays within the limit; false (and nothing
  /// appended) otherwise.
  bool append(std::string_view bytes) {
    if (bytes.size() > limit_ - text_.size()) return false;
    reserve_within(text_, text_.size() + bytes.size(), limit_);
    text_.append(bytes);
    return true;
  }
  /// Appends what fits and drops the rest (for bodies kept only to be shown).
  /// False when something was dropped.
  bool append_truncated(std::string_view bytes) {
    const std::string_view kept = bytes.substr(0, limit_ - text_.size());
    reserve_within(text_, text_.size() + kept.size(), limit_);
    text_.append(kept);
    return kept.size() == bytes.size();
  }
  /// Makes room at once for the `announced` length of the answer (its
  /// decoded_length), rather than growing chunk by chunk; false when it is
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
  bool full() const noexcept { return text_.size() == limit_; }
  const std::string& text() const noexcept { return text_; }
  std::string take() noexcept { return std::move(text_); }

 private:
  std::size_t limit_;
  std::string text_;
};

}  // namespace paradigm::detail
