#pragma once

#include <paradigm/export.hpp>

#include <array>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

namespace paradigm {

/// Status of a turn (and of a thread, which reports its current turn's).
enum class TurnStatus { unknown, running, completed, failed, cancelled, cancelling };
/// Kind of a message part.
enum class PartType { unknown, text, reasoning, tool_call, document, workspace, tag };
/// Author of a message.
enum class Role { unknown, user, assistant };
/// Where a tool comes from.
enum class ToolType { unknown, native, mcp };
/// Kind of a workspace referenced by a message part.
enum class WorkspaceType { unknown, company, personal, custom };

/// Wire names of an enum, indexed by the enumerator's value (`unknown` = "").
template <class E>
struct EnumNames;

template <>
struct EnumNames<TurnStatus> {
  static constexpr std::array<std::string_view, 6> names{"",       "running",   "completed",
                                                         "failed", "cancelled", "cancelling"};
};
template <>
struct EnumNames<PartType> {
  static constexpr std::array<std::string_view, 7> names{"",         "text",      "reasoning", "tool_call",
                                                         "document", "workspace", "tag"};
};
template <>
struct EnumNames<Role> {
  static constexpr std::array<std::string_view, 3> names{"", "user", "assistant"};
};
template <>
struct EnumNames<ToolType> {
  static constexpr std::array<std::string_view, 3> names{"", "native", "mcp"};
};
template <>
struct EnumNames<WorkspaceType> {
  static constexpr std::array<std::string_view, 4> names{"", "company", "personal", "custom"};
};

/// The wire name of a known value ("" for `unknown`).
template <class E>
constexpr std::string_view to_string(E value) noexcept {
  const auto index = static_cast<std::size_t>(value);
  return index < EnumNames<E>::names.size() ? EnumNames<E>::names[index] : std::string_view{};
}

/// Prints the wire name (GoogleTest's messages use it).
PARADIGM_API std::ostream& operator<<(std::ostream& out, TurnStatus value);
PARADIGM_API std::ostream& operator<<(std::ostream& out, PartType value);
PARADIGM_API std::ostream& operator<<(std::ostream& out, Role value);
PARADIGM_API std::ostream& operator<<(std::ostream& out, ToolType value);
PARADIGM_API std::ostream& operator<<(std::ostream& out, WorkspaceType value);

/// An enum that stays open to values this SDK does not know yet: an unknown
/// wire value parses as `E::unknown`, keeps its text, and is written back as is.
///
///     if (turn.status == paradigm::TurnStatus::completed) ...
///     switch (part.type.value()) { ... }
///     std::cout << turn.status.text();
template <class E>
class OpenEnum {
 public:
  /// No value (the field was absent): `unknown` with empty text.
  OpenEnum() = default;
  /// A known value.
  OpenEnum(E value) : value_(value), text_(to_string(value)) {}  // NOLINT(google-explicit-constructor)

  /// Maps a wire value; unrecognised text gives `E::unknown` with the text kept.
  static OpenEnum from_text(std::string text) {
    OpenEnum result;
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 1; i < names.size(); ++i) {
      if (names[i] == text) {
        result.value_ = static_cast<E>(i);
        break;
      }
    }
    result.text_ = std::move(text);
    return result;
  }

  E value() const noexcept { return value_; }
  /// The wire text ("" when the field was absent).
  const std::string& text() const noexcept { return text_; }
  /// True when the wire value is not one this SDK knows (or was absent).
  bool is_unknown() const noexcept { return value_ == E::unknown; }
  /// True when no value was given at all.
  bool empty() const noexcept { return text_.empty(); }

  friend bool operator==(const OpenEnum& a, E b) noexcept { return a.value_ == b; }
  friend bool operator==(E a, const OpenEnum& b) noexcept { return a == b.value_; }
  friend bool operator!=(const OpenEnum& a, E b) noexcept { return a.value_ != b; }
  friend bool operator!=(E a, const OpenEnum& b) noexcept { return a != b.value_; }
  friend bool operator==(const OpenEnum& a, const OpenEnum& b) noexcept { return a.text_ == b.text_; }
  friend bool operator!=(const OpenEnum& a, const OpenEnum& b) noexcept { return a.text_ != b.text_; }
  /// Prints the wire text ("unknown" when absent). (The inserter of a
  /// string_view is declared by <string_view>: this header needs no <ostream>.)
  friend std::ostream& operator<<(std::ostream& out, const OpenEnum& value) {
    return out << (value.text_.empty() ? std::string_view("unknown") : std::string_view(value.text_));
  }

 private:
  E value_ = E::unknown;
  std::string text_;
};

/// True for the statuses a turn never leaves: completed, failed, cancelled.
constexpr bool is_terminal(TurnStatus status) noexcept {
  return status == TurnStatus::completed || status == TurnStatus::failed || status == TurnStatus::cancelled;
}

}  // namespace paradigm
