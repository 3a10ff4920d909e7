// Schema derivation: what each kind of member becomes in the JSON Schema sent
// as `response_format`.
#include "structured_types.hpp"

#include <gtest/gtest.h>

namespace structured_test {
namespace {

using paradigm::JsonValue;
using paradigm::schema_of;

JsonValue property(const JsonValue& schema, const char* name) {
  return schema["properties"][name];
}

TEST(SchemaOf, ScalarsMapToTheirJsonTypes) {
  const JsonValue schema = schema_of<Country>();
  EXPECT_EQ(property(schema, "name"), JsonValue::parse(R"({"type": "string"})"));
  EXPECT_EQ(property(schema, "landlocked"), JsonValue::parse(R"({"type": "boolean"})"));
  // A float states its range (a double holds any JSON number).
  EXPECT_EQ(
      property(schema, "area"),
      JsonValue::parse(
          R"({"type": "number", "minimum": -3.4028234663852886e+38, "maximum": 3.4028234663852886e+38})"));
  EXPECT_EQ(property(schema_of<District>(), "area_km2"), JsonValue::parse(R"({"type": "number"})"));
}

TEST(SchemaOf, EveryIntegerStatesItsRange) {
  EXPECT_EQ(property(schema_of<City>(), "population"),
            JsonValue::parse(R"({"type": "integer", "minimum": -9223372036854775808,
                                 "maximum": 9223372036854775807, "description": "Inhabitants of the city proper"})"));
  const JsonValue schema = schema_of<Country>();
  EXPECT_EQ(property(schema, "founded"),
            JsonValue::parse(R"({"type": "integer", "minimum": -2147483648, "maximum": 2147483647})"));
  EXPECT_EQ(property(schema, "regions"),
            JsonValue::parse(R"({"type": "integer", "minimum": 0, "maximum": 65535})"));
  EXPECT_EQ(property(schema, "visitors"),
            JsonValue::parse(R"({"type": "integer", "minimum": 0, "maximum": 18446744073709551615})"));
}

TEST(SchemaOf, AnEnumIsAStringEnumOfTheNamesGiven) {
  EXPECT_EQ(schema_of<Color>(), JsonValue::parse(R"({"type": "string", "enum": ["red", "green", "blue"],
                                                     "description": "A primary colour of light"})"));
  EXPECT_EQ(property(schema_of<Country>(), "flag"), schema_of<Color>());
}

TEST(SchemaOf, VectorsAreArraysOfTheirElementsSchema) {
  const JsonValue schema = schema_of<Country>();
  EXPECT_EQ(property(schema, "languages"),
            JsonValue::parse(R"({"type": "array", "items": {"type": "string"}})"));
  EXPECT_EQ(property(schema, "cities")["items"], schema_of<City>());
}

TEST(SchemaOf, ADescribedStructIsAnObjectWithEveryNonOptionalMemberRequired) {
  EXPECT_EQ(schema_of<District>(), JsonValue::parse(R"({
    "type": "object",
    "properties": {"name": {"type": "string"}, "area_km2": {"type": "number"}},
    "required": ["name"]
  })"));
}

TEST(SchemaOf, NestedStructsCarryTheirOwnSchemaAndDescription) {
  const JsonValue city = schema_of<City>();
  EXPECT_EQ(city["description"].as_string(), "A city and its districts");
  EXPECT_EQ(property(city, "districts")["items"], schema_of<District>());
  EXPECT_EQ(property(schema_of<Country>(), "capital"), city);
}

TEST(SchemaOf, OptionalMembersAreNotRequired) {
  const JsonValue required = schema_of<Country>()["required"];
  std::vector<std::string> names;
  for (std::size_t i = 0; i < required.size(); ++i)
    names.push_back(required[i].as_string().value_or("?"));
  EXPECT_EQ(names, (std::vector<std::string>{"name", "landlocked", "founded", "regions", "visitors", "area",
                                             "flag", "languages", "cities", "extra"}));
  EXPECT_EQ(property(schema_of<Country>(), "motto"), JsonValue::parse(R"({"type": "string"})"));
}

TEST(SchemaOf, AJsonValueMemberAcceptsAnyJson) {
  EXPECT_EQ(property(schema_of<Country>(), "extra"), JsonValue::object());
}

TEST(SchemaOf, ContainersOfScalarsHaveSchemasToo) {
  EXPECT_EQ(schema_of<std::vector<int>>()["items"]["type"].as_string(), "integer");
  EXPECT_EQ(schema_of<std::optional<std::string>>(), JsonValue::parse(R"({"type": "string"})"));
}

TEST(SchemaOf, IsBuiltOnceAndSharedByItsCopies) {
  JsonValue first = schema_of<City>();
  first.set("changed", true);  // a copy changes alone
  EXPECT_FALSE(schema_of<City>().contains("changed"));
}

}  // namespace
}  // namespace structured_test
