// The special members declared out of line with
// PARADIGM_OUT_OF_LINE_SPECIAL_MEMBERS: compiled once, here.

#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>

#define PARADIGM_DEFINE_SPECIAL_MEMBERS(Type)       \
  Type::Type() = default;                           \
  Type::Type(const Type&) = default;                \
  Type::Type(Type&&) noexcept = default;            \
  Type& Type::operator=(const Type&) = default;     \
  Type& Type::operator=(Type&&) noexcept = default; \
  Type::~Type() = default

namespace paradigm {

PARADIGM_DEFINE_SPECIAL_MEMBERS(ToolCall);
PARADIGM_DEFINE_SPECIAL_MEMBERS(Part);
PARADIGM_DEFINE_SPECIAL_MEMBERS(Message);
PARADIGM_DEFINE_SPECIAL_MEMBERS(Turn);

}  // namespace paradigm
