// The company's catalogue: native tools, MCP servers and their tools, tags.
// Their shapes are documented loosely: a bare array and a page of `results`
// are both understood.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

class Catalog : public WorkflowTest {};

json tool_json(const std::string& name, const std::string& type = "native") {
  return json{{"id", name + "-id"}, {"name", name}, {"type", type}, {"object", "tool"}};
}

TEST_F(Catalog, NativeToolsAsABareArray) {
  server().expect(
      "GET", "/api/v3/tools",
      json_answer(json::array({tool_json("document_search"), tool_json("code_execution")}).dump()));
  const std::vector<Tool> tools = client().list_tools();
  ASSERT_EQ(tools.size(), 2u);
  EXPECT_EQ(tools[0].name, "document_search");
  EXPECT_EQ(tools[1].type, ToolType::native);
}

TEST_F(Catalog, NativeToolsAsAPageOfResults) {
  server().expect("GET", "/api/v3/tools", json_answer(page({tool_json("web_search")})));
  const std::vector<Tool> tools = client().async_list_tools().get();
  ASSERT_EQ(tools.size(), 1u);
  EXPECT_EQ(tools[0].name, "web_search");
}

TEST_F(Catalog, AnAnswerOfAnotherShapeIsADecodeErrorNamingTheRequest) {
  server().expect("GET", "/api/v3/tools", json_answer(R"({"tools": []})"));
  try {
    client().list_tools();
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("GET https://paradigm.test/api/v3/tools"), std::string::npos)
        << e.what();
  }
}

TEST_F(Catalog, McpServers) {
  server().expect(
      "GET", "/api/v3/mcp",
      json_answer(json::array({{{"id", "m1"}, {"name", "jira"}, {"enabled", true}, {"object", "mcp_server"}},
                               {{"id", "m2"}, {"name", "github"}, {"is_global", false}}})
                      .dump()));
  const std::vector<McpServer> servers = client().list_mcp_servers();
  ASSERT_EQ(servers.size(), 2u);
  EXPECT_EQ(servers[0].name, "jira");
  EXPECT_EQ(servers[0].enabled, true);
  EXPECT_EQ(servers[1].is_global, false);
}

TEST_F(Catalog, TheToolsOfAnMcpServerByItsIdEncodedInOneSegment) {
  server().expect("GET", "/api/v3/mcp/m%2F1/tools",
                  json_answer(json::array({tool_json("create_issue", "mcp")}).dump()));
  const std::vector<Tool> tools = client().list_mcp_server_tools("m/1");
  ASSERT_EQ(tools.size(), 1u);
  EXPECT_EQ(tools[0].type, ToolType::mcp);
  EXPECT_THROW(client().list_mcp_server_tools(""), InvalidRequestError);  // refused before sending
}

json tag_json(std::int64_t id, const std::string& name) {
  return json{{"id", id}, {"name", name}, {"auto_assign", false}, {"document_count", 3}};
}

TEST_F(Catalog, TagsPageByNumberWhileTheServerSaysNext) {
  server()
      .expect(
          "GET", "/api/v3/tags?page_size=2&name=fin",
          json_answer(page({tag_json(1, "finance"), tag_json(2, "fintech")}, "http://x/api/v3/tags?page=2")))
      .expect("GET", "/api/v3/tags?page=2&page_size=2&name=fin", json_answer(page({tag_json(3, "finland")})));
  PageOptions filter;
  filter.extra_query = {{"name", "fin"}};  // a filter the SDK does not name
  filter.page_size = 2;
  std::vector<std::int64_t> ids;
  for (const AgentTag& tag : client().all_tags(filter))
    ids.push_back(tag.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST_F(Catalog, TagsAsABareArrayAreOnePage) {
  server().expect("GET", "/api/v3/tags", json_answer(json::array({tag_json(7, "legal")}).dump()));
  const Page<AgentTag> tags = client().list_tags();
  ASSERT_EQ(tags.results.size(), 1u);
  EXPECT_EQ(tags.results[0].document_count, 3);
  EXPECT_FALSE(tags.has_more());
}

TEST_F(Catalog, ABadPageSizeIsRefusedBeforeSending) {
  PageOptions filter;
  filter.page_size = 0;
  EXPECT_THROW(client().list_tags(filter), InvalidRequestError);
}

}  // namespace
}  // namespace paradigm::testing
