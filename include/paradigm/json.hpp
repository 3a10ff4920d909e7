#pragma once

// Opt-in interop with nlohmann::json. This header includes the full
// <nlohmann/json.hpp>; the rest of the SDK's headers do not.
//
//     #include <paradigm/json.hpp>
//     nlohmann::json j = turn;                 // model -> JSON
//     auto again = j.get<paradigm::Turn>();    // JSON -> model (DecodeError on bad input)
//
// Every type of PARADIGM_MODEL_TYPES converts both ways, the requests of
// PARADIGM_REQUEST_TYPES to JSON only, and JsonValue both ways. The JSON is
// the same as that of paradigm::to_json / from_json<T>.

#include <paradigm/serialize.hpp>

#include <nlohmann/json.hpp>

namespace paradigm {

#define PARADIGM_DECLARE_NLOHMANN_TO_JSON(Type) \
  PARADIGM_API void to_json(nlohmann::json& json, const Type& value);
#define PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Type) \
  PARADIGM_DECLARE_NLOHMANN_TO_JSON(Type)           \
  PARADIGM_API void from_json(const nlohmann::json& json, Type& value);

PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(JsonValue)
PARADIGM_MODEL_TYPES(PARADIGM_DECLARE_NLOHMANN_CONVERSIONS)
PARADIGM_REQUEST_TYPES(PARADIGM_DECLARE_NLOHMANN_TO_JSON)

#undef PARADIGM_DECLARE_NLOHMANN_CONVERSIONS
#undef PARADIGM_DECLARE_NLOHMANN_TO_JSON

}  // namespace paradigm
