#pragma once

// The wire fields of the request bodies (written only; `extra_body` is merged
// on top by request_json.cpp).

#include <paradigm/requests.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

template <class Field, class Self>
bool fields(Field&& field, Self& request, Of<TurnRequest>) {
  return field("query", request.query) || field("name", request.name) || field("agent_id", request.agent_id) ||
         field("chat_setting_id", request.chat_setting_id) || field("ml_model", request.ml_model) ||
         field("is_ephemeral", request.is_ephemeral) || field("force_tool", request.force_tool) ||
         field("suggested_query_id", request.suggested_query_id) ||
         field("force_mcp_server", request.force_mcp_server) ||
         field("immediate_final_answer", request.immediate_final_answer) ||
         field("background", request.background) || field("system_prompt_suffix", request.system_prompt_suffix) ||
         field("max_steps", request.max_steps) || field("response_format", request.response_format) ||
         field("tool_parameters", request.tool_parameters) || field("workspace_ids", request.workspace_ids) ||
         field("tag_ids", request.tag_ids) || field("file_ids", request.file_ids) ||
         field("private_scope", request.private_scope) || field("company_scope", request.company_scope);
}

template <class Field, class Self>
bool fields(Field&& field, Self& request, Of<ThreadRequest>) {
  return field("name", request.name) || field("agent_id", request.agent_id) ||
         field("chat_setting_id", request.chat_setting_id) || field("ml_model", request.ml_model) ||
         field("is_ephemeral", request.is_ephemeral) || field("tool_parameters", request.tool_parameters);
}

template <class Field, class Self>
bool fields(Field&& field, Self& update, Of<ThreadUpdate>) {
  return field("name", update.name) || field("is_archived", update.is_archived) ||
         field("ml_model", update.ml_model) || field("tool_parameters", update.tool_parameters);
}

}  // namespace paradigm::detail
