#pragma once

// The reader of every model type (read_model.cpp defines them from the field
// descriptions), including the nested types model_json.hpp does not decode
// alone.

#include "json/model_json.hpp"
#include "json/reader.hpp"

namespace paradigm::detail {

#define PARADIGM_DECLARE_READ(Type) void read(Json& value, const JsonPath& at, Type& out);
PARADIGM_MODEL_TYPES(PARADIGM_DECLARE_READ)
#undef PARADIGM_DECLARE_READ

}  // namespace paradigm::detail
