// Integers of a structured answer, read exactly: the schema check has already
// refused what the C++ type cannot hold, so these only take the value out of
// whichever JSON number type holds it (a DecodeError, never a wrapped value,
// should one come unchecked).

#include <paradigm/structured_detail.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace paradigm::detail {

namespace {

// Integral doubles below 2^53 are exact (check_schema's `integer`).
bool exact_double(double number) {
  return std::trunc(number) == number && std::fabs(number) < 9007199254740992.0;
}

[[noreturn]] void not_an_integer(const nlohmann::json& value, const char* type) {
  throw DecodeError("structured output: " + value.dump() + " is not an exact " + type);
}

}  // namespace

std::int64_t read_signed_integer(const JsonValue& value) {
  const nlohmann::json& number = value.nlohmann();
  if (number.is_number_integer() && !number.is_number_unsigned()) return number.get<std::int64_t>();
  if (number.is_number_unsigned() &&
      number.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return static_cast<std::int64_t>(number.get<std::uint64_t>());
  }
  if (number.is_number_float() && exact_double(number.get<double>())) {
    return static_cast<std::int64_t>(number.get<double>());
  }
  not_an_integer(number, "64-bit signed integer");
}

std::uint64_t read_unsigned_integer(const JsonValue& value) {
  const nlohmann::json& number = value.nlohmann();
  if (number.is_number_unsigned()) return number.get<std::uint64_t>();
  if (number.is_number_integer() && number.get<std::int64_t>() >= 0) {
    return static_cast<std::uint64_t>(number.get<std::int64_t>());
  }
  if (number.is_number_float() && exact_double(number.get<double>()) && number.get<double>() >= 0) {
    return static_cast<std::uint64_t>(number.get<double>());
  }
  not_an_integer(number, "64-bit unsigned integer");
}

}  // namespace paradigm::detail
