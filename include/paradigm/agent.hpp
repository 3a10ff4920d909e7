#pragma once

#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/timestamp.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paradigm {

/// The company an agent belongs to.
struct PARADIGM_API AgentCompany {
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
  std::optional<bool> allow_ephemeral_mode;
  std::optional<bool> is_sharing_enabled;
  JsonValue extra;
};

/// The user group an agent is linked to.
struct PARADIGM_API AgentGroup {
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
  JsonValue extra;
};

/// A workspace an agent can search: pass `id` in `TurnRequest::workspace_ids`.
struct PARADIGM_API AgentWorkspace {
  std::int64_t id = 0;
  std::optional<std::string> name;
  std::optional<std::string> category;
  std::optional<std::int64_t> file_count;
  JsonValue summaries;
  JsonValue extra;
};

/// The tools an agent may use (also the answer of GET /api/v3/agents/{id}/tools).
struct PARADIGM_API AgentTools {
  std::vector<Tool> native;
  std::vector<McpServer> mcp_servers;
  JsonValue extra;
};

/// An agent: instructions, tools and workspaces a turn runs with.
struct PARADIGM_API Agent {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> instructions;
  std::optional<AgentCompany> company;
  std::optional<AgentGroup> group;
  std::vector<AgentWorkspace> workspaces;
  std::optional<AgentTools> tools;
  std::optional<bool> is_default;
  std::optional<bool> scope_workspaces_by_group;
  std::optional<bool> is_current_user_favorite;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  JsonValue extra;
};

/// A tag used by documents an agent can see: pass `id` in `TurnRequest::tag_ids`.
struct PARADIGM_API AgentTag {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> description;
  std::optional<bool> auto_assign;
  std::optional<std::int64_t> document_count;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  JsonValue extra;
};

/// The workspace a file lives in.
struct PARADIGM_API FileWorkspace {
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
  std::optional<std::string> workspace_type;
  JsonValue extra;
};

/// A tag attached to a file.
struct PARADIGM_API FileTag {
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
  std::optional<bool> auto_assigned;
  JsonValue extra;
};

/// A document an agent can see: pass `id` in `TurnRequest::file_ids`.
struct PARADIGM_API AgentFile {
  std::int64_t id = 0;
  std::optional<std::string> filename;
  std::optional<std::string> title;
  std::optional<std::string> extension;
  std::optional<FileWorkspace> workspace;
  std::vector<FileTag> tags;
  std::optional<std::int64_t> total_pages;
  std::optional<std::string> status;
  std::optional<std::string> status_vision;
  std::optional<std::string> parser;
  std::optional<std::string> upload_session_uuid;
  std::optional<std::string> signature;
  std::optional<Timestamp> uploaded_at;
  std::optional<Timestamp> updated_at;
  JsonValue summaries;
  JsonValue search_details;
  JsonValue external_metadata;
  JsonValue extra;
};

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(AgentCompany);
PARADIGM_VALUE_OPERATORS(AgentGroup);
PARADIGM_VALUE_OPERATORS(AgentWorkspace);
PARADIGM_VALUE_OPERATORS(AgentTools);
PARADIGM_VALUE_OPERATORS(Agent);
PARADIGM_VALUE_OPERATORS(AgentTag);
PARADIGM_VALUE_OPERATORS(FileWorkspace);
PARADIGM_VALUE_OPERATORS(FileTag);
PARADIGM_VALUE_OPERATORS(AgentFile);

}  // namespace paradigm
