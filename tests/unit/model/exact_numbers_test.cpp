// A number from the server is read exactly or refused with a message that
// says why: never rounded to a neighbour (an integer past 64 bits, or written
// as a double past 2^53, is not the integer it would read as).

#include "model_test_util.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace paradigm::test {
namespace {

std::string thread_with_agent(const std::string& agent_id) {
  return R"({"id": "t1", "agent_id": )" + agent_id + "}";
}

TEST(ExactNumbers, IntegersPast64BitsAreRefusedNotClamped) {
  for (const char* text :
       {"-9223372036854775809", "9223372036854775808", "18446744073709551616", "-99999999999999999999999"}) {
    SCOPED_TRACE(text);
    const auto error = decode_error_of([&] { from_json<Thread>(thread_with_agent(text)); });
    EXPECT_EQ(error.path(), "agent_id");
    EXPECT_NE(std::string(error.what()).find("out of range"), std::string::npos) << error.what();
  }
}

TEST(ExactNumbers, DoublesPast2To53AreRefusedNotRounded) {
  for (const char* text :
       {"9007199254740993.0", "9007199254740992.0", "-9007199254740993.0", "1e18", "1e300"}) {
    SCOPED_TRACE(text);
    const auto error = decode_error_of([&] { from_json<Thread>(thread_with_agent(text)); });
    EXPECT_NE(std::string(error.what()).find("not exact"), std::string::npos) << error.what();
  }
}

TEST(ExactNumbers, WhatIsExactIsRead) {
  EXPECT_EQ(from_json<Thread>(thread_with_agent("9223372036854775807")).agent_id,
            std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(from_json<Thread>(thread_with_agent("-9223372036854775808")).agent_id,
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(from_json<Thread>(thread_with_agent("9007199254740991.0")).agent_id, 9007199254740991);
  EXPECT_EQ(from_json<Thread>(thread_with_agent("-9007199254740991.0")).agent_id, -9007199254740991);
  EXPECT_EQ(from_json<Thread>(thread_with_agent("4.2e1")).agent_id, 42);
  EXPECT_EQ(from_json<Thread>(thread_with_agent("-0.0")).agent_id, 0);
}

// The parser itself refuses a number past the largest double (not infinity).
TEST(ExactNumbers, ANumberPastTheLargestDoubleIsMalformed) {
  const auto error = decode_error_of([] { from_json<DocumentSource>(R"({"certainty": 1e400})"); });
  EXPECT_NE(std::string(error.what()).find("overflow"), std::string::npos) << error.what();
}

}  // namespace
}  // namespace paradigm::test
