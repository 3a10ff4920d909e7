// Extending the system prompt for one turn.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  paradigm::TurnRequest request;
  request.query = "What is the conclusion of the last quarterly meeting note?";
  // Instructions for this turn only, without diluting the search query (max 5000 characters).
  request.system_prompt_suffix = "Rephrase technical terms into more accessible language.";
  request.max_steps = 4;

  paradigm::Turn turn = client.create_thread_with_turn(request);
  // The agent's reasoning says how it took the instructions into account.
  for (const auto& reasoning : turn.reasoning())
    std::cout << "reasoning: " << reasoning << '\n';
  std::cout << turn.final_answer() << '\n';
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
