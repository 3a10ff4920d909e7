// Turn, Message, Part and the small structs parts carry.

#include "json/writer.hpp"

namespace paradigm::detail {

void read(Json& value, const JsonPath& at, TurnError& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("code", out.code) || member("message", out.message);
  });
}

void read(Json& value, const JsonPath& at, DocumentPart& out) {
  read_members(value, at, out.extra, [&out](const Member& member) { return member("id", out.id); });
}

void read(Json& value, const JsonPath& at, WorkspacePart& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("name", out.name) || member("type", out.type) ||
           member("files_count", out.files_count);
  });
}

void read(Json& value, const JsonPath& at, PartTag& out) {
  read_members(value, at, out.extra,
               [&out](const Member& member) { return member("id", out.id) || member("tag", out.tag); });
}

void read(Json& value, const JsonPath& at, Part& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("type", out.type) || member("text", out.text) || member("reasoning", out.reasoning) ||
           member("tool_call", out.tool_call) || member("document", out.document) ||
           member("workspace", out.workspace) || member("tag", out.tag);
  });
}

void read(Json& value, const JsonPath& at, Message& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("role", out.role) || member("parts", out.parts) ||
           member("force_tool", out.force_tool) ||
           member("immediate_final_answer", out.immediate_final_answer) ||
           member("created_at", out.created_at) || member("object", out.object);
  });
}

void read(Json& value, const JsonPath& at, Turn& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("id", out.id) || member("thread", out.thread) || member("status", out.status) ||
           member("error", out.error) || member("messages", out.messages) ||
           member("created_at", out.created_at) || member("liked", out.liked) || member("object", out.object);
  });
}

Json encode(const TurnError& value) {
  Json json = object_with(value.extra);
  put(json, "code", value.code);
  put(json, "message", value.message);
  return json;
}

Json encode(const DocumentPart& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  return json;
}

Json encode(const WorkspacePart& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "name", value.name);
  put(json, "type", value.type);
  put(json, "files_count", value.files_count);
  return json;
}

Json encode(const PartTag& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "tag", value.tag);
  return json;
}

Json encode(const Part& value) {
  Json json = object_with(value.extra);
  put(json, "type", value.type);
  put(json, "text", value.text);
  put(json, "reasoning", value.reasoning);
  put(json, "tool_call", value.tool_call);
  put(json, "document", value.document);
  put(json, "workspace", value.workspace);
  put(json, "tag", value.tag);
  return json;
}

Json encode(const Message& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "object", value.object);
  put(json, "role", value.role);
  put(json, "parts", value.parts);
  put(json, "force_tool", value.force_tool);
  put(json, "immediate_final_answer", value.immediate_final_answer);
  put(json, "created_at", value.created_at);
  return json;
}

Json encode(const Turn& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "object", value.object);
  put(json, "thread", value.thread);
  put(json, "status", value.status);
  put(json, "error", value.error);
  put(json, "messages", value.messages);
  put(json, "created_at", value.created_at);
  put(json, "liked", value.liked);
  return json;
}

}  // namespace paradigm::detail
