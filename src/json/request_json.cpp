// Request bodies: only the fields the caller set, then `extra_body` on top.

#include "json/writer.hpp"

namespace paradigm::detail {

namespace {

// Members of `extra_body` are written last, so they override named fields:
// that is how a caller sends a field this SDK names differently or not yet.
void merge_extra_body(Json& body, const JsonValue& extra_body) {
  if (extra_body.is_null()) return;
  if (!extra_body.is_object()) {
    throw InvalidRequestError("extra_body must be a JSON object, not " +
                              std::string(extra_body.nlohmann().type_name()));
  }
  for (const auto& [name, member] : extra_body.nlohmann().items())
    body[name] = member;
}

void rename_member(Json& body, const char* from, const char* to) {
  const auto found = body.find(from);
  if (found == body.end()) return;
  Json member = std::move(*found);
  body.erase(found);
  body[to] = std::move(member);
}

}  // namespace

Json encode(const TurnRequest& value, const TurnBodyOptions& options) {
  Json body = Json::object();
  put(body, "query", value.query);
  put(body, "name", value.name);
  put(body, "agent_id", value.agent_id);
  put(body, "chat_setting_id", value.chat_setting_id);
  put(body, "ml_model", value.ml_model);
  put(body, "is_ephemeral", value.is_ephemeral);
  put(body, "force_tool", value.force_tool);
  put(body, "suggested_query_id", value.suggested_query_id);
  put(body, "force_mcp_server", value.force_mcp_server);
  put(body, "immediate_final_answer", value.immediate_final_answer);
  put(body, "background", value.background);
  put(body, "system_prompt_suffix", value.system_prompt_suffix);
  put(body, "max_steps", value.max_steps);
  put(body, "response_format", value.response_format);
  put(body, "tool_parameters", value.tool_parameters);
  put(body, "workspace_ids", value.workspace_ids);
  put(body, "tag_ids", value.tag_ids);
  put(body, "file_ids", value.file_ids);
  put(body, "private_scope", value.private_scope);
  put(body, "company_scope", value.company_scope);
  if (options.legacy_scope_names) rename_member(body, "workspace_ids", "workspaces_ids");
  merge_extra_body(body, value.extra_body);
  // Only the streaming methods can read an SSE answer.
  if (options.stream) {
    body["stream"] = true;
  } else {
    body.erase("stream");
  }
  return body;
}

Json encode(const ThreadRequest& value) {
  Json body = Json::object();
  put(body, "name", value.name);
  put(body, "agent_id", value.agent_id);
  put(body, "chat_setting_id", value.chat_setting_id);
  put(body, "ml_model", value.ml_model);
  put(body, "is_ephemeral", value.is_ephemeral);
  put(body, "tool_parameters", value.tool_parameters);
  merge_extra_body(body, value.extra_body);
  return body;
}

Json encode(const ThreadUpdate& value) {
  Json body = Json::object();
  put(body, "name", value.name);
  put(body, "is_archived", value.is_archived);
  put(body, "ml_model", value.ml_model);
  put(body, "tool_parameters", value.tool_parameters);
  merge_extra_body(body, value.extra_body);
  return body;
}

}  // namespace paradigm::detail
