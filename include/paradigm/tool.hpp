#pragma once

#include <paradigm/artifact.hpp>
#include <paradigm/enums.hpp>
#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/source.hpp>
#include <paradigm/special_members.hpp>
#include <paradigm/timestamp.hpp>
#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace paradigm {

/// A tool an agent can call: native (`document_search`, `code_execution`, ...)
/// or provided by an MCP server.
struct PARADIGM_API Tool {
  std::string id;
  /// The name to pass as `TurnRequest::force_tool`.
  std::string name;
  OpenEnum<ToolType> type;
  std::optional<std::string> mcp_server_name;
  std::optional<bool> require_document;
  std::optional<std::vector<std::string>> accepted_file_types;
  std::optional<std::string> object;
  JsonValue extra;
};

/// An MCP server attached to an agent (GET /api/v3/agents/{id}/tools).
struct PARADIGM_API McpServer {
  std::string id;
  /// The name to pass as `TurnRequest::force_mcp_server`.
  std::string name;
  std::optional<std::string> url;
  std::optional<std::string> authentication_method;
  std::optional<bool> has_credentials;
  std::optional<bool> enabled;
  std::optional<std::string> availability_scope;
  std::optional<bool> is_global;
  std::optional<std::int64_t> company_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::string> object;
  JsonValue extra;
};

/// Progress a running tool reported.
struct PARADIGM_API ProgressReport {
  /// 0 to 100.
  std::optional<double> progress_percentage;
  std::optional<std::string> current_progress_text;
  /// Seconds.
  std::optional<std::int64_t> time_remaining_estimate;
  JsonValue metadata;
  JsonValue extra;
};

/// One step of a tool call, with its progress.
struct PARADIGM_API ToolStep {
  std::string status;
  std::optional<ProgressReport> progress_report;
  std::optional<Timestamp> created_at;
  JsonValue extra;
};

/// What a tool returned: its raw text, the files it produced and the sources it used.
struct PARADIGM_API ToolCallResult {
  std::optional<std::string> text;
  std::vector<Artifact> file_artifacts;
  std::vector<WebSource> web_sources;
  std::vector<ChunkSource> chunk_sources;
  std::vector<DocumentSource> document_sources;
  /// Named durations, in seconds.
  std::map<std::string, double> timings;
  JsonValue extra;
};

/// A call of a tool by the agent, with its arguments, steps and result.
struct PARADIGM_API ToolCall {
  PARADIGM_OUT_OF_LINE_SPECIAL_MEMBERS(ToolCall);

  std::string id;
  Tool tool;
  /// The arguments the agent passed (a JSON object, or null).
  JsonValue tool_args;
  std::vector<ToolStep> steps;
  std::optional<ToolCallResult> result;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  std::optional<std::string> object;
  JsonValue extra;

  /// The progress report of the latest step that has one, if any.
  const ProgressReport* latest_progress() const& noexcept;
  const ProgressReport* latest_progress() && = delete;
};

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(Tool);
PARADIGM_VALUE_OPERATORS(McpServer);
PARADIGM_VALUE_OPERATORS(ProgressReport);
PARADIGM_VALUE_OPERATORS(ToolStep);
PARADIGM_VALUE_OPERATORS(ToolCallResult);
PARADIGM_VALUE_OPERATORS(ToolCall);

}  // namespace paradigm
