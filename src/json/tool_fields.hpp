#pragma once

// The wire fields of tools, MCP servers and tool calls with their steps and results.

#include <paradigm/tool.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

template <class Field, class Self>
bool fields(Field&& field, Self& tool, Of<Tool>) {
  return field("id", tool.id) || field("name", tool.name) || field("type", tool.type) ||
         field("mcp_server_name", tool.mcp_server_name) || field("require_document", tool.require_document) ||
         field("accepted_file_types", tool.accepted_file_types) || field("object", tool.object);
}

template <class Field, class Self>
bool fields(Field&& field, Self& server, Of<McpServer>) {
  return field("id", server.id) || field("name", server.name) || field("url", server.url) ||
         field("authentication_method", server.authentication_method) ||
         field("has_credentials", server.has_credentials) || field("enabled", server.enabled) ||
         field("availability_scope", server.availability_scope) || field("is_global", server.is_global) ||
         field("company_id", server.company_id) || field("group_id", server.group_id) ||
         field("object", server.object);
}

template <class Field, class Self>
bool fields(Field&& field, Self& report, Of<ProgressReport>) {
  return field("progress_percentage", report.progress_percentage) ||
         field("current_progress_text", report.current_progress_text) ||
         field("time_remaining_estimate", report.time_remaining_estimate) || field("metadata", report.metadata);
}

template <class Field, class Self>
bool fields(Field&& field, Self& step, Of<ToolStep>) {
  return field("status", step.status) || field("progress_report", step.progress_report) ||
         field("created_at", step.created_at);
}

// The source lists' element shapes are not published (API-NOTES): tolerant.
template <class Field, class Self>
bool fields(Field&& field, Self& result, Of<ToolCallResult>) {
  return field("text", result.text) || field("file_artifacts", result.file_artifacts) ||
         field("web_sources", tolerant(result.web_sources)) ||
         field("chunk_sources", tolerant(result.chunk_sources)) ||
         field("document_sources", tolerant(result.document_sources)) || field("timings", result.timings);
}

template <class Field, class Self>
bool fields(Field&& field, Self& call, Of<ToolCall>) {
  return field("id", call.id) || field("tool", call.tool) || field("tool_args", call.tool_args) ||
         field("steps", call.steps) || field("result", call.result) || field("created_at", call.created_at) ||
         field("updated_at", call.updated_at) || field("object", call.object);
}

}  // namespace paradigm::detail
