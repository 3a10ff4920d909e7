#pragma once

#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paradigm {

/// Extra query parameters for a listing, sent as given (for filters this SDK
/// does not name yet).
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// The body of a turn: POST /api/v3/threads/turns and POST /api/v3/threads/{id}/turns.
/// Only the fields you set are sent.
///
///     paradigm::TurnRequest ask;
///     ask.query = "What is the capital of France?";
///     ask.workspace_ids = {1, 2};
struct PARADIGM_API TurnRequest {
  /// The user's query (required unless `suggested_query_id` is set).
  std::optional<std::string> query;
  /// The thread name; only for `create_thread_with_turn` (max 255 characters).
  std::optional<std::string> name;
  /// The agent to use; the company's default agent when absent.
  std::optional<std::int64_t> agent_id;
  /// Deprecated: use `agent_id` (which wins when both are set).
  std::optional<std::int64_t> chat_setting_id;
  /// Releases before Wise Wolf: the model to use.
  std::optional<std::string> ml_model;
  std::optional<bool> is_ephemeral;
  /// A tool name to force, e.g. "document_search" or "code_execution".
  std::optional<std::string> force_tool;
  std::optional<std::int64_t> suggested_query_id;
  /// Restrict tool routing to the tools of this MCP server.
  std::optional<std::string> force_mcp_server;
  /// Skip tool calls and answer at once.
  std::optional<bool> immediate_final_answer;
  /// Return the `running` turn at once; wait with `ThreadsClient::wait_for_turn`.
  std::optional<bool> background;
  /// Extra system prompt instructions for this turn (max 5000 characters).
  std::optional<std::string> system_prompt_suffix;
  /// Maximum reasoning steps, 1 to 20 (server default 8).
  std::optional<int> max_steps;
  /// A JSON schema the final answer must follow.
  JsonValue response_format;
  /// Tool-specific parameters, e.g. `{"document_search": {"top_k": 20}}`.
  JsonValue tool_parameters;
  /// Scope: workspaces and/or tags, or files (files cannot be mixed with the others).
  std::optional<std::vector<std::int64_t>> workspace_ids;
  std::optional<std::vector<std::int64_t>> tag_ids;
  std::optional<std::vector<std::int64_t>> file_ids;
  std::optional<bool> private_scope;
  std::optional<bool> company_scope;
  /// A JSON object merged into the body last (fields this SDK does not name yet).
  /// `stream` is not one of them: the streaming methods ask for a stream, and a
  /// `stream` member here is refused (InvalidRequestError).
  JsonValue extra_body;

  /// Throws InvalidRequestError when the request breaks a documented rule:
  /// no query nor suggested_query_id, max_steps outside 1..20,
  /// system_prompt_suffix over 5000 characters, name over 255, file_ids mixed
  /// with workspace_ids or tag_ids, extra_body not an object.
  void validate() const;
};

/// The body of POST /api/v3/threads (create an empty thread).
struct PARADIGM_API ThreadRequest {
  std::optional<std::string> name;
  std::optional<std::int64_t> agent_id;
  std::optional<std::int64_t> chat_setting_id;
  std::optional<std::string> ml_model;
  std::optional<bool> is_ephemeral;
  JsonValue tool_parameters;
  JsonValue extra_body;

  /// Throws InvalidRequestError for a name over 255 characters or a bad extra_body.
  void validate() const;
};

/// The body of PATCH /api/v3/threads/{id}. Only the fields you set are sent.
struct PARADIGM_API ThreadUpdate {
  std::optional<std::string> name;
  std::optional<bool> is_archived;
  std::optional<std::string> ml_model;
  JsonValue tool_parameters;
  JsonValue extra_body;

  /// Throws InvalidRequestError for a name over 255 characters or a bad extra_body.
  void validate() const;
};

/// Cursor pagination for threads and turns.
struct PARADIGM_API ListOptions {
  /// 1 to 100 (server default 10).
  std::optional<int> limit;
  /// Return items after this id (the last id of the previous page).
  std::optional<std::string> starting_after;
  /// Return items before this id.
  std::optional<std::string> ending_before;
  QueryParams extra_query;
};

/// Filters for `list_threads`.
struct PARADIGM_API ThreadListOptions : ListOptions {
  /// "api" or "web".
  std::optional<std::string> creation_source;
};

/// Filters for `list_agents` (page-number pagination).
struct PARADIGM_API AgentFilter {
  std::optional<bool> is_default;
  /// Case-insensitive prefix of the name.
  std::optional<std::string> name;
  std::optional<std::int64_t> company_id;
  std::optional<std::int64_t> group_id;
  std::optional<bool> is_current_user_favorite;
  std::optional<int> page;
  std::optional<int> page_size;
  QueryParams extra_query;
};

/// Filters for `list_agent_files` (page-number pagination).
struct PARADIGM_API AgentFileFilter {
  std::optional<std::string> search;
  /// Case-insensitive partial match on the file name.
  std::optional<std::string> filename;
  /// Extensions such as "pdf", "docx".
  std::vector<std::string> extensions;
  std::vector<std::int64_t> group_ids;
  std::optional<int> page;
  std::optional<int> page_size;
  QueryParams extra_query;
};

/// Filters for `list_agent_tags`.
struct PARADIGM_API AgentTagFilter {
  std::optional<bool> auto_assign;
  /// Case-insensitive partial match on the tag name.
  std::optional<std::string> tag;
  QueryParams extra_query;
};

/// Page-number pagination of a listing with no filter of its own (`list_tags`).
struct PARADIGM_API PageOptions {
  /// 1 and up.
  std::optional<int> page;
  /// 1 to 1000 (server default).
  std::optional<int> page_size;
  /// Other query parameters, sent as given (filters this SDK does not name).
  QueryParams extra_query;
};

/// Filters for `list_sources` (GET /api/v3/sources).
struct PARADIGM_API SourceFilter {
  std::optional<std::string> id;
  /// "document" or "web".
  std::optional<std::string> source_type;
  std::optional<std::string> thread_id;
  std::optional<std::string> turn_id;
  std::optional<std::string> tool_call_id;
  std::optional<int> page;
  /// 1 to 100 (server default 20).
  std::optional<int> per_page;
  QueryParams extra_query;
};

/// Feedback on a turn (PATCH /api/v3/threads/{id}/turns/{turn_id}?action=...).
enum class FeedbackAction { like_dislike, copied, flag };

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(TurnRequest);
PARADIGM_VALUE_OPERATORS(ThreadRequest);
PARADIGM_VALUE_OPERATORS(ThreadUpdate);
PARADIGM_VALUE_OPERATORS(ListOptions);
PARADIGM_VALUE_OPERATORS(ThreadListOptions);
PARADIGM_VALUE_OPERATORS(AgentFilter);
PARADIGM_VALUE_OPERATORS(AgentFileFilter);
PARADIGM_VALUE_OPERATORS(AgentTagFilter);
PARADIGM_VALUE_OPERATORS(SourceFilter);
PARADIGM_VALUE_OPERATORS(PageOptions);

}  // namespace paradigm
