#pragma once

#include <paradigm/errors.hpp>
#include <paradigm/export.hpp>
#include <paradigm/model_types.hpp>

#include <string>
#include <string_view>

namespace paradigm {

namespace detail {
template <class T>
inline constexpr bool unsupported_type_v = false;
}  // namespace detail

/// Parses API JSON into a model type (any type of PARADIGM_MODEL_TYPES):
///
///     auto turn = paradigm::from_json<paradigm::Turn>(body);
///
/// Unknown members are kept in `extra`; unknown enum values keep their text.
/// Throws DecodeError (with the JSON path) on malformed JSON, a wrong type at a
/// known field, or nesting deeper than 256 levels.
template <class T>
T from_json(std::string_view json) {
  static_assert(detail::unsupported_type_v<T>,
                "paradigm::from_json<T>: T is not a model type (see PARADIGM_MODEL_TYPES in "
                "<paradigm/model_types.hpp>); requests convert one way, with to_json");
  (void)json;
  return T();
}

/// Serialises a type of PARADIGM_MODEL_TYPES or PARADIGM_REQUEST_TYPES; any
/// other type does not compile.
template <class T>
std::string to_json(const T&) {
  static_assert(detail::unsupported_type_v<T>,
                "paradigm::to_json: the argument is not a model or request type (see "
                "PARADIGM_MODEL_TYPES and PARADIGM_REQUEST_TYPES in <paradigm/model_types.hpp>)");
  return {};
}

/// Serialises a model type back to JSON text, so that to_json(from_json(x))
/// gives back x (docs/model.md, "Null, absent and empty"):
/// - every list (std::vector, and `timings`) is written, `[]` when empty: an
///   empty list stays empty, an absent or null list comes back as `[]`;
/// - an unset std::optional, a null JsonValue and an empty OpenEnum are left
///   out: `"liked": null` comes back absent;
/// - a std::optional<std::vector> keeps its presence (`[]` when set and empty);
/// - unknown members (`extra`) come back as received.
#define PARADIGM_DECLARE_SERIALIZE(Type)              \
  template <>                                         \
  PARADIGM_API Type from_json<Type>(std::string_view); \
  PARADIGM_API std::string to_json(const Type& value);
PARADIGM_MODEL_TYPES(PARADIGM_DECLARE_SERIALIZE)
#undef PARADIGM_DECLARE_SERIALIZE

/// Requests serialise to the exact body the client sends (without `stream`,
/// which the client adds for the streaming methods).
#define PARADIGM_DECLARE_TO_JSON(Type) PARADIGM_API std::string to_json(const Type& value);
PARADIGM_REQUEST_TYPES(PARADIGM_DECLARE_TO_JSON)
#undef PARADIGM_DECLARE_TO_JSON

}  // namespace paradigm
