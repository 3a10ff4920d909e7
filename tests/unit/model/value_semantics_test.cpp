// The model types are regular values: they copy deeply, move without
// throwing (std::vector relies on it) and leave a moved-from value usable.
// All are aggregates but the four whose copies, moves and destructor the
// library compiles once (special_members.hpp: the include cost,
// docs/benchmarks.md section 7).

#include <paradigm/model_types.hpp>

#include "model_test_util.hpp"

#include <gtest/gtest.h>

#include <type_traits>
#include <utility>
#include <vector>

namespace paradigm::test {
namespace {

template <class T>
constexpr bool out_of_line = std::is_same_v<T, Turn> || std::is_same_v<T, Message> || std::is_same_v<T, Part> ||
                             std::is_same_v<T, ToolCall>;

template <class T>
constexpr bool regular_value_type =
    (std::is_aggregate_v<T> || out_of_line<T>)&&std::is_nothrow_move_constructible_v<T> &&
    std::is_nothrow_move_assignable_v<T> && std::is_copy_constructible_v<T> && std::is_copy_assignable_v<T> &&
    std::is_default_constructible_v<T>;

#define PARADIGM_EXPECT_REGULAR(Type) static_assert(regular_value_type<Type>, #Type);
PARADIGM_MODEL_TYPES(PARADIGM_EXPECT_REGULAR)
PARADIGM_REQUEST_TYPES(PARADIGM_EXPECT_REGULAR)
#undef PARADIGM_EXPECT_REGULAR

TEST(ValueSemantics, ACopyIsDeepAndEqual) {
  const std::string text = load_fixture("turn_all_parts.json");
  const Turn original = from_json<Turn>(text);
  Turn copy = original;
  EXPECT_EQ(nlohmann::json::parse(to_json(copy)), nlohmann::json::parse(text));
  copy.messages.clear();
  EXPECT_FALSE(original.messages.empty());
  Turn assigned;
  assigned = original;
  EXPECT_EQ(to_json(assigned), to_json(original));
}

TEST(ValueSemantics, AMoveTransfersEverything) {
  const std::string text = load_fixture("turn_all_parts.json");
  Turn source = from_json<Turn>(text);
  std::vector<Turn> turns;
  turns.push_back(std::move(source));
  Turn target;
  target = std::move(turns.front());
  EXPECT_EQ(nlohmann::json::parse(to_json(target)), nlohmann::json::parse(text));
  source = target;  // a moved-from turn can be assigned again
  EXPECT_EQ(to_json(source), to_json(target));
}

TEST(ValueSemantics, DefaultsAreEmpty) {
  const Turn turn;
  EXPECT_TRUE(turn.id.empty());
  EXPECT_TRUE(turn.messages.empty());
  EXPECT_EQ(turn.final_answer(), "");
  const ToolCall call;
  EXPECT_EQ(call.latest_progress(), nullptr);
}

}  // namespace
}  // namespace paradigm::test
