// Cancellation: stop waiting (client side), and cancel a turn (server side).
#include <paradigm/paradigm.hpp>

#include <iostream>
#include <thread>

int main() try {
  paradigm::ThreadsClient client;

  paradigm::TurnRequest request;
  request.query = "Write a long report on every quarterly meeting note.";
  request.background = true;
  paradigm::Turn started = client.create_thread_with_turn(request);

  // 1. Stop *waiting*: a token cancelled from another thread ends the wait
  //    promptly with CancelledError. The turn keeps running on the server.
  paradigm::CancellationToken token;
  paradigm::CallOptions call;
  call.cancellation = token;
  paradigm::WaitOptions wait;
  wait.on_update = [token](const paradigm::Turn&) mutable { token.cancel(); };  // e.g. a "Stop" button
  try {
    client.wait_for_turn(started.thread, started.id, wait, call);
  } catch (const paradigm::CancelledError&) {
    std::cout << "stopped waiting; the turn is still running on the server\n";
  }

  // 2. Cancel the *turn*: the thread's current turn goes cancelling, then cancelled.
  client.cancel_turn(started.thread);
  paradigm::Turn cancelled = client.wait_for_turn(started.thread, started.id);
  std::cout << "turn " << cancelled.id << " is " << cancelled.status.text()
            << '\n';  // a result, not an error
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
