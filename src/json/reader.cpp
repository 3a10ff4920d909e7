#include "json/reader.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace paradigm::detail {

void read(Json& value, const JsonPath& at, std::string& out) {
  if (value.is_string()) {
    out = std::move(value.get_ref<std::string&>());
  } else if (value.is_null()) {
    out.clear();
  } else {
    throw_type_error(at, "string", value);
  }
}

namespace {

// Below 2^53 a double holds every integer exactly; from there on the number
// written may not be the one held (9007199254740993.0 reads as ...992), and a
// plain integer past 64 bits (-9223372036854775809) is held as a double too.
constexpr double kExactIntegers = 9007199254740992.0;

// A number held as a double that reads as an integer exactly: integral, and below 2^53.
std::int64_t exact_integer(const Json& value, const JsonPath& at) {
  const double number = value.get<double>();
  if (std::trunc(number) != number) throw_type_error(at, "integer", value);
  if (!(std::fabs(number) < kExactIntegers)) {
    throw_decode_error(at, "integer out of range or not exact: " + value.dump() +
                               " (past 64 bits, or written with a fraction or an exponent past 2^53)");
  }
  return static_cast<std::int64_t>(number);
}

}  // namespace

// Integers may arrive as 3.0 from some serialisers; a fraction is an error,
// and so is a number that would not be read exactly.
void read(Json& value, const JsonPath& at, std::int64_t& out) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  switch (value.type()) {
    case Json::value_t::null:
      out = 0;
      return;
    case Json::value_t::number_integer:
      out = value.get<std::int64_t>();
      return;
    case Json::value_t::number_unsigned:
      if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(kMax)) {
        throw_decode_error(
            at, "integer out of range: " + value.dump() + " (the largest is " + std::to_string(kMax) + ")");
      }
      out = static_cast<std::int64_t>(value.get<std::uint64_t>());
      return;
    case Json::value_t::number_float:
      out = exact_integer(value, at);
      return;
    default:
      throw_type_error(at, "integer", value);
  }
}

void read(Json& value, const JsonPath& at, double& out) {
  if (value.is_number()) {
    out = value.get<double>();
  } else if (value.is_null()) {
    out = 0;
  } else {
    throw_type_error(at, "number", value);
  }
}

void read(Json& value, const JsonPath& at, bool& out) {
  if (value.is_boolean()) {
    out = value.get<bool>();
  } else if (value.is_null()) {
    out = false;
  } else {
    throw_type_error(at, "boolean", value);
  }
}

void read(Json& value, const JsonPath& at, Timestamp& out) {
  if (value.is_null()) {
    out = Timestamp();
    return;
  }
  if (!value.is_string()) throw_type_error(at, "date-time string", value);
  try {
    out = Timestamp::parse(value.get_ref<const std::string&>());
  } catch (const DecodeError& e) {
    throw_decode_error(at, e.what());
  }
}

void read(Json& value, const JsonPath&, JsonValue& out) {
  out = value.is_null() ? JsonValue() : JsonValue(std::move(value));
}

void read(Json& value, const JsonPath& at, ArtifactId<std::string> id) {
  if (value.is_number_unsigned()) {
    id.target = std::to_string(value.get<std::uint64_t>());
  } else if (value.is_number_integer()) {
    id.target = std::to_string(value.get<std::int64_t>());
  } else if (value.is_string() || value.is_null()) {
    read(value, at, id.target);
  } else {
    throw_type_error(at, "string or integer", value);
  }
}

void read(Json& value, const JsonPath& at, std::map<std::string, double>& out) {
  out.clear();
  if (value.is_null()) return;
  if (!value.is_object()) throw_type_error(at, "object", value);
  for (auto& [name, number] : value.get_ref<Json::object_t&>()) {
    if (number.is_null()) continue;
    const JsonPath member_at(at, name);
    if (!number.is_number()) throw_type_error(member_at, "number", number);
    out.emplace(name, number.get<double>());
  }
}

}  // namespace paradigm::detail
