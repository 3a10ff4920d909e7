// TurnSet on a scripted transport and the fake clock: what it sends for each
// turn, in order (the emulator tests in tests/integration cover the load).
#include "workflow_test_util.hpp"

#include <paradigm/turn_set.hpp>

namespace paradigm::testing {
namespace {

class TurnSetCalls : public WorkflowTest {};

TEST_F(TurnSetCalls, ANewTurnIsCreatedInTheBackgroundAndPolledAfterAPause) {
  server()
      .expect("POST", "/api/v3/threads/turns", json_answer(turn("u1", "running")))
      .expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnSet set(client());
  set.add(ask());
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished.has_value());
  ASSERT_TRUE(finished->turn.has_value());
  EXPECT_EQ(finished->turn->final_answer(), "Paris");
  EXPECT_EQ(json::parse(*server().sent().front().body)["background"], true);
  // The create's answer was the first state: no poll repeats it at once.
  EXPECT_EQ(sleeps(), (std::vector<milliseconds>{milliseconds(500)}));
  EXPECT_FALSE(set.next_completed().has_value());
}

TEST_F(TurnSetCalls, AnExistingTurnIsPolledAtOnce) {
  server().expect("GET", "/api/v3/threads/t1/turns/u1", json_answer(turn("u1", "completed", "Paris")));
  TurnSet set(client());
  set.add_existing("t1", "u1");
  const auto finished = set.next_completed();
  ASSERT_TRUE(finished.has_value() && finished->turn.has_value());
  EXPECT_EQ(finished->turn->final_answer(), "Paris");
  EXPECT_TRUE(sleeps().empty());
}

}  // namespace
}  // namespace paradigm::testing
