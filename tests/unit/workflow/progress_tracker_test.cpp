// TurnProgressTracker on its own: what it reads from states and events, and
// that nothing is reported twice.
#include "progress_test_util.hpp"

#include <paradigm/serialize.hpp>

namespace paradigm::testing {
namespace {

Turn state(const json& turn) {
  return from_json<Turn>(turn.dump());
}

class Tracker : public ::testing::Test {
 protected:
  ProgressLog log;
  TurnProgressTracker tracker{log.handler()};
};

TEST_F(Tracker, AStateSeenTwiceAddsNothing) {
  tracker.observe(state(scripted_turn("running", true, 2, false)));
  const auto first = log.lines;
  tracker.observe(state(scripted_turn("running", true, 2, false)));
  EXPECT_EQ(log.lines, first);
  EXPECT_EQ(first.size(), 4u);  // reasoning, started, two steps
}

TEST_F(Tracker, AStepWhoseReportMovesOnInPlaceIsReportedAgain) {
  json turn = scripted_turn("running", false, 2, false);
  tracker.observe(state(turn));
  turn["messages"][1]["parts"][0]["tool_call"]["steps"][1]["progress_report"]["progress_percentage"] = 80;
  tracker.observe(state(turn));
  ASSERT_EQ(log.lines.size(), 4u);
  EXPECT_EQ(log.lines.back(), "tool_step code_execution running 80% Plotting (2 s left)");
}

TEST_F(Tracker, ReasoningDeltasAddToThePartAndTheWholePartAddsNothingAfter) {
  tracker.observe(StreamEvent{"reasoning.delta", R"({"type": "reasoning", "delta": "I will plot "})", {}});
  tracker.observe(
      StreamEvent{"reasoning.delta", R"({"type": "reasoning", "delta": "it with code_execution."})", {}});
  tracker.observe(state(scripted_turn("running", true, 0, false)));
  EXPECT_EQ(log.lines,
            (std::vector<std::string>{"reasoning I will plot ", "reasoning it with code_execution."}));
}

TEST_F(Tracker, EventsOfNoKnownShapeAreOther) {
  tracker.observe(StreamEvent{"ping", "{}", {}});
  tracker.observe(StreamEvent{"message", "[DONE]", {}});
  tracker.observe(StreamEvent{"error", R"({"type": "text", "text": "not an answer"})", {}});
  EXPECT_TRUE(log.lines.empty());
  EXPECT_EQ(log.others, (std::vector<std::string>{"other ping", "other message", "other error"}));
}

TEST_F(Tracker, ATurnCarriedUnderAKeyIsObserved) {
  const json wrapped = {{"turn", scripted_turn("completed", false, 0, false, "Paris")}};
  tracker.observe(StreamEvent{"turn.completed", wrapped.dump(), {}});
  EXPECT_EQ(log.lines, (std::vector<std::string>{"text Paris", "terminal completed"}));
}

TEST_F(Tracker, AnAnswerOnlyInTheFinalStateIsReportedOnce) {
  tracker.observe(StreamEvent{"turn.created", scripted_turn("running", false, 0, false).dump(), {}});
  tracker.observe(state(scripted_turn("completed", false, 0, false, "Paris")));
  tracker.observe(state(scripted_turn("completed", false, 0, false, "Paris")));
  EXPECT_EQ(log.lines, (std::vector<std::string>{"text Paris", "terminal completed"}));
}

TEST_F(Tracker, AFinalTextThatDoesNotExtendTheStreamedOneIsNotRepeated) {
  tracker.observe(StreamEvent{"delta", R"({"delta": "Paris, "})", {}});
  tracker.observe(state(scripted_turn("completed", false, 0, false, "The capital is Paris.")));
  EXPECT_EQ(log.lines, (std::vector<std::string>{"text Paris, ", "terminal completed"}));
}

TEST_F(Tracker, AToolCallWithoutAnIdIsFollowedByItsToolName) {
  json call = scripted_call(1, false);
  call.erase("id");
  tracker.observe(StreamEvent{"progress", json{{"tool_call", call}}.dump(), {}});
  call = scripted_call(2, false);
  call.erase("id");
  tracker.observe(StreamEvent{"progress", json{{"tool_call", call}}.dump(), {}});
  EXPECT_EQ(log.lines.size(), 3u);  // started, step 1, step 2
}

TEST_F(Tracker, AToolCallPartEventIsReadLikeAToolCall) {
  tracker.observe(
      StreamEvent{"part", json{{"type", "tool_call"}, {"tool_call", scripted_call(3, true)}}.dump(), {}});
  EXPECT_EQ(log.lines.size(), 5u);  // started, three steps, finished
  EXPECT_EQ(log.lines.back(), "tool_finished code_execution: Figure saved to sine.png [a1]");
}

}  // namespace
}  // namespace paradigm::testing
