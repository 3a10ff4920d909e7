// JsonValue: a cheap, shared, copy-on-write JSON value.

#include <paradigm/errors.hpp>
#include <paradigm/json.hpp>

#include <gtest/gtest.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace paradigm {
namespace {

TEST(JsonValue, DefaultIsNull) {
  const JsonValue value;
  EXPECT_TRUE(value.is_null());
  EXPECT_TRUE(value.empty());
  EXPECT_EQ(value.size(), 0u);
  EXPECT_EQ(value.dump(), "null");
  EXPECT_EQ(value, JsonValue(nullptr));
  EXPECT_TRUE(JsonValue(static_cast<const char*>(nullptr)).is_null());
}

TEST(JsonValue, Scalars) {
  EXPECT_EQ(JsonValue(true).as_bool(), true);
  EXPECT_EQ(JsonValue(42).as_int(), 42);
  EXPECT_EQ(JsonValue(std::int64_t{1} << 40).as_int(), std::int64_t{1} << 40);
  EXPECT_EQ(JsonValue(2.5).as_double(), 2.5);
  EXPECT_EQ(JsonValue(42).as_double(), 42.0);
  EXPECT_FALSE(JsonValue(2.5).as_int());
  EXPECT_EQ(JsonValue("text").as_string(), "text");
  EXPECT_EQ(JsonValue(std::string("s")).as_string(), "s");
  EXPECT_EQ(JsonValue(std::string_view("v")).as_string(), "v");
  EXPECT_FALSE(JsonValue("text").as_int());
  EXPECT_FALSE(JsonValue(1).as_string());
  EXPECT_FALSE(JsonValue::parse("18446744073709551615").as_int());
  EXPECT_TRUE(JsonValue(1).is_number());
  EXPECT_TRUE(JsonValue(false).is_boolean());
  EXPECT_FALSE(JsonValue(false).empty());
}

// Every integer type converts without a cast and without ambiguity.
template <class Integer>
void expect_integer(Integer value, const char* text) {
  const JsonValue json = value;
  EXPECT_TRUE(json.is_number()) << text;
  EXPECT_FALSE(json.is_boolean()) << text;
  EXPECT_EQ(json.dump(), text);
  EXPECT_EQ(json, JsonValue::parse(text)) << text;
}

TEST(JsonValue, EveryIntegerType) {
  expect_integer(short{-3}, "-3");
  expect_integer(static_cast<unsigned short>(3), "3");
  expect_integer(-3, "-3");
  expect_integer(3u, "3");
  expect_integer(-3L, "-3");
  expect_integer(3UL, "3");
  expect_integer(-3LL, "-3");
  expect_integer(3ULL, "3");
  expect_integer(std::int8_t{-3}, "-3");  // signed char: a number, not a character
  expect_integer(std::uint8_t{200}, "200");
  expect_integer(std::int16_t{-300}, "-300");
  expect_integer(std::uint16_t{60000}, "60000");
  expect_integer(std::int32_t{-70000}, "-70000");
  expect_integer(std::uint32_t{4000000000U}, "4000000000");
  expect_integer(std::int64_t{-5000000000}, "-5000000000");
  expect_integer(std::uint64_t{5000000000}, "5000000000");
  expect_integer(std::size_t{3}, "3");
  expect_integer(std::ptrdiff_t{-3}, "-3");
  expect_integer(std::numeric_limits<std::int64_t>::min(), "-9223372036854775808");
  expect_integer(std::numeric_limits<std::int64_t>::max(), "9223372036854775807");

  JsonValue size = sizeof(int);
  EXPECT_EQ(size.as_int(), static_cast<std::int64_t>(sizeof(int)));
  JsonValue object;
  object.set("n", std::size_t{3}).set("m", 7U).set("k", -2LL);
  EXPECT_EQ(object.dump(), R"({"k":-2,"m":7,"n":3})");
  JsonValue array;
  array.push_back(std::uint16_t{1}).push_back(2L);
  EXPECT_EQ(array.dump(), "[1,2]");
}

TEST(JsonValue, UnsignedAboveInt64MaxKeepsItsValue) {
  const JsonValue huge = std::numeric_limits<std::uint64_t>::max();
  EXPECT_EQ(huge.dump(), "18446744073709551615");
  EXPECT_FALSE(huge.as_int());  // does not fit an int64
  EXPECT_TRUE(huge.nlohmann().is_number_unsigned());
  EXPECT_EQ(huge, JsonValue::parse("18446744073709551615"));
  const JsonValue edge = std::uint64_t{1} << 63;
  EXPECT_EQ(edge.dump(), "9223372036854775808");
  EXPECT_EQ(JsonValue(std::uint64_t{42}).as_int(), 42);
}

TEST(JsonValue, AsUintReadsEveryNonNegativeIntegerAndNothingElse) {
  EXPECT_EQ(JsonValue(std::numeric_limits<std::uint64_t>::max()).as_uint(),
            std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(JsonValue::parse("18446744073709551615").as_uint(), std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(JsonValue(std::int64_t{7}).as_uint(), 7u);
  EXPECT_EQ(JsonValue(0).as_uint(), 0u);
  for (const char* other : {"-1", "3.0", "1e19", "\"7\"", "true", "null"})
    EXPECT_FALSE(JsonValue::parse(other).as_uint()) << other;
}

TEST(JsonValue, BoolStaysBoolAndCharactersAreNotNumbers) {
  EXPECT_TRUE(JsonValue(true).is_boolean());
  EXPECT_EQ(JsonValue(false).dump(), "false");
  static_assert(std::is_convertible_v<bool, JsonValue>);
  static_assert(!std::is_constructible_v<JsonValue, char>);
  static_assert(!std::is_constructible_v<JsonValue, wchar_t>);
  static_assert(!std::is_constructible_v<JsonValue, char16_t>);
  static_assert(!std::is_constructible_v<JsonValue, char32_t>);
  static_assert(std::is_convertible_v<signed char, JsonValue>);
  static_assert(std::is_convertible_v<unsigned char, JsonValue>);
  EXPECT_EQ(JsonValue(std::string(1, 'a')).dump(), R"("a")");
}

TEST(JsonValue, ParseAndDump) {
  const JsonValue value = JsonValue::parse(R"({"b": [1, 2, {"c": null}], "a": "x"})");
  EXPECT_TRUE(value.is_object());
  EXPECT_EQ(value.size(), 2u);
  EXPECT_EQ(value.keys(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(value.dump(), R"({"a":"x","b":[1,2,{"c":null}]})");
  EXPECT_EQ(JsonValue::parse(value.dump(2)), value);
  EXPECT_THROW(JsonValue::parse("{"), DecodeError);
  EXPECT_THROW(JsonValue::parse(""), DecodeError);
}

TEST(JsonValue, Access) {
  const JsonValue value = JsonValue::parse(R"({"list": [10, 20], "obj": {"k": "v"}, "nothing": null})");
  EXPECT_EQ(value["list"][1].as_int(), 20);
  EXPECT_TRUE(value["list"][2].is_null());
  EXPECT_TRUE(value["missing"].is_null());
  EXPECT_TRUE(value["nothing"].is_null());
  EXPECT_TRUE(value.contains("nothing"));
  EXPECT_FALSE(value.contains("missing"));
  EXPECT_TRUE(value["list"]["k"].is_null());
  EXPECT_TRUE(value[std::size_t{0}].is_null());
  EXPECT_EQ(value["obj"]["k"].as_string(), "v");
  EXPECT_TRUE(JsonValue::object().empty());
  EXPECT_TRUE(JsonValue::array().empty());
  EXPECT_TRUE(JsonValue::array().is_array());
}

TEST(JsonValue, SubValuesShareTheTree) {
  const JsonValue value = JsonValue::parse(R"({"obj": {"k": "v"}})");
  const JsonValue member = value["obj"];
  EXPECT_EQ(&member.nlohmann(), &value.nlohmann()["obj"]);  // no copy
}

TEST(JsonValue, SubValuesOutliveTheirParent) {
  JsonValue member;
  {
    const JsonValue value = JsonValue::parse(R"({"obj": {"k": "v"}})");
    member = value["obj"];
  }
  EXPECT_EQ(member["k"].as_string(), "v");
}

TEST(JsonValue, CopyOnWrite) {
  const JsonValue original = JsonValue::parse(R"({"a": 1, "nested": {"b": 2}})");
  JsonValue copy = original;
  EXPECT_EQ(&copy.nlohmann(), &original.nlohmann());  // shared until written
  copy.set("a", 100).set("c", "new").erase("nested");
  EXPECT_EQ(original.dump(), R"({"a":1,"nested":{"b":2}})");
  EXPECT_EQ(copy.dump(), R"({"a":100,"c":"new"})");

  JsonValue nested = original["nested"];
  nested.set("b", 3);
  EXPECT_EQ(original["nested"]["b"].as_int(), 2);
  EXPECT_EQ(nested["b"].as_int(), 3);
}

TEST(JsonValue, WritingAUniqueValueDoesNotCopy) {
  JsonValue value = JsonValue::object();
  const nlohmann::json* tree = &value.nlohmann();
  value.set("a", 1);
  EXPECT_EQ(&value.nlohmann(), tree);
}

TEST(JsonValue, SetAndPushBackTurnNullIntoContainers) {
  JsonValue object;
  object.set("k", JsonValue::array().push_back(1).push_back("two"));
  EXPECT_EQ(object.dump(), R"({"k":[1,"two"]})");
  JsonValue array;
  array.push_back(JsonValue::object());
  EXPECT_EQ(array.dump(), "[{}]");
  array.erase("not an object");  // no-op
  EXPECT_EQ(array.size(), 1u);
}

TEST(JsonValue, SetOnAScalarOrPushOnAnObjectThrows) {
  JsonValue number = 1;
  EXPECT_THROW(number.set("k", 1), InvalidRequestError);
  JsonValue object = JsonValue::object();
  EXPECT_THROW(object.push_back(1), InvalidRequestError);
}

TEST(JsonValue, SettingAValueIntoItself) {
  JsonValue value = JsonValue::object().set("a", 1);
  value.set("self", value);
  EXPECT_EQ(value.dump(), R"({"a":1,"self":{"a":1}})");
}

TEST(JsonValue, Equality) {
  EXPECT_EQ(JsonValue::parse(R"({"a": [1, 2]})"), JsonValue::parse(R"({ "a" : [1,2] })"));
  EXPECT_NE(JsonValue::parse(R"({"a": [1, 2]})"), JsonValue::parse(R"({"a": [2, 1]})"));
  EXPECT_NE(JsonValue(), JsonValue(0));
  EXPECT_EQ(JsonValue(1), JsonValue(1.0));
}

TEST(JsonValue, InvalidUtf8DumpsWithReplacement) {
  EXPECT_EQ(JsonValue(std::string("a\xff")).dump(), "\"a\xEF\xBF\xBD\"");
}

TEST(JsonValue, NlohmannInterop) {
  const nlohmann::json tree = {{"k", {1, 2}}};
  const JsonValue value = tree;
  EXPECT_EQ(value["k"][1].as_int(), 2);
  const nlohmann::json back = value;
  EXPECT_EQ(back, tree);
  EXPECT_EQ(tree.get<JsonValue>().dump(), R"({"k":[1,2]})");
  nlohmann::json movable = tree;
  const JsonValue adopted(std::move(movable));
  EXPECT_EQ(adopted.nlohmann(), tree);
}

}  // namespace
}  // namespace paradigm
