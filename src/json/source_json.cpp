// Artifacts and sources: the shapes the API documents least.

#include "json/writer.hpp"

#include <string>

namespace paradigm::detail {

namespace {

// The artifact id arrives as a string or a number; both are kept as text.
void read_artifact_id(Json& value, const JsonPath& at, std::string& out) {
  if (value.is_number_unsigned()) {
    out = std::to_string(value.get<std::uint64_t>());
  } else if (value.is_number_integer()) {
    out = std::to_string(value.get<std::int64_t>());
  } else if (value.is_string() || value.is_null()) {
    read(value, at, out);
  } else {
    throw_type_error(at, "string or integer", value);
  }
}

// A canonical decimal (no sign, no leading zero) that fits in 64 bits was
// sent as a number; a UUID or any other text never looks like one.
bool is_numeric_id(const std::string& id) {
  if (id.empty() || id.size() > 18 || (id[0] == '0' && id.size() > 1)) return false;
  for (const char c : id) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

template <class Fields>
bool known_source_member(const Member& member, bool tolerant, Fields&& fields) {
  return fields([&member, tolerant](std::string_view name, auto& field) {
    return tolerant ? member.tolerant(name, field) : member(name, field);
  });
}

void read_web_source(Json& value, const JsonPath& at, WebSource& out, bool tolerant) {
  read_members(value, at, out.extra, [&out, tolerant](const Member& member) {
    return known_source_member(member, tolerant, [&out](auto&& take) {
      return take("id", out.id) || take("thread_id", out.thread_id) || take("url", out.url) ||
             take("title", out.title) || take("thumbnail", out.thumbnail) ||
             take("certainty", out.certainty) || take("created_at", out.created_at);
    });
  });
}

void read_document_source(Json& value, const JsonPath& at, DocumentSource& out, bool tolerant) {
  read_members(value, at, out.extra, [&out, tolerant](const Member& member) {
    return known_source_member(member, tolerant, [&out](auto&& take) {
      return take("id", out.id) || take("thread_id", out.thread_id) ||
             take("document_chunk", out.document_chunk) || take("vision_chunk", out.vision_chunk) ||
             take("certainty", out.certainty) || take("distance", out.distance) ||
             take("page_start", out.page_start) || take("page_end", out.page_end) ||
             take("used_for_generation", out.used_for_generation) || take("created_at", out.created_at);
    });
  });
}

}  // namespace

void read(Json& value, const JsonPath& at, Artifact& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    if (member.key() == "id") {
      read_artifact_id(member.value(), member.path(), out.id);
      return true;
    }
    return member("thumbnail_base64", out.thumbnail_base64);
  });
}

void read(Json& value, const JsonPath& at, WebSource& out) {
  read_web_source(value, at, out, false);
}

void read(Json& value, const JsonPath& at, DocumentSource& out) {
  read_document_source(value, at, out, false);
}

void read_tool_sources(Json& value, const JsonPath& at, std::vector<WebSource>& out) {
  read_array(value, at, out, [](Json& element, const JsonPath& element_at, WebSource& target) {
    read_web_source(element, element_at, target, true);
  });
}

void read_tool_sources(Json& value, const JsonPath& at, std::vector<DocumentSource>& out) {
  read_array(value, at, out, [](Json& element, const JsonPath& element_at, DocumentSource& target) {
    read_document_source(element, element_at, target, true);
  });
}

void read(Json& value, const JsonPath& at, SourceList& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("document", out.document) || member("web", out.web);
  });
}

Json encode(const Artifact& value) {
  Json json = object_with(value.extra);
  if (is_numeric_id(value.id)) {
    json["id"] = std::stoll(value.id);
  } else {
    json["id"] = value.id;
  }
  put(json, "thumbnail_base64", value.thumbnail_base64);
  return json;
}

Json encode(const WebSource& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "thread_id", value.thread_id);
  put(json, "url", value.url);
  put(json, "title", value.title);
  put(json, "thumbnail", value.thumbnail);
  put(json, "certainty", value.certainty);
  put(json, "created_at", value.created_at);
  return json;
}

Json encode(const DocumentSource& value) {
  Json json = object_with(value.extra);
  put(json, "id", value.id);
  put(json, "thread_id", value.thread_id);
  put(json, "document_chunk", value.document_chunk);
  put(json, "vision_chunk", value.vision_chunk);
  put(json, "certainty", value.certainty);
  put(json, "distance", value.distance);
  put(json, "page_start", value.page_start);
  put(json, "page_end", value.page_end);
  put(json, "used_for_generation", value.used_for_generation);
  put(json, "created_at", value.created_at);
  return json;
}

Json encode(const SourceList& value) {
  Json json = object_with(value.extra);
  put(json, "document", value.document);
  put(json, "web", value.web);
  return json;
}

}  // namespace paradigm::detail
