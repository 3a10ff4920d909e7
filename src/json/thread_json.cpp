// Threads, in both the current shape and the one before Wise Wolf.

#include "json/writer.hpp"

namespace paradigm::detail {

void read(Json& value, const JsonPath& at, Thread& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("status", out.status) ||
           member("agent_id", out.agent_id) || member("agent_name", out.agent_name) ||
           member("chat_setting", out.chat_setting) || member("ml_model", out.ml_model) ||
           member("ml_model_name", out.ml_model_name) || member("creation_source", out.creation_source) ||
           member("is_read", out.is_read) || member("is_ephemeral", out.is_ephemeral) ||
           member("is_archived", out.is_archived) || member("legacy", out.legacy) ||
           member("tool_parameters", out.tool_parameters) || member("created_at", out.created_at) ||
           member("updated_at", out.updated_at) || member("object", out.object);
  });
}

Json encode(const Thread& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "object", value.object);
  put(json, "name", value.name);
  put(json, "status", value.status);
  put(json, "agent_id", value.agent_id);
  put(json, "agent_name", value.agent_name);
  put(json, "chat_setting", value.chat_setting);
  put(json, "ml_model", value.ml_model);
  put(json, "ml_model_name", value.ml_model_name);
  put(json, "creation_source", value.creation_source);
  put(json, "is_read", value.is_read);
  put(json, "is_ephemeral", value.is_ephemeral);
  put(json, "is_archived", value.is_archived);
  put(json, "legacy", value.legacy);
  put(json, "tool_parameters", value.tool_parameters);
  put(json, "created_at", value.created_at);
  put(json, "updated_at", value.updated_at);
  return json;
}

}  // namespace paradigm::detail
