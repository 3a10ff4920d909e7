#pragma once

#include <paradigm/export.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paradigm {

/// HTTP header fields in the order received. Lookups ignore the case of names.
class PARADIGM_API Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  Headers() = default;
  Headers(std::initializer_list<Field> fields) : fields_(fields) {}

  /// The first value of `name`, or nullopt.
  std::optional<std::string> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
  /// Appends a field (several fields may share a name).
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

  const std::vector<Field>& fields() const noexcept { return fields_; }
  bool empty() const noexcept { return fields_.empty(); }
  auto begin() const noexcept { return fields_.begin(); }
  auto end() const noexcept { return fields_.end(); }

 private:
  std::vector<Field> fields_;
};

}  // namespace paradigm
