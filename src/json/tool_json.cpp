// Tools, MCP servers and tool calls with their steps and results.

#include "json/writer.hpp"

namespace paradigm::detail {

void read(Json& value, const JsonPath& at, Tool& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("type", out.type) ||
           member("mcp_server_name", out.mcp_server_name) ||
           member("require_document", out.require_document) ||
           member("accepted_file_types", out.accepted_file_types) || member("object", out.object);
  });
}

void read(Json& value, const JsonPath& at, McpServer& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("url", out.url) ||
           member("authentication_method", out.authentication_method) ||
           member("has_credentials", out.has_credentials) || member("enabled", out.enabled) ||
           member("availability_scope", out.availability_scope) || member("is_global", out.is_global) ||
           member("company_id", out.company_id) || member("group_id", out.group_id) ||
           member("object", out.object);
  });
}

void read(Json& value, const JsonPath& at, ProgressReport& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("progress_percentage", out.progress_percentage) ||
           member("current_progress_text", out.current_progress_text) ||
           member("time_remaining_estimate", out.time_remaining_estimate) || member("metadata", out.metadata);
  });
}

void read(Json& value, const JsonPath& at, ToolStep& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("status", out.status) || member("progress_report", out.progress_report) ||
           member("created_at", out.created_at);
  });
}

void read(Json& value, const JsonPath& at, ToolCallResult& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    if (member.key() == "web_sources") {
      read_tool_sources(member.value(), member.path(), out.web_sources);
      return true;
    }
    if (member.key() == "chunk_sources" || member.key() == "document_sources") {
      auto& target = member.key() == "chunk_sources" ? out.chunk_sources : out.document_sources;
      read_tool_sources(member.value(), member.path(), target);
      return true;
    }
    return member("text", out.text) || member("file_artifacts", out.file_artifacts) ||
           member("timings", out.timings);
  });
}

void read(Json& value, const JsonPath& at, ToolCall& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("tool", out.tool) || member("tool_args", out.tool_args) ||
           member("steps", out.steps) || member("result", out.result) ||
           member("created_at", out.created_at) || member("updated_at", out.updated_at) ||
           member("object", out.object);
  });
}

Json encode(const Tool& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "object", value.object);
  put(json, "name", value.name);
  put(json, "type", value.type);
  put(json, "mcp_server_name", value.mcp_server_name);
  put(json, "require_document", value.require_document);
  put(json, "accepted_file_types", value.accepted_file_types);
  return json;
}

Json encode(const McpServer& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "object", value.object);
  put(json, "name", value.name);
  put(json, "url", value.url);
  put(json, "authentication_method", value.authentication_method);
  put(json, "has_credentials", value.has_credentials);
  put(json, "enabled", value.enabled);
  put(json, "availability_scope", value.availability_scope);
  put(json, "is_global", value.is_global);
  put(json, "company_id", value.company_id);
  put(json, "group_id", value.group_id);
  return json;
}

Json encode(const ProgressReport& value) {
  Json json = object_with(value.extra);
  put(json, "progress_percentage", value.progress_percentage);
  put(json, "current_progress_text", value.current_progress_text);
  put(json, "time_remaining_estimate", value.time_remaining_estimate);
  put(json, "metadata", value.metadata);
  return json;
}

Json encode(const ToolStep& value) {
  Json json = object_with(value.extra);
  put(json, "status", value.status);
  put(json, "progress_report", value.progress_report);
  put(json, "created_at", value.created_at);
  return json;
}

Json encode(const ToolCallResult& value) {
  Json json = object_with(value.extra);
  put(json, "text", value.text);
  put(json, "file_artifacts", value.file_artifacts);
  put(json, "web_sources", value.web_sources);
  put(json, "chunk_sources", value.chunk_sources);
  put(json, "document_sources", value.document_sources);
  put(json, "timings", value.timings);
  return json;
}

Json encode(const ToolCall& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "object", value.object);
  put(json, "tool", value.tool);
  put(json, "tool_args", value.tool_args);
  put(json, "steps", value.steps);
  put(json, "result", value.result);
  put(json, "created_at", value.created_at);
  put(json, "updated_at", value.updated_at);
  return json;
}

}  // namespace paradigm::detail
