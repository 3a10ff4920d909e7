// Restricting tool routing to one MCP server's tools.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  paradigm::Agent agent = client.default_agent();
  const auto servers = client.list_agent_tools(agent.id).mcp_servers;
  if (servers.empty()) {
    std::cerr << "the default agent has no MCP server\n";
    return 0;
  }
  for (const auto& server : servers)
    std::cout << "MCP server: " << server.name << '\n';

  paradigm::TurnRequest request;
  request.query = "What are the latest news about LightOn?";
  request.force_mcp_server = servers.front().name;  // e.g. "websearch-linkup"
  paradigm::Turn turn = client.create_thread_with_turn(request);

  std::cout << turn.final_answer() << '\n';
  for (const auto& source : turn.sources().web)
    std::cout << "  " << source.url.value_or("?") << '\n';
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
