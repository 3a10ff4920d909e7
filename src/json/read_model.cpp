// The reader of every type of PARADIGM_MODEL_TYPES: its field description,
// read strictly (the source lists of a tool result, and artifacts, are tolerant).

#include "json/codec.hpp"
#include "json/model_fields.hpp"

namespace paradigm::detail {

namespace {

// How each type's known fields are read: an artifact's shape is not
// published (the guide names `id` and `thumbnail_base64`), so a field of an
// unexpected type stays in `extra` instead of failing the whole turn.
template <class T>
constexpr Strictness kStrictness = Strictness::strict;
template <>
constexpr Strictness kStrictness<Artifact> = Strictness::tolerant;

}  // namespace

#define PARADIGM_DEFINE_READ(Type)                        \
  void read(Json& value, const JsonPath& at, Type& out) { \
    read_object<kStrictness<Type>>(value, at, out);       \
  }
PARADIGM_MODEL_TYPES(PARADIGM_DEFINE_READ)
#undef PARADIGM_DEFINE_READ

}  // namespace paradigm::detail
