// check_schema: the JSON Schema subset, keyword by keyword.
#include <paradigm/schema.hpp>

#include <gtest/gtest.h>

namespace {

using paradigm::check_schema;
using paradigm::JsonValue;
using paradigm::SchemaCheckOptions;

// "path: message" of each mismatch of `value` against `schema`.
std::vector<std::string> mismatches(const char* value, const char* schema,
                                    const SchemaCheckOptions& options = {}) {
  std::vector<std::string> out;
  for (const auto& m : check_schema(JsonValue::parse(value), JsonValue::parse(schema), options))
    out.push_back(m.path + ": " + m.message);
  return out;
}

using Lines = std::vector<std::string>;

TEST(CheckSchema, AMatchingValueHasNoMismatch) {
  EXPECT_TRUE(mismatches(R"({"a": [1, 2]})", R"({"type": "object", "properties": {"a": {"type": "array",
      "items": {"type": "integer"}}}, "required": ["a"]})")
                  .empty());
}

TEST(CheckSchema, TypesAreJsonSchemasIncludingIntegerAsAMathematicalInteger) {
  EXPECT_TRUE(mismatches("3.0", R"({"type": "integer"})").empty());
  EXPECT_EQ(mismatches("3.5", R"({"type": "integer"})"), (Lines{": expected integer, got number"}));
  EXPECT_TRUE(mismatches("3", R"({"type": "number"})").empty());
  EXPECT_EQ(mismatches("true", R"({"type": "string"})"), (Lines{": expected string, got boolean"}));
  EXPECT_EQ(mismatches("null", R"({"type": "object"})"), (Lines{": expected object, got null"}));
}

TEST(CheckSchema, ATypeListAcceptsAnyOfItsTypes) {
  EXPECT_TRUE(mismatches("null", R"({"type": ["string", "null"]})").empty());
  EXPECT_EQ(mismatches("1", R"({"type": ["string", "null"]})"),
            (Lines{": expected string or null, got integer"}));
}

TEST(CheckSchema, RequiredMembersAndPropertiesAreCheckedWithTheirPaths) {
  EXPECT_EQ(mismatches(R"({"b": "x"})", R"({"type": "object", "required": ["a", "b"],
      "properties": {"b": {"type": "integer"}}})"),
            (Lines{"a: missing (required)", "b: expected integer, got string"}));
}

TEST(CheckSchema, ItemsAreCheckedAtTheirIndex) {
  EXPECT_EQ(
      mismatches(R"({"cities": [{"name": "a"}, {"name": "b"}, {"name": 3}]})",
                 R"({"properties": {"cities": {"items": {"properties": {"name": {"type": "string"}}}}}})"),
      (Lines{"cities[2].name: expected string, got integer"}));
}

TEST(CheckSchema, EnumsCompareWholeJsonValues) {
  EXPECT_TRUE(mismatches("2", R"({"enum": [1, 2, "three"]})").empty());
  EXPECT_EQ(mismatches(R"("four")", R"({"enum": [1, 2, "three"]})"),
            (Lines{R"(: expected one of 1, 2, "three", got "four")"}));
}

TEST(CheckSchema, MinimumAndMaximumBoundNumbers) {
  EXPECT_EQ(mismatches("-1", R"({"minimum": 0})"), (Lines{": expected at least 0, got -1"}));
  EXPECT_EQ(mismatches("256", R"({"maximum": 255})"), (Lines{": expected at most 255, got 256"}));
  EXPECT_TRUE(mismatches(R"("text")", R"({"minimum": 0})").empty());
}

TEST(CheckSchema, BelowAWrongTypeNothingElseIsReported) {
  EXPECT_EQ(mismatches(R"([1])", R"({"type": "object", "required": ["a"]})"),
            (Lines{": expected object, got array"}));
}

TEST(CheckSchema, KeywordsOutsideTheSubsetAreNotChecked) {
  EXPECT_TRUE(mismatches(R"("x")", R"({"pattern": "^[0-9]+$", "anyOf": [{"type": "integer"}]})").empty());
  EXPECT_TRUE(mismatches(R"("x")", R"({"type": "uuid"})").empty());
  EXPECT_TRUE(mismatches(R"("x")", "true").empty());  // a boolean schema: anything
}

TEST(CheckSchema, NullForAnOptionalMemberIsAbsentOnlyWhenAsked) {
  const char* schema = R"({"properties": {"motto": {"type": "string"}, "name": {"type": "string"}},
                           "required": ["name"]})";
  EXPECT_EQ(mismatches(R"({"name": "a", "motto": null})", schema),
            (Lines{"motto: expected string, got null"}));
  SchemaCheckOptions lenient;
  lenient.null_as_absent = true;
  EXPECT_TRUE(mismatches(R"({"name": "a", "motto": null})", schema, lenient).empty());
  EXPECT_EQ(mismatches(R"({"name": null})", schema, lenient), (Lines{"name: expected string, got null"}));
}

TEST(CheckSchema, CollectsAtMostTheMaximumAsked) {
  SchemaCheckOptions options;
  options.max_mismatches = 2;
  EXPECT_EQ(mismatches(R"(["a", "b", "c"])", R"({"items": {"type": "integer"}})", options).size(), 2u);
}

}  // namespace
