// One progress model against the emulator: a turn streamed over SSE and the
// same turn polled after a 202 report the same events.
#include "support/mock_fixture.hpp"
#include "support/progress_log.hpp"

#include <algorithm>
#include <regex>

namespace paradigm::testing {
namespace {

class ProgressEvents : public ManualTurnsTest {
 protected:
  // Each turn's artifacts have ids of their own.
  static std::vector<std::string> without_ids(std::vector<std::string> lines) {
    static const std::regex kId(R"(\[[0-9a-f-]{36}\])");
    for (auto& line : lines)
      line = std::regex_replace(line, kId, "[artifact]");
    return lines;
  }

  static TurnRequest drawing() {
    TurnRequest request = ask("Draw me a graph of a sinusoidal function.");
    request.force_tool = "code_execution";
    return request;
  }
};

TEST_F(ProgressEvents, AStreamedAndAPolledTurnReportTheSameEvents) {
  auto paradigm = client();

  ProgressLog polled;
  CreateOptions create;
  create.waiting.on_progress = polled.handler();
  create.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  const Turn created = paradigm.create_thread_with_turn(drawing(), create);
  ASSERT_EQ(created.status, TurnStatus::completed);

  ProgressLog streamed;
  StreamOptions stream;
  stream.waiting.on_progress = streamed.handler();
  const Turn done = paradigm.stream_thread_with_turn(
      drawing(), [](const StreamEvent&) { return true; }, stream);
  ASSERT_EQ(done.status, TurnStatus::completed);

  // The emulator's stream names the tool's result only in its final turn, so
  // there `tool_finished` comes after the text; every event is the same.
  const auto polled_lines = without_ids(polled.lines);
  const auto streamed_lines = without_ids(streamed.lines);
  ASSERT_FALSE(polled_lines.empty());
  EXPECT_TRUE(std::is_permutation(polled_lines.begin(), polled_lines.end(), streamed_lines.begin(),
                                  streamed_lines.end()))
      << ::testing::PrintToString(polled_lines) << "\nvs\n"
      << ::testing::PrintToString(streamed_lines);
  EXPECT_EQ(polled.lines.back(), "terminal completed");
  EXPECT_EQ(streamed.lines.back(), "terminal completed");
  const auto steps = std::count_if(polled.lines.begin(), polled.lines.end(),
                                   [](const std::string& line) { return line.rfind("tool_step", 0) == 0; });
  EXPECT_EQ(steps, 4);  // every step, even those no poll saw running
  EXPECT_EQ(std::count(polled.lines.begin(), polled.lines.end(), "text " + created.final_answer()), 1);
}

}  // namespace
}  // namespace paradigm::testing
