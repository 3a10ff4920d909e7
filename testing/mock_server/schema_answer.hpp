#pragma once

// The answer to a turn asked with `response_format`: JSON that satisfies the
// schema, as a model guided by it would write (docs/mock-server.md lists the
// keywords it follows).

#include "store.hpp"

namespace paradigm::mock {

/// The JSON Schema in a `response_format`: the value itself, or the
/// `json_schema.schema` of an OpenAI-style wrapper.
const json& schema_of_response_format(const json& response_format);

/// A value that validates against `schema` ($ref resolved against it).
json value_for_schema(const json& schema);

/// A value shaped by the types of `schema` only, ignoring enum, const,
/// bounds and lengths ("mock <name>" strings, 0, true, [], null): what a
/// model not guided by the schema might answer.
json off_schema_value(const json& schema);

}  // namespace paradigm::mock
