// The reader of every type of PARADIGM_MODEL_TYPES: its field description,
// read strictly (the source lists of a tool result are tolerant).

#include "json/codec.hpp"
#include "json/model_fields.hpp"

namespace paradigm::detail {

#define PARADIGM_DEFINE_READ(Type)                           \
  void read(Json& value, const JsonPath& at, Type& out) { \
    read_object(value, at, out);                             \
  }
PARADIGM_MODEL_TYPES(PARADIGM_DEFINE_READ)
#undef PARADIGM_DEFINE_READ

}  // namespace paradigm::detail
