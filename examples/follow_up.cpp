// Follow-up turns: later questions in the same thread see the earlier ones.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  paradigm::TurnRequest first;
  first.query = "What is the capital of France?";
  paradigm::Turn turn = client.create_thread_with_turn(first);
  std::cout << "Q: " << *first.query << "\nA: " << turn.final_answer() << '\n';

  // Same thread: "its" refers to the previous answer.
  paradigm::TurnRequest follow_up;
  follow_up.query = "And its population?";
  paradigm::Turn next = client.create_turn(turn.thread, follow_up);
  std::cout << "Q: " << *follow_up.query << "\nA: " << next.final_answer() << '\n';

  // The thread now holds both turns, newest first.
  for (const auto& t : client.list_turns(turn.thread).results)
    std::cout << "turn " << t.id << '\n';
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
