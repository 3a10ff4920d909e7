// Background mode: start a long turn, keep its ids, collect it later.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  paradigm::TurnRequest request;
  request.query = "What is the capital of France?";
  request.background = true;  // the server answers at once with a `running` turn

  paradigm::Turn started = client.create_thread_with_turn(request);
  std::cout << "started turn " << started.id << " in thread " << started.thread << " ("
            << started.status.text() << ")\n";

  // ... store started.thread and started.id; this can happen in another process ...

  paradigm::WaitOptions wait;
  wait.on_update = [](const paradigm::Turn& t) { std::cerr << "  still " << t.status.text() << "\n"; };
  paradigm::Turn done = client.wait_for_turn(started.thread, started.id, wait);
  std::cout << done.final_answer() << '\n';
  return 0;
} catch (const paradigm::WaitTimeoutError& e) {
  std::cerr << "gave up; the turn is still " << e.last_turn().status.text() << '\n';
  return 4;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
