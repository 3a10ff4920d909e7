// Numbers of a structured answer are read exactly or refused with a message
// that says why: the schema of every integer type carries its range (64-bit
// ones too), a float's carries its own, the check compares numbers exactly
// whatever their JSON kind, and a double past 2^53 is not taken for an integer.
#include <paradigm/schema.hpp>
#include <paradigm/structured.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace exact_numbers_test {

#define PARADIGM_TEST_BOX(Type, Name) \
  struct Name {                       \
    Type value{};                     \
  };                                  \
  PARADIGM_STRUCTURED(Name, value)

PARADIGM_TEST_BOX(std::int8_t, I8)
PARADIGM_TEST_BOX(std::uint8_t, U8)
PARADIGM_TEST_BOX(std::int16_t, I16)
PARADIGM_TEST_BOX(std::uint16_t, U16)
PARADIGM_TEST_BOX(std::int32_t, I32)
PARADIGM_TEST_BOX(std::uint32_t, U32)
PARADIGM_TEST_BOX(std::int64_t, I64)
PARADIGM_TEST_BOX(std::uint64_t, U64)
PARADIGM_TEST_BOX(long long, LongLong)
PARADIGM_TEST_BOX(unsigned long, UnsignedLong)
PARADIGM_TEST_BOX(float, Float)
PARADIGM_TEST_BOX(double, Double)

namespace {

using paradigm::DecodeError;
using paradigm::JsonValue;
using paradigm::parse;

std::string answer(const std::string& number) {
  return R"({"value": )" + number + "}";
}

template <class Box>
std::string error_of(const std::string& number) {
  try {
    parse<Box>(answer(number));
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.path(), "value");
    return e.what();
  }
  ADD_FAILURE() << number << " was read";
  return "";
}

template <class Box>
class EveryIntegerType : public ::testing::Test {};
using IntegerBoxes = ::testing::Types<I8, U8, I16, U16, I32, U32, I64, U64, LongLong, UnsignedLong>;
TYPED_TEST_SUITE(EveryIntegerType, IntegerBoxes, );  // the empty name generator: clang -Wpedantic

// Its bounds are in the schema, they are read exactly, one past them is refused.
TYPED_TEST(EveryIntegerType, ReadsItsWholeRangeAndNothingPast) {
  using T = decltype(TypeParam::value);
  using Limits = std::numeric_limits<T>;
  const JsonValue schema = paradigm::schema_of<TypeParam>()["properties"]["value"];
  EXPECT_EQ(schema["minimum"].dump(), std::to_string(Limits::min()));
  EXPECT_EQ(schema["maximum"].dump(), std::to_string(Limits::max()));
  EXPECT_EQ(parse<TypeParam>(answer(std::to_string(Limits::min()))).value, Limits::min());
  EXPECT_EQ(parse<TypeParam>(answer(std::to_string(Limits::max()))).value, Limits::max());
  // One past each bound, written as text (it may not fit any C++ integer).
  const std::string below =
      Limits::min() == 0 ? "-1" : "-" + std::to_string(static_cast<std::uint64_t>(-(Limits::min() + 1)) + 2);
  std::string above = std::to_string(static_cast<std::uint64_t>(Limits::max()));
  for (std::size_t i = above.size(); i-- > 0;) {  // + 1, in decimal
    if (above[i] != '9') {
      ++above[i];
      break;
    }
    above[i] = '0';
    if (i == 0) above.insert(above.begin(), '1');
  }
  EXPECT_NE(error_of<TypeParam>(below), "") << below;
  EXPECT_NE(error_of<TypeParam>(above), "") << above;
}

TEST(ExactNumbers, A64BitSignedIntegerIsNotClamped) {
  EXPECT_NE(error_of<I64>("9223372036854775808").find("expected at most 9223372036854775807"),
            std::string::npos);
  EXPECT_NE(error_of<I64>("-9223372036854775809").find("not an exact integer"), std::string::npos);
  EXPECT_NE(error_of<I64>("1e300").find("not an exact integer"), std::string::npos);
  EXPECT_NE(error_of<I64>("9007199254740993.0").find("not an exact integer"), std::string::npos);
  EXPECT_NE(error_of<I64>("2.5").find("expected integer, got number"), std::string::npos);
  EXPECT_EQ(parse<I64>(answer("9007199254740991.0")).value, 9007199254740991);
  EXPECT_EQ(parse<I64>(answer("3.0")).value, 3);
}

TEST(ExactNumbers, TheLargestUnsignedIntegerIsRead) {
  EXPECT_EQ(parse<U64>(answer("18446744073709551615")).value, std::numeric_limits<std::uint64_t>::max());
  EXPECT_NE(error_of<U64>("18446744073709551616").find("not an exact integer"), std::string::npos);
  EXPECT_NE(error_of<U64>("-1").find("expected at least 0"), std::string::npos);
}

TEST(ExactNumbers, AFloatRefusesWhatItCannotHold) {
  EXPECT_NE(error_of<Float>("1e300").find("expected at most"), std::string::npos);
  EXPECT_NE(error_of<Float>("-3.5e38").find("expected at least"), std::string::npos);
  EXPECT_FLOAT_EQ(parse<Float>(answer("3.4e38")).value, 3.4e38f);
  EXPECT_EQ(parse<Double>(answer("1e300")).value, 1e300);  // a double holds any JSON number
  EXPECT_FALSE(paradigm::schema_of<Double>()["properties"]["value"].contains("maximum"));
}

// check_schema compares numbers exactly whatever their JSON kinds (nlohmann's
// own comparison finds 18446744073709551615 below 0, and equal to -1).
TEST(ExactNumbers, TheCheckComparesNumbersOfAnyKindExactly) {
  const auto mismatches = [](const char* value, const char* schema) {
    return paradigm::check_schema(JsonValue::parse(value), JsonValue::parse(schema)).size();
  };
  EXPECT_EQ(mismatches("18446744073709551615", R"({"minimum": 0})"), 0u);
  EXPECT_EQ(mismatches("-1", R"({"enum": [18446744073709551615]})"), 1u);
  EXPECT_EQ(mismatches("18446744073709551615", R"({"enum": [18446744073709551615]})"), 0u);
  EXPECT_EQ(mismatches("3", R"({"enum": [3.0]})"), 0u);
  EXPECT_EQ(mismatches("9223372036854775807", R"({"maximum": 9223372036854775806.0})"),
            0u);  // 2^63 as a double
  EXPECT_EQ(mismatches("9223372036854775807", R"({"maximum": 9223372036854775806})"), 1u);
  EXPECT_EQ(mismatches("0.5", R"({"minimum": 0, "maximum": 1})"), 0u);
  EXPECT_EQ(mismatches("-0.5", R"({"minimum": 0})"), 1u);
  EXPECT_EQ(mismatches("18446744073709551615", R"({"maximum": 1.8446744073709552e19})"), 0u);
  EXPECT_EQ(mismatches("-9223372036854775808", R"({"minimum": -9.223372036854775808e18})"), 0u);
}

}  // namespace
}  // namespace exact_numbers_test
