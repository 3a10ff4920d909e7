#pragma once

// Where the decoder is in a document, for error messages only.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// One step of a JSON path, linked to its parent. Each decoding function keeps
/// its segment on the stack, so tracking costs two stores per member and the
/// text is only built when an error is thrown.
class JsonPath {
 public:
  /// The document root.
  JsonPath() noexcept = default;
  /// Member `key` of `parent`; `key` must outlive this segment.
  JsonPath(const JsonPath& parent, std::string_view key) noexcept : parent_(&parent), key_(key) {}
  /// Element `index` of `parent`.
  JsonPath(const JsonPath& parent, std::size_t index) noexcept
      : parent_(&parent), index_(index), is_index_(true) {}

  JsonPath(const JsonPath&) = delete;
  JsonPath& operator=(const JsonPath&) = delete;

  /// E.g. `messages[1].parts[0].tool_call.steps`; "" for the root.
  std::string str() const;

 private:
  void append_to(std::string& out) const;

  const JsonPath* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

/// Throws DecodeError("expected <what> at <path>, got <type of value>").
[[noreturn]] void throw_type_error(const JsonPath& at, const char* expected, const nlohmann::json& value);

/// Throws DecodeError("<problem> at <path>").
[[noreturn]] void throw_decode_error(const JsonPath& at, const std::string& problem);

}  // namespace paradigm::detail
