// The opt-in conversions of <paradigm/json.hpp>: `nlohmann::json j = turn;`
// and `j.get<paradigm::Turn>()`.

#include <paradigm/json.hpp>

#include "json/model_json.hpp"

namespace paradigm {

void to_json(nlohmann::json& json, const JsonValue& value) {
  json = value.nlohmann();
}
void from_json(const nlohmann::json& json, JsonValue& value) {
  value = JsonValue(json);
}

// The decoder moves out of its input, so a caller's const document is copied
// once; the strictness and DecodeError paths are those of from_json<T>(text).
#define PARADIGM_DEFINE_NLOHMANN_TO_JSON(Type)            \
  void to_json(nlohmann::json& json, const Type& value) { \
    json = detail::encode(value);                         \
  }
#define PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Type)          \
  PARADIGM_DEFINE_NLOHMANN_TO_JSON(Type)                    \
  void from_json(const nlohmann::json& json, Type& value) { \
    value = detail::decode<Type>(nlohmann::json(json));     \
  }

PARADIGM_MODEL_TYPES(PARADIGM_DEFINE_NLOHMANN_CONVERSIONS)
PARADIGM_REQUEST_TYPES(PARADIGM_DEFINE_NLOHMANN_TO_JSON)

#undef PARADIGM_DEFINE_NLOHMANN_CONVERSIONS
#undef PARADIGM_DEFINE_NLOHMANN_TO_JSON

}  // namespace paradigm
