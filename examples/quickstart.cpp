// Quickstart: ask a question in a new thread and print the agent's answer.
//
//   PARADIGM_API_KEY=... [PARADIGM_BASE_URL=...] ./quickstart ["your question"]
#include <paradigm/paradigm.hpp>

#include <iostream>

int main(int argc, char** argv) try {
  paradigm::ThreadsClient client;  // PARADIGM_API_KEY, PARADIGM_BASE_URL

  paradigm::TurnRequest ask;
  ask.query = argc > 1 ? argv[1] : "What is the capital of France?";

  // Creates a thread with its first turn; a 202 ("still working") is waited for.
  paradigm::Turn turn = client.create_thread_with_turn(ask);

  std::cout << turn.final_answer() << '\n';
  std::cerr << "thread " << turn.thread << ", turn " << turn.id << ", " << turn.status.text() << '\n';
  return turn.status == paradigm::TurnStatus::completed ? 0 : 3;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
