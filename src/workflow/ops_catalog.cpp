// What a turn can use, across the company: GET /api/v3/tools (native tools),
// GET /api/v3/mcp (MCP servers), GET /api/v3/mcp/{id}/tools, GET /api/v3/tags.

#include "workflow/listing.hpp"
#include "workflow/operations.hpp"
#include "workflow/routes.hpp"

namespace paradigm::detail {

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

void start_operation(const CallPtr& call, const ops::ListTags& op, Callback<Page<AgentTag>> done) {
  QueryParams query;
  add_page(query, op.pages.page, op.pages.page_size, "page_size", 1000);
  append_query(query, op.pages.extra_query);
  fetch_page<AgentTag>(call, get_request("/api/v3/tags", std::move(query)), std::move(done));
}

}  // namespace paradigm::detail
