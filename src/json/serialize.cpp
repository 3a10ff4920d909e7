// The public text API of serialize.hpp over the internal mapping.

#include <paradigm/errors.hpp>
#include <paradigm/serialize.hpp>

#include "json/model_json.hpp"

namespace paradigm {

namespace {

// Strings from the server are valid UTF-8; a caller's string may not be, and
// is printed with U+FFFD rather than failing the whole document.
std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

namespace detail {

// A request body with invalid UTF-8 would reach the server altered: refuse it.
std::string dump_request(const nlohmann::json& json) {
  try {
    return json.dump();
  } catch (const nlohmann::json::type_error& e) {
    throw InvalidRequestError(std::string("request body is not valid UTF-8: ") + e.what());
  }
}

}  // namespace detail

#define PARADIGM_DEFINE_SERIALIZE(Type)         \
  template <>                                   \
  Type from_json<Type>(std::string_view json) { \
    return detail::decode_text<Type>(json);     \
  }                                             \
  std::string to_json(const Type& value) {      \
    return dump(detail::encode(value));         \
  }

PARADIGM_MODEL_TYPES(PARADIGM_DEFINE_SERIALIZE)

#undef PARADIGM_DEFINE_SERIALIZE

#define PARADIGM_DEFINE_TO_JSON(Type)                    \
  std::string to_json(const Type& value) {               \
    return detail::dump_request(detail::encode(value));  \
  }
PARADIGM_REQUEST_TYPES(PARADIGM_DEFINE_TO_JSON)
#undef PARADIGM_DEFINE_TO_JSON

}  // namespace paradigm
