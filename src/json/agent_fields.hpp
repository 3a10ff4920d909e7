#pragma once

// The wire fields of agents and of what a turn can be scoped to: workspaces,
// tags, files, tools.

#include <paradigm/agent.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

template <class Field, class Self>
bool fields(Field&& field, Self& company, Of<AgentCompany>) {
  return field("id", company.id) || field("name", company.name) ||
         field("allow_ephemeral_mode", company.allow_ephemeral_mode) ||
         field("is_sharing_enabled", company.is_sharing_enabled);
}

template <class Field, class Self>
bool fields(Field&& field, Self& group, Of<AgentGroup>) {
  return field("id", group.id) || field("name", group.name);
}

template <class Field, class Self>
bool fields(Field&& field, Self& workspace, Of<AgentWorkspace>) {
  return field("id", workspace.id) || field("name", workspace.name) || field("category", workspace.category) ||
         field("file_count", workspace.file_count) || field("summaries", workspace.summaries);
}

template <class Field, class Self>
bool fields(Field&& field, Self& tools, Of<AgentTools>) {
  return field("native", tools.native) || field("mcp_servers", tools.mcp_servers);
}

template <class Field, class Self>
bool fields(Field&& field, Self& agent, Of<Agent>) {
  return field("id", agent.id) || field("name", agent.name) || field("description", agent.description) ||
         field("instructions", agent.instructions) || field("company", agent.company) ||
         field("group", agent.group) || field("workspaces", agent.workspaces) || field("tools", agent.tools) ||
         field("is_default", agent.is_default) ||
         field("scope_workspaces_by_group", agent.scope_workspaces_by_group) ||
         field("is_current_user_favorite", agent.is_current_user_favorite) ||
         field("created_at", agent.created_at) || field("updated_at", agent.updated_at);
}

template <class Field, class Self>
bool fields(Field&& field, Self& tag, Of<AgentTag>) {
  return field("id", tag.id) || field("name", tag.name) || field("description", tag.description) ||
         field("auto_assign", tag.auto_assign) || field("document_count", tag.document_count) ||
         field("created_at", tag.created_at) || field("updated_at", tag.updated_at);
}

template <class Field, class Self>
bool fields(Field&& field, Self& workspace, Of<FileWorkspace>) {
  return field("id", workspace.id) || field("name", workspace.name) ||
         field("workspace_type", workspace.workspace_type);
}

template <class Field, class Self>
bool fields(Field&& field, Self& tag, Of<FileTag>) {
  return field("id", tag.id) || field("name", tag.name) || field("auto_assigned", tag.auto_assigned);
}

template <class Field, class Self>
bool fields(Field&& field, Self& file, Of<AgentFile>) {
  return field("id", file.id) || field("filename", file.filename) || field("title", file.title) ||
         field("extension", file.extension) || field("workspace", file.workspace) || field("tags", file.tags) ||
         field("total_pages", file.total_pages) || field("status", file.status) ||
         field("status_vision", file.status_vision) || field("parser", file.parser) ||
         field("upload_session_uuid", file.upload_session_uuid) || field("signature", file.signature) ||
         field("uploaded_at", file.uploaded_at) || field("updated_at", file.updated_at) ||
         field("summaries", file.summaries) || field("search_details", file.search_details) ||
         field("external_metadata", file.external_metadata);
}

}  // namespace paradigm::detail
