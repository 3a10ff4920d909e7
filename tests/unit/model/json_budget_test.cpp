// What a parsed document may cost: its values are counted while parsing
// (json_value_cost), and parsing stops past the budget, so that a small text
// of many small values (`[0,0,0,...]`: 2 bytes of text, 32 of memory each)
// cannot take 30 times its size. Ordinary documents are far from it.
#include "json/model_json.hpp"

#include <paradigm/errors.hpp>
#include <paradigm/turn.hpp>

#include <gtest/gtest.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <string>

namespace paradigm::detail {
namespace {

std::string zeros(std::size_t count) {
  std::string text = "{\"id\": \"t1\", \"x_big\": [0";
  for (std::size_t i = 1; i < count; ++i)
    text += ",0";
  return text + "]}";
}

TEST(JsonBudget, ManySmallValuesPastTheBudgetAreRefused) {
  const std::string text = zeros(100000);  // 200 KB of text, 3.2 MB of values
  try {
    parse_json(text, 1 << 20);
    FAIL() << "parsed past its budget";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("1048576 bytes of memory"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(try_parse_json(text, 1 << 20).is_discarded());
  EXPECT_EQ(parse_json(text, 4 << 20)["x_big"].size(), 100000u);
  EXPECT_THROW(decode_text<Turn>(text, 1 << 20), DecodeError);
}

// An unknown member of ordinary size is kept in `extra`, as before.
TEST(JsonBudget, UnknownFieldsStillReachExtra) {
  const std::string text = zeros(1000);
  const Turn turn = decode_text<Turn>(text, 1 << 20);
  EXPECT_EQ(turn.extra["x_big"].size(), 1000u);
}

TEST(JsonBudget, StringsCountTheirBytes) {
  const std::string text = "[\"" + std::string(1 << 20, 'a') + "\"]";
  EXPECT_TRUE(try_parse_json(text, 1 << 20).is_discarded());
  EXPECT_FALSE(try_parse_json(text, (1 << 20) + 1024).is_discarded());
}

// A DecodeError does not copy a large text whole: the first MiB tells enough.
TEST(JsonBudget, AnErrorKeepsAnExcerptOfALargeText) {
  const std::string text = "[" + std::string(3 << 20, ' ') + "x";
  try {
    parse_json(text);
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.raw().size(), std::size_t{1} << 20);
    EXPECT_EQ(e.raw(), text.substr(0, 1 << 20));
  }
  try {
    parse_json("[1,");
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.raw(), "[1,");
  }
}

// The estimate follows what nlohmann's DOM really takes (glibc's malloc and
// libstdc++'s containers, where this is measured): never under it, and not
// far over.
// clang says "sanitized" through __has_feature, GCC through __SANITIZE_*__.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define JSON_BUDGET_SANITIZED 1
#endif
#endif
TEST(JsonBudget, TheEstimateIsCloseToWhatTheDomTakes) {
#if defined(__GLIBC__) && !defined(_LIBCPP_VERSION) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__) && !defined(JSON_BUDGET_SANITIZED)
  const auto allocated = [] {
    const auto info = mallinfo2();
    return info.uordblks + info.hblkhd;
  };
  const auto smallest_budget = [](const std::string& text) {
    std::size_t low = 0, high = std::size_t{1} << 30;  // low fails, high passes
    while (high - low > 1) {
      const std::size_t middle = low + (high - low) / 2;
      (try_parse_json(text, middle).is_discarded() ? low : high) = middle;
    }
    return high;
  };
  const auto repeated = [](const std::string& open, const std::string& item, const std::string& close) {
    std::string text = open;
    for (int i = 0; i < 4000; ++i)
      text += (i ? "," : "") + (open == "{" ? "\"k" + std::to_string(i) + "\":" : std::string()) + item;
    return text + close;
  };
  for (const std::string& text :
       {repeated("[", "0", "]"), repeated("[", "\"abc\"", "]"),
        repeated("[", "\"" + std::string(100, 'x') + "\"", "]"), repeated("[", "{}", "]"),
        repeated("[", "[]", "]"), repeated("{", "0.5", "}"),
        repeated("{", "{\"a\": [1, \"bcdefghijklmnopqrstuvwxyz\"]}", "}")}) {
    SCOPED_TRACE(text.substr(0, 60));
    const std::size_t before = allocated();
    const nlohmann::json dom = try_parse_json(text, SIZE_MAX);
    const std::size_t taken = allocated() - before;
    const std::size_t estimate = smallest_budget(text);
    EXPECT_GE(estimate, taken);
    EXPECT_LE(estimate, taken * 2);
  }
#else
  GTEST_SKIP() << "measured with glibc's malloc and libstdc++";
#endif
}

}  // namespace
}  // namespace paradigm::detail
