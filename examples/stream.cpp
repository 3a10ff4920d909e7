// Streaming: print the answer as it is generated.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main(int argc, char** argv) try {
  paradigm::ThreadsClient client;

  paradigm::TurnRequest request;
  request.query = argc > 1 ? argv[1] : "What is the capital of France?";

  // Streaming needs a thread: stream_thread_with_turn creates one, then streams
  // its first turn. Every server-sent event reaches the handler in order.
  int events = 0;
  paradigm::StreamHandler print_text =
      paradigm::on_text([](std::string_view text) { std::cout << text << std::flush; });
  paradigm::Turn turn = client.stream_thread_with_turn(request, [&](const paradigm::StreamEvent& event) {
    ++events;
    return print_text(event);  // return false to stop early
  });
  std::cout << '\n';

  // The returned turn is what the server holds once the stream is over.
  std::cerr << events << " events; turn " << turn.id << " " << turn.status.text() << '\n';

  // Follow-ups stream too, in the same thread.
  paradigm::TurnRequest follow_up;
  follow_up.query = "And its population?";
  client.stream_turn_text(turn.thread, follow_up,
                          [](std::string_view text) { std::cout << text << std::flush; });
  std::cout << '\n';
  return 0;
} catch (const paradigm::StreamError& e) {
  std::cerr << "stream error: " << e.what() << '\n';
  return 1;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
