#pragma once

#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace paradigm {

/// One place where a JSON value departs from a JSON Schema.
struct SchemaMismatch {
  /// Where, e.g. `cities[2].name` ("" for the value itself).
  std::string path;
  /// What, e.g. `expected integer, got string`.
  std::string message;
};

/// How check_schema reads a value.
struct SchemaCheckOptions {
  /// A null member that is not `required` counts as absent. Strict JSON
  /// Schema says no; the typed parse (<paradigm/structured.hpp>) says yes, so
  /// that a model writing `null` for a std::optional member is understood.
  bool null_as_absent = false;
  /// Stop collecting after this many mismatches.
  std::size_t max_mismatches = 50;
};

/// Checks `value` against `schema` for the subset of JSON Schema that
/// structured output uses: `type` (a name or a list of names: object, array,
/// string, integer, number, boolean, null), `properties`, `required`, `items`
/// (one schema for every element), `enum`, `minimum` and `maximum`. Other
/// keywords (`anyOf`, `$ref`, `pattern`, ...) are not checked. Returns the
/// mismatches in document order, empty when the value matches.
///
///     auto mismatches = paradigm::check_schema(paradigm::JsonValue::parse(turn.final_answer()), schema);
///     for (const auto& m : mismatches) std::cerr << m.path << ": " << m.message << '\n';
PARADIGM_API std::vector<SchemaMismatch> check_schema(const JsonValue& value, const JsonValue& schema,
                                                      const SchemaCheckOptions& options = {});

}  // namespace paradigm
