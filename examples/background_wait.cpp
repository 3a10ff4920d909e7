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
  // What the turn does, as the polls reveal it (the same events a stream gives).
  wait.on_progress = [](const paradigm::TurnProgress& p) {
    if (p.kind == paradigm::TurnProgress::Kind::tool_started)
      std::cerr << "  using " << p.tool_call->tool.name << '\n';
  };
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
