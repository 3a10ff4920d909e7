// Agents and what a turn can be scoped to: workspaces, tags, files, tools.

#include "json/writer.hpp"

namespace paradigm::detail {

void read(Json& value, const JsonPath& at, AgentCompany& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) ||
           member("allow_ephemeral_mode", out.allow_ephemeral_mode) ||
           member("is_sharing_enabled", out.is_sharing_enabled);
  });
}

void read(Json& value, const JsonPath& at, AgentGroup& out) {
  read_members(value, at, out.extra,
               [&out](const Member& member) { return member("id", out.id) || member("name", out.name); });
}

void read(Json& value, const JsonPath& at, AgentWorkspace& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("category", out.category) ||
           member("file_count", out.file_count) || member("summaries", out.summaries);
  });
}

void read(Json& value, const JsonPath& at, AgentTools& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("native", out.native) || member("mcp_servers", out.mcp_servers);
  });
}

void read(Json& value, const JsonPath& at, Agent& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("description", out.description) ||
           member("instructions", out.instructions) || member("company", out.company) ||
           member("group", out.group) || member("workspaces", out.workspaces) || member("tools", out.tools) ||
           member("is_default", out.is_default) ||
           member("scope_workspaces_by_group", out.scope_workspaces_by_group) ||
           member("is_current_user_favorite", out.is_current_user_favorite) ||
           member("created_at", out.created_at) || member("updated_at", out.updated_at);
  });
}

void read(Json& value, const JsonPath& at, AgentTag& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("description", out.description) ||
           member("auto_assign", out.auto_assign) || member("document_count", out.document_count) ||
           member("created_at", out.created_at) || member("updated_at", out.updated_at);
  });
}

void read(Json& value, const JsonPath& at, FileWorkspace& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("workspace_type", out.workspace_type);
  });
}

void read(Json& value, const JsonPath& at, FileTag& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("auto_assigned", out.auto_assigned);
  });
}

void read(Json& value, const JsonPath& at, AgentFile& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("filename", out.filename) || member("title", out.title) ||
           member("extension", out.extension) || member("workspace", out.workspace) ||
           member("tags", out.tags) || member("total_pages", out.total_pages) ||
           member("status", out.status) || member("status_vision", out.status_vision) ||
           member("parser", out.parser) || member("upload_session_uuid", out.upload_session_uuid) ||
           member("signature", out.signature) || member("uploaded_at", out.uploaded_at) ||
           member("updated_at", out.updated_at) || member("summaries", out.summaries) ||
           member("search_details", out.search_details) || member("external_metadata", out.external_metadata);
  });
}

Json encode(const AgentCompany& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  put(json, "allow_ephemeral_mode", value.allow_ephemeral_mode);
  put(json, "is_sharing_enabled", value.is_sharing_enabled);
  return json;
}

Json encode(const AgentGroup& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  return json;
}

Json encode(const AgentWorkspace& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  put(json, "category", value.category);
  put(json, "file_count", value.file_count);
  put(json, "summaries", value.summaries);
  return json;
}

Json encode(const AgentTools& value) {
  Json json = object_with(value.extra);
  put(json, "native", value.native);
  put(json, "mcp_servers", value.mcp_servers);
  return json;
}

Json encode(const Agent& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  put(json, "description", value.description);
  put(json, "instructions", value.instructions);
  put(json, "company", value.company);
  put(json, "group", value.group);
  put(json, "workspaces", value.workspaces);
  put(json, "tools", value.tools);
  put(json, "is_default", value.is_default);
  put(json, "scope_workspaces_by_group", value.scope_workspaces_by_group);
  put(json, "is_current_user_favorite", value.is_current_user_favorite);
  put(json, "created_at", value.created_at);
  put(json, "updated_at", value.updated_at);
  return json;
}

Json encode(const AgentTag& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  put(json, "description", value.description);
  put(json, "auto_assign", value.auto_assign);
  put(json, "document_count", value.document_count);
  put(json, "created_at", value.created_at);
  put(json, "updated_at", value.updated_at);
  return json;
}

Json encode(const FileWorkspace& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  put(json, "workspace_type", value.workspace_type);
  return json;
}

Json encode(const FileTag& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  put(json, "auto_assigned", value.auto_assigned);
  return json;
}

Json encode(const AgentFile& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "filename", value.filename);
  put(json, "title", value.title);
  put(json, "extension", value.extension);
  put(json, "workspace", value.workspace);
  put(json, "tags", value.tags);
  put(json, "total_pages", value.total_pages);
  put(json, "status", value.status);
  put(json, "status_vision", value.status_vision);
  put(json, "parser", value.parser);
  put(json, "upload_session_uuid", value.upload_session_uuid);
  put(json, "signature", value.signature);
  put(json, "uploaded_at", value.uploaded_at);
  put(json, "updated_at", value.updated_at);
  put(json, "summaries", value.summaries);
  put(json, "search_details", value.search_details);
  put(json, "external_metadata", value.external_metadata);
  return json;
}

}  // namespace paradigm::detail
