#pragma once

// The reader of every model type (read_model.cpp defines them from the field
// descriptions), including the nested types model_json.hpp does not decode
// alone.

#include "json/model_json.hpp"
#include "json/page_fields.hpp"
#include "json/reader.hpp"

namespace paradigm::detail {

#define PARADIGM_DECLARE_READ(Type) void read(Json& value, const JsonPath& at, Type& out);
PARADIGM_MODEL_TYPES(PARADIGM_DECLARE_READ)
#undef PARADIGM_DECLARE_READ

/// A page of any model type: a listing needs no entry of its own in the
/// model list (the pages listed there are read by their own function).
template <class T>
void read(Json& value, const JsonPath& at, Page<T>& out) {
  read_object(value, at, out);
}

}  // namespace paradigm::detail
