#include <paradigm/headers.hpp>

#include "core/text.hpp"

namespace paradigm {

std::optional<std::string> Headers::get(std::string_view name) const {
  for (const auto& field : fields_) {
    if (detail::iequals(field.first, name)) return field.second;
  }
  return std::nullopt;
}

}  // namespace paradigm
