// JSON -> every model type. The first byte picks the type (its index in
// PARADIGM_MODEL_TYPES; one past the end is JsonValue), the rest is the
// JSON text. Invariants: malformed input only ever raises DecodeError, and
// whatever parses survives a round trip unchanged (to_json of the re-parsed
// value equals the first to_json), unknown members and enum values included.

#include "fuzz_check.hpp"

#include <paradigm/errors.hpp>
#include <paradigm/serialize.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

template <class T>
void check_round_trip(std::string_view json) {
  std::optional<T> value;
  try {
    value = paradigm::from_json<T>(json);
  } catch (const paradigm::DecodeError&) {
    return;
  }
  const std::string once = paradigm::to_json(*value);
  const T again = paradigm::from_json<T>(once);  // our own output must parse
  FUZZ_CHECK(paradigm::to_json(again) == once);
}

void check_json_value(std::string_view json) {
  try {
    const auto value = paradigm::JsonValue::parse(json);
    FUZZ_CHECK(paradigm::JsonValue::parse(value.dump()) == value);
  } catch (const paradigm::DecodeError&) {
  }
}

using Check = void (*)(std::string_view);

// Indexed like PARADIGM_MODEL_TYPES (the seed corpus relies on it), then
// JsonValue. The list names the types unqualified.
using namespace paradigm;  // NOLINT(google-build-using-namespace)
#define PARADIGM_CHECK_ROUND_TRIP(Type) check_round_trip<Type>,
constexpr Check kChecks[] = {
    PARADIGM_MODEL_TYPES(PARADIGM_CHECK_ROUND_TRIP) check_json_value,
};
#undef PARADIGM_CHECK_ROUND_TRIP

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::size_t choice = data[0] % (sizeof(kChecks) / sizeof(kChecks[0]));
  kChecks[choice](std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  return 0;
}
