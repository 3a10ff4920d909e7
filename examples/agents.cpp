// Listing agents, their tools, tags and files: what a turn can be scoped to.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  paradigm::AgentFilter filter;
  filter.page = 1;
  for (;;) {
    paradigm::Page<paradigm::Agent> page = client.list_agents(filter);
    for (const auto& agent : page.results) {
      std::cout << agent.id << "  " << agent.name << (agent.is_default.value_or(false) ? "  (default)" : "")
                << '\n';
      const auto tools = client.list_agent_tools(agent.id);
      for (const auto& tool : tools.native)
        std::cout << "    tool " << tool.name << '\n';
      for (const auto& server : tools.mcp_servers)
        std::cout << "    MCP  " << server.name << '\n';
      for (const auto& tag : client.list_agent_tags(agent.id))
        std::cout << "    tag  " << tag.id << " " << tag.name << '\n';
      for (const auto& file : client.list_agent_files(agent.id).results) {
        std::cout << "    file " << file.id << " " << file.filename.value_or("?") << '\n';
      }
    }
    if (!page.has_more()) break;
    filter.page = *filter.page + 1;
  }
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
