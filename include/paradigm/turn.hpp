#pragma once

#include <paradigm/enums.hpp>
#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/source.hpp>
#include <paradigm/special_members.hpp>
#include <paradigm/timestamp.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paradigm {

/// Why a turn failed (`status == failed`).
struct PARADIGM_API TurnError {
  std::optional<std::string> code;
  std::optional<std::string> message;
  JsonValue extra;
};

/// A document referenced by a `document` part.
struct PARADIGM_API DocumentPart {
  std::string id;
  JsonValue extra;
};

/// A workspace referenced by a `workspace` part.
struct PARADIGM_API WorkspacePart {
  std::string id;
  std::optional<std::string> name;
  OpenEnum<WorkspaceType> type;
  std::optional<std::int64_t> files_count;
  JsonValue extra;
};

/// A tag referenced by a `tag` part.
struct PARADIGM_API PartTag {
  std::int64_t id = 0;
  std::string tag;
  JsonValue extra;
};

/// One component of a message, keyed by `type`; the member named like the
/// type carries its content (`text`, `reasoning`, `tool_call`, ...).
struct PARADIGM_API Part {
  PARADIGM_OUT_OF_LINE_SPECIAL_MEMBERS(Part);

  OpenEnum<PartType> type;
  std::optional<std::string> text;
  std::optional<std::string> reasoning;
  std::optional<ToolCall> tool_call;
  std::optional<DocumentPart> document;
  std::optional<WorkspacePart> workspace;
  std::optional<PartTag> tag;
  JsonValue extra;
};

/// The user's query or the agent's answer within a turn.
struct PARADIGM_API Message {
  PARADIGM_OUT_OF_LINE_SPECIAL_MEMBERS(Message);

  std::string id;
  OpenEnum<Role> role;
  std::vector<Part> parts;
  /// The tool the query forced, as the server resolved it.
  std::optional<Tool> force_tool;
  std::optional<bool> immediate_final_answer;
  std::optional<Timestamp> created_at;
  std::optional<std::string> object;
  JsonValue extra;
};

/// One interaction: a user query, the agent's reasoning and tool calls, and
/// its final answer. A `failed` or `cancelled` turn is a result, not an error:
/// check `status` and `error`.
struct PARADIGM_API Turn {
  PARADIGM_OUT_OF_LINE_SPECIAL_MEMBERS(Turn);

  std::string id;
  /// The id of the thread the turn belongs to.
  std::string thread;
  OpenEnum<TurnStatus> status;
  std::optional<TurnError> error;
  std::vector<Message> messages;
  std::optional<Timestamp> created_at;
  std::optional<bool> liked;
  std::optional<std::string> object;
  JsonValue extra;

  /// The final answer: the last `text` part of the agent's message ("" when none yet).
  std::string final_answer() const;
  /// Why the turn failed: `error->message`, else `error->code`, else "".
  ///
  ///     if (turn.status == paradigm::TurnStatus::failed) std::cerr << turn.error_message() << '\n';
  std::string error_message() const;
  /// The agent's message (the last `assistant` message), or null before it exists.
  const Message* answer() const& noexcept;
  const Message* answer() && = delete;  // would dangle: keep the turn in a variable
  /// The text of every reasoning part of the agent's message, in order.
  std::vector<std::string> reasoning() const;
  /// Every tool call of the agent's message, in order.
  std::vector<ToolCall> tool_calls() const;
  /// Every file artifact of every tool call, in order.
  std::vector<Artifact> artifacts() const;
  /// Every source of every tool call: `document` gathers chunk and document sources.
  SourceList sources() const;
  /// True once the turn is completed, failed or cancelled.
  bool is_terminal() const noexcept { return paradigm::is_terminal(status.value()); }
};

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(TurnError);
PARADIGM_VALUE_OPERATORS(DocumentPart);
PARADIGM_VALUE_OPERATORS(WorkspacePart);
PARADIGM_VALUE_OPERATORS(PartTag);
PARADIGM_VALUE_OPERATORS(Part);
PARADIGM_VALUE_OPERATORS(Message);
PARADIGM_VALUE_OPERATORS(Turn);

}  // namespace paradigm
