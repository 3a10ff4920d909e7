// Many turns at once: a TurnSet keeps them in flight on the client's event
// loop (no thread per turn) and hands each back as it finishes.
//
//   ./batch "What is the capital of France?" "Who wrote Hamlet?" ...
#include <paradigm/paradigm.hpp>

#include <iostream>
#include <vector>

int main(int argc, char** argv) try {
  paradigm::ThreadsClient client;
  std::vector<std::string> questions(argv + 1, argv + argc);
  if (questions.empty())
    questions = {"What is the capital of France?", "Who wrote Hamlet?", "What is 6 x 7?"};

  paradigm::TurnSetOptions options;
  options.max_in_flight = 50;  // more wait their turn
  paradigm::TurnSet set(client, options);
  for (const std::string& question : questions) {
    paradigm::TurnRequest request;
    request.query = question;
    set.add(request);
  }

  int failed = 0;
  while (auto finished = set.next_completed()) {  // in the order they finish
    const std::string& question = questions.at(finished->key);
    if (finished->completed()) {
      std::cout << question << " -> " << finished->turn->final_answer() << '\n';
      continue;
    }
    ++failed;
    try {
      if (finished->error) std::rethrow_exception(finished->error);
      std::cout << question << " -> turn " << finished->turn->status.text() << '\n';
    } catch (const paradigm::Error& e) {
      std::cout << question << " -> error: " << e.what() << '\n';
    }
  }
  return failed == 0 ? 0 : 3;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
