// What a turn can use, across the company: GET /api/v3/tools (native tools),
// GET /api/v3/mcp (MCP servers), GET /api/v3/mcp/{id}/tools.

#include "workflow/operations.hpp"
#include "workflow/routes.hpp"
#include "workflow/turn_steps.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {

namespace {

// The items of a listing, whether the server answers a bare array (as the
// docs show for /mcp/{id}/tools) or a page object with `results`.
template <class Item>
std::vector<Item> decode_items(const Answer& answer, const std::string& where) {
  try {
    nlohmann::json json = parse_json(answer.body);
    if (json.is_object() && json.contains("results")) json = std::move(json["results"]);
    if (!json.is_array()) throw DecodeError("expected an array or an object with `results`", "", answer.body);
    std::vector<Item> items;
    items.reserve(json.size());
    for (auto& item : json)
      items.push_back(decode<Item>(std::move(item)));
    return items;
  } catch (const DecodeError& e) {
    throw DecodeError(where + ": " + e.what(), e.path(), answer.body);
  }
}

// Sends `spec` and decodes the items of its answer.
template <class Item>
void fetch_items(const CallPtr& call, RequestSpec spec, Callback<std::vector<Item>> done) {
  std::string where = spec.describe();
  fetch_answer(call, std::move(spec),
               [where = std::move(where), done = std::move(done)](Result<Answer> answer) {
                 if (forward_error(answer, done)) return;
                 done(capture([&] { return decode_items<Item>(answer.value(), where); }));
               });
}

}  // namespace

void start_operation(const CallPtr& call, const ops::ListTools&, Callback<std::vector<Tool>> done) {
  fetch_items<Tool>(call, get_request("/api/v3/tools"), std::move(done));
}

void start_operation(const CallPtr& call, const ops::ListMcpServers&, Callback<std::vector<McpServer>> done) {
  fetch_items<McpServer>(call, get_request("/api/v3/mcp"), std::move(done));
}

void start_operation(const CallPtr& call, const ops::ListMcpServerTools& op,
                     Callback<std::vector<Tool>> done) {
  const std::string path = "/api/v3/mcp/" + encode_segment(op.mcp_server_id, "mcp_server_id") + "/tools";
  fetch_items<Tool>(call, get_request(path), std::move(done));
}

}  // namespace paradigm::detail
