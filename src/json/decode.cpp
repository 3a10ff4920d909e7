// decode<T> and decode_text<T>, instantiated for every type the client and
// serialize.hpp decode.

#include "json/codec.hpp"

namespace paradigm::detail {

namespace {

// Every document is an object except the bare array of GET /agents/{id}/tags.
template <class T>
constexpr const char* kRootType = "object";
template <>
constexpr const char* kRootType<std::vector<AgentTag>> = "array";

}  // namespace

template <class T>
T decode(nlohmann::json&& json) {
  const JsonPath root;
  // A null root would otherwise read as "absent" and give an empty value.
  if (json.is_null()) throw_type_error(root, kRootType<T>, json);
  T value;
  read(json, root, value);
  return value;
}

template <class T>
T decode_text(std::string_view text, std::size_t budget) {
  nlohmann::json json = parse_json(text, budget);
  try {
    return decode<T>(std::move(json));
  } catch (const DecodeError& e) {
    throw DecodeError(e.what(), e.path(), raw_excerpt(text));
  }
}

#define PARADIGM_INSTANTIATE_DECODE(Type)        \
  template Type decode<Type>(nlohmann::json &&); \
  template Type decode_text<Type>(std::string_view, std::size_t);

PARADIGM_MODEL_TYPES(PARADIGM_INSTANTIATE_DECODE)
// GET /api/v3/agents/{id}/tags answers a bare array.
PARADIGM_INSTANTIATE_DECODE(std::vector<AgentTag>)

#undef PARADIGM_INSTANTIATE_DECODE

}  // namespace paradigm::detail
