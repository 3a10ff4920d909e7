#pragma once

#include <paradigm/enums.hpp>
#include <paradigm/export.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>
#include <paradigm/value_operators.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace paradigm {

/// One thing a turn did: the same events whether the server streams the turn
/// or the SDK polls it (after a 202, in the background, in wait_for_turn).
/// Events come in the order the SDK learns them; one poll that reveals
/// several steps reports them in the order of the turn's parts. Answer text
/// comes in pieces as streamed, or at once from a poll.
///
///     paradigm::WaitOptions wait;
///     wait.on_progress = [](const paradigm::TurnProgress& p) {
///       if (p.kind == paradigm::TurnProgress::Kind::tool_step && p.step && p.step->progress_report)
///         std::cerr << p.tool_call->tool.name << ' '
///                   << p.step->progress_report->progress_percentage.value_or(0) << "%\n";
///     };
struct PARADIGM_API TurnProgress {
  enum class Kind {
    /// The agent reasoned: `text` is the reasoning added.
    reasoning,
    /// A tool call began: `tool_call` (its tool, its arguments).
    tool_started,
    /// A tool call reported a step: `tool_call`, and `step` (status and
    /// progress report: percentage, text, time remaining).
    tool_step,
    /// A tool call returned: `tool_call` with its `result` (summary text,
    /// artifacts, sources).
    tool_finished,
    /// Answer text: `text` is the text added.
    text,
    /// The turn ended: `status` (completed, failed or cancelled) and `error`.
    terminal,
    /// A streamed event that says none of the above: `event`.
    other,
  };

  Kind kind = Kind::other;
  /// The reasoning or answer text added.
  std::string text;
  /// The tool call as known when the event happened.
  std::optional<ToolCall> tool_call;
  /// The step a tool_step reports.
  std::optional<ToolStep> step;
  /// The status a terminal event reports.
  OpenEnum<TurnStatus> status;
  /// Why the turn failed, for a terminal event of a failed turn.
  std::optional<TurnError> error;
  /// The streamed event, for `other`.
  std::optional<StreamEvent> event;
};

/// Receives each TurnProgress of a turn, in order.
using ProgressHandler = std::function<void(const TurnProgress&)>;

/// Turns what the SDK sees of a turn (states of the turn, streamed events)
/// into TurnProgress events, each reported once: a state shown twice, or a
/// stream followed by the turn it produced, adds nothing new. The SDK uses
/// one per call with `on_progress`; use one yourself to report progress from
/// your own polling loop. One tracker follows one turn; not thread-safe.
///
///     paradigm::TurnProgressTracker tracker(on_progress);
///     for (auto turn = client.get_turn(thread, id); ; turn = client.get_turn(thread, id)) {
///       tracker.observe(turn);
///       if (turn.is_terminal()) break;
///       ...
///     }
class PARADIGM_API TurnProgressTracker {
 public:
  explicit TurnProgressTracker(ProgressHandler on_progress);
  ~TurnProgressTracker();
  TurnProgressTracker(TurnProgressTracker&&) noexcept;
  TurnProgressTracker& operator=(TurnProgressTracker&&) noexcept;
  TurnProgressTracker(const TurnProgressTracker&) = delete;
  TurnProgressTracker& operator=(const TurnProgressTracker&) = delete;

  /// A state of the turn (a poll, a create's answer, the turn after a
  /// stream): reports what it shows that was not reported yet.
  void observe(const Turn& turn);
  /// A streamed event, read with tolerant readers (the vocabulary is not
  /// published): a turn object it carries is observed as a state; a tool
  /// call, reasoning or answer text is reported; anything else is `other`.
  void observe(const StreamEvent& event);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(TurnProgress);
/// Prints the name of a kind ("tool_step", ...).
PARADIGM_API std::ostream& operator<<(std::ostream& out, TurnProgress::Kind kind);

}  // namespace paradigm
