// TurnProgressTracker: states of a turn and streamed events to TurnProgress.
// It remembers what it reported (reasoning and answer text by length, tool
// calls by id and step count, the end) so that each state or event reports
// only what is new, wherever it came from: a poll, a stream, or both.

#include <paradigm/progress.hpp>

#include <paradigm/errors.hpp>

#include "core/text.hpp"
#include "json/members.hpp"
#include "json/model_json.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <tuple>
#include <utility>
#include <vector>

namespace paradigm {

namespace {

using Json = nlohmann::json;
using detail::mentions;
using detail::object_member;
using detail::string_member;

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

// The object itself, or the one under `data`, `part` or `turn`, that passes `is_it`.
template <class Test>
const Json* find_object(const Json& json, Test is_it) {
  if (is_it(json)) return &json;
  for (const char* key : {"data", "part", "turn"}) {
    const Json* inner = object_member(json, key);
    if (inner != nullptr && is_it(*inner)) return inner;
  }
  return nullptr;
}

bool is_turn(const Json& object) {
  const auto messages = object.find("messages");
  return messages != object.end() && messages->is_array();
}

// A tool call object: `{"tool_call": {...}}`, `{"object": "tool_call", ...}`.
const Json* tool_call_in(const Json& json) {
  const Json* holder = find_object(json, [](const Json& object) {
    const std::string* kind = string_member(object, "object");
    return object_member(object, "tool_call") != nullptr || (kind != nullptr && *kind == "tool_call");
  });
  if (holder == nullptr) return nullptr;
  const Json* call = object_member(*holder, "tool_call");
  return call != nullptr ? call : holder;
}

// A reasoning part or delta: typed (or named) reasoning, with its text.
struct Reasoning {
  std::string text;
  bool is_delta = false;
};

std::optional<Reasoning> reasoning_in(const StreamEvent& event, const Json& json) {
  const bool named = mentions(event.event, "reasoning");
  const Json* part = find_object(json, [named](const Json& object) {
    const std::string* type = string_member(object, "type");
    return (type != nullptr && mentions(*type, "reasoning")) || (named && !object.contains("type"));
  });
  if (part == nullptr) return std::nullopt;
  const std::string* type = string_member(*part, "type");
  const bool delta_named = mentions(event.event, "delta") || (type != nullptr && mentions(*type, "delta"));
  for (const char* key : {"reasoning", "text", "delta"}) {
    if (const std::string* text = string_member(*part, key))
      return Reasoning{*text, delta_named || std::string_view(key) == "delta"};
  }
  return std::nullopt;
}

// Decodes a copy of the subtree: no round trip through text and a second parse.
template <class T>
std::optional<T> decoded(const Json& json) {
  try {
    return detail::decode<T>(Json(json));
  } catch (const DecodeError&) {
    return std::nullopt;  // a shape we do not know after all: reported as `other`
  }
}

// What makes a step's report worth reporting again when it changes in place.
using StepState =
    std::tuple<std::string, std::optional<double>, std::optional<std::string>, std::optional<std::int64_t>>;

StepState state_of(const ToolStep& step) {
  if (!step.progress_report) return {step.status, std::nullopt, std::nullopt, std::nullopt};
  const ProgressReport& report = *step.progress_report;
  return {step.status, report.progress_percentage, report.current_progress_text,
          report.time_remaining_estimate};
}

}  // namespace

struct TurnProgressTracker::State {
  struct CallSeen {
    std::size_t steps = 0;
    StepState last_step;
    bool finished = false;
  };

  ProgressHandler on_progress;
  std::vector<std::string> reasoning;  // reported text of each reasoning part, in order
  std::map<std::string, CallSeen> calls;
  std::string answer;  // reported answer text
  bool ended = false;

  void emit(TurnProgress progress) {
    if (on_progress) on_progress(progress);
  }

  void emit_text(TurnProgress::Kind kind, std::string text) {
    TurnProgress progress;
    progress.kind = kind;
    progress.text = std::move(text);
    emit(std::move(progress));
  }

  // Reasoning part `index` now reads `text`: reports what it adds.
  void reasoning_part(std::size_t index, const std::string& text) {
    if (index >= reasoning.size()) reasoning.resize(index + 1);
    std::string& reported = reasoning[index];
    if (text.size() <= reported.size() || !starts_with(text, reported)) return;
    std::string added = text.substr(reported.size());
    reported = text;
    emit_text(TurnProgress::Kind::reasoning, std::move(added));
  }

  void tool_event(TurnProgress::Kind kind, const ToolCall& call, const ToolStep* step = nullptr) {
    TurnProgress progress;
    progress.kind = kind;
    progress.tool_call = call;
    if (step != nullptr) progress.step = *step;
    emit(std::move(progress));
  }

  void tool_call(const ToolCall& call) {
    const std::string key = call.id.empty() ? "tool " + call.tool.name : call.id;
    auto [it, fresh] = calls.try_emplace(key);
    CallSeen& seen = it->second;
    if (fresh) tool_event(TurnProgress::Kind::tool_started, call);
    // The step reported last may have moved on in place (a new percentage).
    if (seen.steps > 0 && seen.steps <= call.steps.size() &&
        state_of(call.steps[seen.steps - 1]) != seen.last_step)
      tool_event(TurnProgress::Kind::tool_step, call, &call.steps[seen.steps - 1]);
    for (std::size_t i = seen.steps; i < call.steps.size(); ++i)
      tool_event(TurnProgress::Kind::tool_step, call, &call.steps[i]);
    if (call.steps.size() >= seen.steps && !call.steps.empty()) {
      seen.steps = call.steps.size();
      seen.last_step = state_of(call.steps.back());
    }
    if (call.result && !seen.finished) {
      seen.finished = true;
      tool_event(TurnProgress::Kind::tool_finished, call);
    }
  }

  // The answer now reads `text` (a state of the turn): reports what it adds.
  void answer_text(const std::string& text) {
    if (text.size() <= answer.size() || !starts_with(text, answer)) return;
    std::string added = text.substr(answer.size());
    answer = text;
    emit_text(TurnProgress::Kind::text, std::move(added));
  }

  void answer_delta(const std::string& delta) {
    if (delta.empty()) return;
    answer += delta;
    emit_text(TurnProgress::Kind::text, delta);
  }

  void end(const Turn& turn) {
    if (ended || !turn.is_terminal()) return;
    ended = true;
    TurnProgress progress;
    progress.kind = TurnProgress::Kind::terminal;
    progress.status = turn.status;
    progress.error = turn.error;
    emit(std::move(progress));
  }

  void other(const StreamEvent& event) {
    TurnProgress progress;
    progress.event = event;
    emit(std::move(progress));
  }
};

TurnProgressTracker::TurnProgressTracker(ProgressHandler on_progress) : state_(std::make_unique<State>()) {
  state_->on_progress = std::move(on_progress);
}
TurnProgressTracker::~TurnProgressTracker() = default;
TurnProgressTracker::TurnProgressTracker(TurnProgressTracker&&) noexcept = default;
TurnProgressTracker& TurnProgressTracker::operator=(TurnProgressTracker&&) noexcept = default;

void TurnProgressTracker::observe(const Turn& turn) {
  if (const Message* answer = turn.answer()) {
    std::size_t reasoning_parts = 0;
    for (const Part& part : answer->parts) {
      if (part.type == PartType::reasoning && part.reasoning)
        state_->reasoning_part(reasoning_parts++, *part.reasoning);
      if (part.type == PartType::tool_call && part.tool_call) state_->tool_call(*part.tool_call);
    }
  }
  state_->answer_text(turn.final_answer());
  state_->end(turn);
}

void TurnProgressTracker::observe(const StreamEvent& event) {
  const Json json = detail::try_parse_json(event.data);
  if (json.is_object() && !mentions(event.event, "error")) {
    if (const Json* turn = find_object(json, is_turn)) {
      if (auto state = decoded<Turn>(*turn)) return observe(*state);
    } else if (const Json* call = tool_call_in(json)) {
      if (auto decoded_call = decoded<ToolCall>(*call)) return state_->tool_call(*decoded_call);
    } else if (auto reasoning = reasoning_in(event, json)) {
      // A delta adds to the part being written; a whole part is the next one.
      State& state = *state_;
      if (!reasoning->is_delta || state.reasoning.empty()) {
        return state.reasoning_part(state.reasoning.size(), reasoning->text);
      }
      return state.reasoning_part(state.reasoning.size() - 1, state.reasoning.back() + reasoning->text);
    }
  }
  if (auto delta = text_delta(event)) return state_->answer_delta(*delta);
  state_->other(event);
}

}  // namespace paradigm
