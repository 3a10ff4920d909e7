#include <paradigm/tool.hpp>

namespace paradigm {

const ProgressReport* ToolCall::latest_progress() const& noexcept {
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (it->progress_report) return &*it->progress_report;
  }
  return nullptr;
}

}  // namespace paradigm
