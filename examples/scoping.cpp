// Scoping a question to workspaces and tags, or to files.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  // What can the default agent see?
  paradigm::Agent agent = client.default_agent();
  std::vector<std::int64_t> workspaces;
  for (const auto& workspace : agent.workspaces) {
    std::cout << "workspace " << workspace.id << ": " << workspace.name.value_or("?") << '\n';
    workspaces.push_back(workspace.id);
  }
  std::vector<std::int64_t> tags;
  for (const auto& tag : client.list_agent_tags(agent.id))
    tags.push_back(tag.id);

  // Workspaces and tags can be combined (files in workspace 1 or 2 AND tagged 4 or 5)...
  paradigm::TurnRequest request;
  request.query = "What is the conclusion of the last quarterly meeting note?";
  request.workspace_ids = workspaces;
  request.tag_ids = tags;
  paradigm::Turn turn = client.create_thread_with_turn(request);
  std::cout << turn.final_answer() << '\n';
  for (const auto& source : turn.sources().document) {
    std::cout << "  source chunk " << source.document_chunk.value_or(0) << '\n';
  }

  // ...but files cannot be mixed with them: the SDK refuses before sending.
  auto files = client.list_agent_files(agent.id).results;
  if (!files.empty()) {
    paradigm::TurnRequest by_file;
    by_file.query = request.query;
    by_file.file_ids = std::vector<std::int64_t>{files.front().id};
    std::cout << client.create_thread_with_turn(by_file).final_answer() << '\n';
  }
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
