// Request bodies: only the fields the caller set, then `extra_body` on top.

#include <paradigm/errors.hpp>

#include "json/request_fields.hpp"
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
  write_fields(body, value);
  if (options.legacy_scope_names) rename_member(body, "workspace_ids", "workspaces_ids");
  merge_extra_body(body, value.extra_body);
  if (options.stream) body["stream"] = true;
  return body;
}

Json encode(const ThreadRequest& value) {
  Json body = Json::object();
  write_fields(body, value);
  merge_extra_body(body, value.extra_body);
  return body;
}

Json encode(const ThreadUpdate& value) {
  Json body = Json::object();
  write_fields(body, value);
  merge_extra_body(body, value.extra_body);
  return body;
}

}  // namespace paradigm::detail
