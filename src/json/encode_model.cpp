// The writer of every type of PARADIGM_MODEL_TYPES: its field description
// over its `extra` members.

#include "json/model_fields.hpp"
#include "json/writer.hpp"

namespace paradigm::detail {

#define PARADIGM_DEFINE_ENCODE(Type) \
  Json encode(const Type& value) {   \
    return encode_object(value);     \
  }
PARADIGM_MODEL_TYPES(PARADIGM_DEFINE_ENCODE)
#undef PARADIGM_DEFINE_ENCODE

}  // namespace paradigm::detail
