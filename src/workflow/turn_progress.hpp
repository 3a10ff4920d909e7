#pragma once

// The progress of a call's turn: one tracker per call that asked for
// on_progress, shared by the steps that see the turn (a create's answer, a
// stream, the polls that follow), so that each event is reported once.

#include <paradigm/options.hpp>
#include <paradigm/progress.hpp>

#include "workflow/result.hpp"

#include <memory>

namespace paradigm::detail {

/// Null when nobody listens.
using ProgressPtr = std::shared_ptr<TurnProgressTracker>;

inline ProgressPtr progress_for(const WaitOptions& wait) {
  return wait.on_progress ? std::make_shared<TurnProgressTracker>(wait.on_progress) : nullptr;
}

/// Reports what `seen` (a state of the turn, or an event) shows; the
/// handler's exception, if it throws, as the error.
template <class Seen>
Result<Done> observe(const ProgressPtr& progress, const Seen& seen) {
  return capture([&] {
    if (progress) progress->observe(seen);
    return Done{};
  });
}

}  // namespace paradigm::detail
