#include "validation.hpp"

namespace paradigm::mock {

namespace {

void check_type(const json& body, json& errors, const char* key, bool (json::*is)() const noexcept,
                const char* message) {
  if (body.contains(key) && !body[key].is_null() && !(body[key].*is)()) errors[key] = {message};
}

void check_int_list(const json& body, json& errors, const char* key) {
  if (!body.contains(key)) return;
  const json& value = body[key];
  bool ok = value.is_array();
  for (const auto& item : value.is_array() ? value : json::array())
    ok = ok && item.is_number_integer();
  if (!ok) errors[key] = {"Expected a list of integers."};
}

void check_max_length(const json& body, json& errors, const char* key, std::size_t max) {
  if (body.contains(key) && body[key].is_string() && code_points(body[key].get<std::string>()) > max) {
    errors[key] = {"Ensure this field has no more than " + std::to_string(max) + " characters."};
  }
}

bool non_empty(const json& body, const char* key) {
  return body.contains(key) && body[key].is_array() && !body[key].empty();
}

}  // namespace

std::size_t code_points(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    count += (c & 0xC0) != 0x80;
  return count;
}

json validate_turn_body(const json& body, bool creates_thread) {
  json errors = json::object();
  check_type(body, errors, "query", &json::is_string, "Not a valid string.");
  check_type(body, errors, "agent_id", &json::is_number_integer, "A valid integer is required.");
  check_type(body, errors, "suggested_query_id", &json::is_number_integer, "A valid integer is required.");
  check_type(body, errors, "force_tool", &json::is_string, "Not a valid string.");
  check_type(body, errors, "force_mcp_server", &json::is_string, "Not a valid string.");
  check_type(body, errors, "background", &json::is_boolean, "Must be a valid boolean.");
  check_type(body, errors, "immediate_final_answer", &json::is_boolean, "Must be a valid boolean.");
  check_type(body, errors, "system_prompt_suffix", &json::is_string, "Not a valid string.");
  check_max_length(body, errors, "system_prompt_suffix", 5000);
  check_max_length(body, errors, "name", 255);
  for (const char* key : {"workspace_ids", "file_ids", "tag_ids"})
    check_int_list(body, errors, key);
  if (body.contains("max_steps")) {
    const json& steps = body["max_steps"];
    if (!steps.is_number_integer()) {
      errors["max_steps"] = {"A valid integer is required."};
    } else if (steps.get<long long>() < 1 || steps.get<long long>() > 20) {
      errors["max_steps"] = {"Ensure this value is between 1 and 20."};
    }
  }
  const bool has_query =
      body.contains("query") && body["query"].is_string() && !body["query"].get<std::string>().empty();
  if (!has_query && !body.contains("suggested_query_id")) {
    errors["query"] = {"Either query or suggested_query_id is required."};
  }
  if (non_empty(body, "file_ids") && (non_empty(body, "workspace_ids") || non_empty(body, "tag_ids"))) {
    errors["file_ids"] = {"file_ids cannot be combined with workspace_ids or tag_ids."};
  }
  if (creates_thread && body.contains("stream")) {
    errors["stream"] = {"Streaming is not supported on this endpoint."};
  }
  if (!creates_thread) check_type(body, errors, "stream", &json::is_boolean, "Must be a valid boolean.");
  return errors.empty() ? json(nullptr) : errors;
}

json validate_thread_body(const json& body) {
  json errors = json::object();
  check_type(body, errors, "name", &json::is_string, "Not a valid string.");
  check_max_length(body, errors, "name", 255);
  check_type(body, errors, "agent_id", &json::is_number_integer, "A valid integer is required.");
  check_type(body, errors, "is_archived", &json::is_boolean, "Must be a valid boolean.");
  check_type(body, errors, "is_ephemeral", &json::is_boolean, "Must be a valid boolean.");
  return errors.empty() ? json(nullptr) : errors;
}

}  // namespace paradigm::mock
