// Turn::error_message(): why a turn failed, in one call, without unwrapping
// two optionals.

#include <paradigm/turn.hpp>

#include <gtest/gtest.h>

namespace paradigm {
namespace {

TEST(TurnErrorMessage, IsTheServersMessage) {
  Turn turn;
  turn.status = TurnStatus::failed;
  turn.error.emplace().message = "The agent could not answer.";
  turn.error->code = "agent_error";
  EXPECT_EQ(turn.error_message(), "The agent could not answer.");
}

TEST(TurnErrorMessage, IsEmptyWithoutAnError) {
  Turn turn;
  EXPECT_EQ(turn.error_message(), "");
  turn.error.emplace();  // an error object without a message
  EXPECT_EQ(turn.error_message(), "");
}

TEST(TurnErrorMessage, FallsBackToTheCode) {
  Turn turn;
  turn.error.emplace().code = "timeout";
  EXPECT_EQ(turn.error_message(), "timeout");
}

}  // namespace
}  // namespace paradigm
