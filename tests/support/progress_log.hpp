#pragma once

// TurnProgress events written as lines, so that sequences of them compare at
// a glance in a test's failure message.

#include <paradigm/progress.hpp>

#include <string>
#include <vector>

namespace paradigm::testing {

/// One event as a line: "tool_step code_execution running 50% Plotting (2 s left)".
inline std::string describe(const TurnProgress& p) {
  using Kind = TurnProgress::Kind;
  const std::string tool = p.tool_call ? p.tool_call->tool.name : "?";
  switch (p.kind) {
    case Kind::reasoning:
      return "reasoning " + p.text;
    case Kind::tool_started:
      return "tool_started " + tool + " " + p.tool_call->tool_args.dump();
    case Kind::tool_step: {
      std::string line = "tool_step " + tool + " " + p.step->status;
      if (const auto& report = p.step->progress_report) {
        line += " " + std::to_string(static_cast<int>(report->progress_percentage.value_or(-1))) + "% " +
                report->current_progress_text.value_or("");
        if (report->time_remaining_estimate)
          line += " (" + std::to_string(*report->time_remaining_estimate) + " s left)";
      }
      return line;
    }
    case Kind::tool_finished: {
      const auto& result = *p.tool_call->result;
      std::string line = "tool_finished " + tool + ": " + result.text.value_or("");
      for (const auto& artifact : result.file_artifacts)
        line += " [" + artifact.id + "]";
      return line;
    }
    case Kind::text:
      return "text " + p.text;
    case Kind::terminal:
      return "terminal " + p.status.text() + (p.error ? " " + p.error->code.value_or("") : "");
    case Kind::other:
      return "other " + p.event->event;
  }
  return "?";
}

/// Collects events as lines, the pieces of answer text joined (their
/// granularity depends on how the turn was delivered).
struct ProgressLog {
  std::vector<std::string> lines;
  std::vector<std::string> others;  // `other` events, apart

  ProgressHandler handler() {
    return [this](const TurnProgress& p) {
      if (p.kind == TurnProgress::Kind::other) {
        others.push_back(describe(p));
      } else if (p.kind == TurnProgress::Kind::text && !lines.empty() &&
                 lines.back().rfind("text ", 0) == 0) {
        lines.back() += p.text;
      } else {
        lines.push_back(describe(p));
      }
    };
  }
};

}  // namespace paradigm::testing
