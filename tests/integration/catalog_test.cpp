// The company's catalogue against the emulator: native tools, MCP servers and
// their tools (whose names a turn can force), tags page by page.
#include "support/mock_fixture.hpp"

#include <algorithm>

namespace paradigm::testing {
namespace {

class CatalogListings : public MockTest {};

TEST_F(CatalogListings, NativeToolsNameWhatATurnCanForce) {
  auto paradigm = client();
  const std::vector<Tool> tools = paradigm.list_tools();
  ASSERT_FALSE(tools.empty());
  const bool has_code_execution = std::any_of(tools.begin(), tools.end(), [](const Tool& tool) {
    return tool.name == "code_execution" && tool.type == ToolType::native;
  });
  EXPECT_TRUE(has_code_execution);
}

TEST_F(CatalogListings, McpServersAndTheirTools) {
  auto paradigm = client();
  const std::vector<McpServer> servers = paradigm.async_list_mcp_servers().get();
  ASSERT_EQ(servers.size(), 1u);
  const std::vector<Tool> tools = paradigm.list_mcp_server_tools(servers[0].id);
  ASSERT_EQ(tools.size(), 1u);
  EXPECT_EQ(tools[0].type, ToolType::mcp);
  EXPECT_EQ(tools[0].mcp_server_name, servers[0].name);
  EXPECT_THROW(paradigm.list_mcp_server_tools("no-such-server"), NotFoundError);
}

TEST_F(CatalogListings, EveryTagPageByPage) {
  auto paradigm = client();
  PageOptions filter;
  filter.page_size = 2;
  std::vector<std::string> names;
  for (const AgentTag& tag : paradigm.all_tags(filter))
    names.push_back(tag.name);
  EXPECT_EQ(names, (std::vector<std::string>{"finance", "meetings", "hr"}));
  EXPECT_EQ(server.requests("GET", "/api/v3/tags").size(), 2u);
}

}  // namespace
}  // namespace paradigm::testing
