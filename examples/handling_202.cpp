// HTTP 202: what happens when a turn takes longer than the server holds the request.
//
// The server answers 202 with the turn still `running`. By default the SDK
// polls it for you and returns the finished turn, so a 202 looks like a 200.
// With CreateOptions::wait = false you get the running turn back and decide.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;
  paradigm::TurnRequest request;
  request.query = "What is the capital of France?";

  // 1. Default: a 202 is waited through; on_update shows each poll.
  paradigm::CreateOptions waiting;
  waiting.waiting.on_update = [](const paradigm::Turn& t) {
    std::cerr << "polled: " << t.status.text() << '\n';
  };
  paradigm::Turn turn = client.create_thread_with_turn(request, waiting);
  std::cout << "answer: " << turn.final_answer() << '\n';

  // 2. Not waiting: a 202 returns the running turn; poll when you want.
  paradigm::CreateOptions no_wait;
  no_wait.wait = false;
  paradigm::Turn maybe_running = client.create_turn(turn.thread, request, no_wait);
  std::cout << "returned with status " << maybe_running.status.text() << '\n';
  if (!maybe_running.is_terminal()) {
    maybe_running = client.wait_for_turn(maybe_running.thread, maybe_running.id);
  }
  std::cout << "answer: " << maybe_running.final_answer() << '\n';
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
