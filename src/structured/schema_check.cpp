// check_schema: a JSON value against the JSON Schema subset of structured
// output. Once a value has the wrong type nothing below it is checked: the
// first mismatch is the one that explains the rest.

#include <paradigm/schema.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <type_traits>

namespace paradigm {

namespace {

using Json = nlohmann::json;

// Below 2^53 a double holds every integer exactly; past it, the number written
// may not be the one held (9007199254740993 reads as ...992), and an integer
// past 64 bits (-9223372036854775809) is held as a double too.
constexpr double kExactIntegers = 9007199254740992.0;

// JSON Schema's integer is a mathematical one: 3.0 is an integer. A double
// is one only where it is exact, so that no integer is read as its neighbour.
bool is_integer(const Json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  return std::floor(number) == number && std::fabs(number) < kExactIntegers;
}

// A double without fraction that is not an integer for is_integer: too large to be exact.
bool is_inexact_integer(const Json& value) {
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  return std::isfinite(number) && std::floor(number) == number && !is_integer(value);
}

int sign(double difference) {
  return (difference > 0) - (difference < 0);
}

// `number` against `integer`, exactly (no conversion that rounds).
template <class Integer>
int compare(double number, Integer integer) {
  constexpr double kPast = std::is_signed_v<Integer> ? 9223372036854775808.0 : 18446744073709551616.0;
  constexpr double kBelow = std::is_signed_v<Integer> ? -9223372036854775808.0 : 0.0;
  if (number < kBelow) return -1;
  if (number >= kPast) return 1;
  const auto whole = static_cast<Integer>(number);  // truncated, and within range: exact
  if (whole != integer) return whole < integer ? -1 : 1;
  return sign(number - std::trunc(number));
}

// -1, 0 or 1: `a` against `b`, two JSON numbers of any kind, exactly.
// (nlohmann's own comparison casts an unsigned to a signed one: it finds
// 18446744073709551615 less than 0.)
int compare_numbers(const Json& a, const Json& b) {
  if (a.is_number_float() && b.is_number_float()) return sign(a.get<double>() - b.get<double>());
  if (a.is_number_float()) {
    return b.is_number_unsigned() ? compare(a.get<double>(), b.get<std::uint64_t>())
                                  : compare(a.get<double>(), b.get<std::int64_t>());
  }
  if (b.is_number_float()) return -compare_numbers(b, a);
  if (a.is_number_unsigned() && b.is_number_unsigned()) {
    const auto x = a.get<std::uint64_t>(), y = b.get<std::uint64_t>();
    return (x > y) - (x < y);
  }
  if (a.is_number_unsigned()) return b.get<std::int64_t>() < 0 ? 1 : -compare_numbers(b, a);
  if (b.is_number_unsigned()) {
    const auto x = a.get<std::int64_t>();
    return x < 0 ? -1 : compare_numbers(Json(static_cast<std::uint64_t>(x)), b);
  }
  const auto x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
  return (x > y) - (x < y);
}

// Equal JSON values; numbers compared exactly whatever their kinds.
bool same_value(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
  return a == b;
}

// The type names of JSON Schema; an unknown name is not checked.
bool has_type(const Json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return is_integer(value);
  if (type == "number")
    return value.is_number() && (!value.is_number_float() || std::isfinite(value.get<double>()));
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return true;
}

std::string kind_of(const Json& value) {
  if (is_integer(value)) return "integer";
  if (value.is_number()) return "number";
  return value.type_name();  // object, array, string, boolean, null
}

std::string child(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string element(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// A value as it reads in a message: short, on one line.
std::string quoted(const Json& value) {
  return detail::truncate_for_message(value.dump(-1, ' ', false, Json::error_handler_t::replace), 60);
}

class Checker {
 public:
  explicit Checker(const SchemaCheckOptions& options) : options_(options) {}

  void check(const Json& value, const Json& schema, const std::string& path) {
    if (full() || !schema.is_object()) return;
    if (!check_type(value, schema, path)) return;
    check_enum(value, schema, path);
    check_bounds(value, schema, path);
    if (value.is_object()) check_object(value, schema, path);
    if (value.is_array()) check_array(value, schema, path);
  }

  std::vector<SchemaMismatch> take() && { return std::move(mismatches_); }

 private:
  bool full() const { return mismatches_.size() >= options_.max_mismatches; }

  void report(const std::string& path, std::string message) {
    if (!full()) mismatches_.push_back({path, std::move(message)});
  }

  bool check_type(const Json& value, const Json& schema, const std::string& path) {
    const auto type = schema.find("type");
    if (type == schema.end()) return true;
    std::vector<std::string> names;
    if (type->is_string()) names.push_back(type->get<std::string>());
    if (type->is_array()) {
      for (const auto& name : *type) {
        if (name.is_string()) names.push_back(name.get<std::string>());
      }
    }
    if (names.empty() || std::any_of(names.begin(), names.end(),
                                     [&](const std::string& name) { return has_type(value, name); })) {
      return true;
    }
    std::string expected;
    for (const auto& name : names)
      expected += (expected.empty() ? "" : " or ") + name;
    std::string got = kind_of(value);
    if (is_inexact_integer(value)) {
      got += " " + quoted(value) +
             ", not an exact integer (past 64 bits, or written with a fraction or an exponent past 2^53)";
    } else if (value.is_number_float() && !std::isfinite(value.get<double>())) {
      got += " past the range of a double";
    }
    report(path, "expected " + expected + ", got " + got);
    return false;
  }

  void check_enum(const Json& value, const Json& schema, const std::string& path) {
    const auto allowed = schema.find("enum");
    if (allowed == schema.end() || !allowed->is_array()) return;
    if (std::any_of(allowed->begin(), allowed->end(),
                    [&](const Json& name) { return same_value(name, value); }))
      return;
    std::string names;
    for (const auto& name : *allowed)
      names += (names.empty() ? "" : ", ") + quoted(name);
    report(path, "expected one of " + names + ", got " + quoted(value));
  }

  void check_bounds(const Json& value, const Json& schema, const std::string& path) {
    if (!value.is_number()) return;
    const auto minimum = schema.find("minimum");
    if (minimum != schema.end() && minimum->is_number() && compare_numbers(value, *minimum) < 0) {
      report(path, "expected at least " + minimum->dump() + ", got " + value.dump());
    }
    const auto maximum = schema.find("maximum");
    if (maximum != schema.end() && maximum->is_number() && compare_numbers(value, *maximum) > 0) {
      report(path, "expected at most " + maximum->dump() + ", got " + value.dump());
    }
  }

  void check_object(const Json& value, const Json& schema, const std::string& path) {
    std::vector<std::string> required;
    if (const auto names = schema.find("required"); names != schema.end() && names->is_array()) {
      for (const auto& name : *names) {
        if (!name.is_string()) continue;
        required.push_back(name.get<std::string>());
        if (!value.contains(required.back())) report(child(path, required.back()), "missing (required)");
      }
    }
    const auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object()) return;
    for (const auto& [key, property] : properties->items()) {
      const auto member = value.find(key);
      if (member == value.end()) continue;
      const bool optional = std::find(required.begin(), required.end(), key) == required.end();
      if (member->is_null() && optional && options_.null_as_absent) continue;
      check(*member, property, child(path, key));
    }
  }

  void check_array(const Json& value, const Json& schema, const std::string& path) {
    const auto items = schema.find("items");
    if (items == schema.end()) return;
    for (std::size_t i = 0; i < value.size() && !full(); ++i)
      check(value[i], *items, element(path, i));
  }

  SchemaCheckOptions options_;
  std::vector<SchemaMismatch> mismatches_;
};

}  // namespace

std::vector<SchemaMismatch> check_schema(const JsonValue& value, const JsonValue& schema,
                                         const SchemaCheckOptions& options) {
  Checker checker(options);
  checker.check(value.nlohmann(), schema.nlohmann(), "");
  return std::move(checker).take();
}

}  // namespace paradigm
