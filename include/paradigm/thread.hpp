#pragma once

#include <paradigm/enums.hpp>
#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/timestamp.hpp>
#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace paradigm {

/// A conversation: a sequence of turns. Accepts both the current shape
/// (`agent_id`, `agent_name`, `legacy`) and the one of releases before Wise Wolf
/// (`chat_setting`).
struct PARADIGM_API Thread {
  std::string id;
  std::optional<std::string> name;
  /// The status of the thread's current turn (`running` while one runs).
  OpenEnum<TurnStatus> status;
  std::optional<std::int64_t> agent_id;
  std::optional<std::string> agent_name;
  /// Releases before Wise Wolf: the chat setting instead of the agent.
  std::optional<std::int64_t> chat_setting;
  std::optional<std::string> ml_model;
  std::optional<std::string> ml_model_name;
  /// "api" or "web".
  std::optional<std::string> creation_source;
  std::optional<bool> is_read;
  std::optional<bool> is_ephemeral;
  std::optional<bool> is_archived;
  std::optional<bool> legacy;
  /// Tool parameters applied to every turn of the thread (newer releases).
  JsonValue tool_parameters;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  std::optional<std::string> object;
  JsonValue extra;

  /// True when no turn is running (the status is completed, failed or cancelled).
  bool is_terminal() const noexcept { return paradigm::is_terminal(status.value()); }
};

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(Thread);

}  // namespace paradigm
