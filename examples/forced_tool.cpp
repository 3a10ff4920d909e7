// Forcing a tool, and reading the tool call it produced.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  // Which native tools does the default agent have?
  paradigm::Agent agent = client.default_agent();
  for (const auto& tool : client.list_agent_tools(agent.id).native)
    std::cout << "tool: " << tool.name << '\n';

  paradigm::TurnRequest request;
  request.query = "781+8171?";
  request.force_tool = "code_execution";
  paradigm::Turn turn = client.create_thread_with_turn(request);

  // With a forced tool, the answer starts with the tool call (no reasoning part).
  for (const auto& call : turn.tool_calls()) {
    std::cout << call.tool.name << " args " << call.tool_args.dump() << '\n';
    if (call.result && call.result->text) std::cout << "  result: " << *call.result->text << '\n';
  }
  std::cout << turn.final_answer() << '\n';
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
