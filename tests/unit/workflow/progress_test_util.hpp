#pragma once

// One scripted agent turn (reasoning, a tool call in three steps with an
// artifact, an answer) as the server would show it at each moment.

#include "support/progress_log.hpp"
#include "workflow_test_util.hpp"

#include <string>
#include <vector>

namespace paradigm::testing {

/// The tool call after `steps` of its three steps, with its result once `finished`.
inline json scripted_call(int steps, bool finished) {
  const json all_steps = json::array({
      {{"status", "started"},
       {"progress_report", {{"progress_percentage", 0}, {"current_progress_text", "Starting"}}}},
      {{"status", "running"},
       {"progress_report",
        {{"progress_percentage", 50},
         {"current_progress_text", "Plotting"},
         {"time_remaining_estimate", 2}}}},
      {{"status", "completed"},
       {"progress_report", {{"progress_percentage", 100}, {"current_progress_text", "Done"}}}},
  });
  json call = {{"id", "c1"},
               {"object", "tool_call"},
               {"tool", {{"id", "tool-1"}, {"name", "code_execution"}, {"type", "native"}}},
               {"tool_args", {{"code", "plot(sin)"}}},
               {"steps", json::array()},
               {"result", nullptr}};
  for (int i = 0; i < steps; ++i)
    call["steps"].push_back(all_steps[i]);
  if (finished) {
    call["result"] = {{"text", "Figure saved to sine.png"},
                      {"file_artifacts", {{{"id", "a1"}, {"name", "sine.png"}}}}};
  }
  return call;
}

inline const char* const kScriptedReasoning = "I will plot it with code_execution.";
inline const char* const kScriptedAnswer = "Here is the graph of sin(x).";

/// The turn when the agent has reasoned (`reasoning`), run `steps` steps of
/// its tool (with the result once `finished`) and written `answer`.
inline json scripted_turn(const std::string& status, bool reasoning, int steps, bool finished,
                          const std::string& answer = "") {
  json turn = turn_json("u1", status, "", "Draw sin(x)");
  json parts = json::array();
  if (reasoning) parts.push_back({{"type", "reasoning"}, {"reasoning", kScriptedReasoning}});
  if (steps > 0) parts.push_back({{"type", "tool_call"}, {"tool_call", scripted_call(steps, finished)}});
  if (!answer.empty()) parts.push_back({{"type", "text"}, {"text", answer}});
  if (!parts.empty()) turn["messages"].push_back({{"id", "m2"}, {"role", "assistant"}, {"parts", parts}});
  return turn;
}

/// What the scripted turn did, event by event.
inline std::vector<std::string> scripted_progress() {
  return {
      std::string("reasoning ") + kScriptedReasoning,
      R"x(tool_started code_execution {"code":"plot(sin)"})x",
      "tool_step code_execution started 0% Starting",
      "tool_step code_execution running 50% Plotting (2 s left)",
      "tool_step code_execution completed 100% Done",
      "tool_finished code_execution: Figure saved to sine.png [a1]",
      std::string("text ") + kScriptedAnswer,
      "terminal completed",
  };
}

}  // namespace paradigm::testing
