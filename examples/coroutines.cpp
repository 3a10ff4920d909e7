// Coroutines (C++20, <paradigm/coro.hpp>): one coroutine creates a thread,
// streams a follow-up event by event, then runs three turns at once and
// waits for all of them. No callback, no thread of yours.
#include <paradigm/coro.hpp>
#include <paradigm/event_stream.hpp>
#include <paradigm/paradigm.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace {

paradigm::TurnRequest ask(std::string query) {
  paradigm::TurnRequest request;
  request.query = std::move(query);
  return request;
}

// A function returning a Future may be a coroutine: it runs until its first
// co_await, then resumes on the client's event loop as each call completes.
// Take parameters by value: they live in the coroutine's frame.
paradigm::Future<void> conversation(paradigm::ThreadsClient client) {
  const paradigm::Turn first =
      co_await client.async_create_thread_with_turn(ask("What is the capital of France?"));
  std::cout << "first: " << first.final_answer() << '\n';

  // A follow-up, streamed: each event is awaited as it arrives.
  paradigm::EventStream events =
      paradigm::stream_turn_events(client, first.thread, ask("And its population?"));
  std::cout << "streamed: ";
  while (std::optional<paradigm::StreamEvent> event = co_await events.next()) {
    if (std::optional<std::string> text = paradigm::text_delta(*event)) std::cout << *text << std::flush;
  }
  const paradigm::Turn follow_up = co_await events.result();
  std::cout << "\nfollow-up " << follow_up.id << ' ' << follow_up.status.text() << '\n';

  // Three turns at once, awaited together.
  std::vector<paradigm::Future<paradigm::Turn>> three;
  for (const char* question : {"What is the capital of Italy?", "Who wrote Hamlet?", "What is 2 + 2?"})
    three.push_back(client.async_create_thread_with_turn(ask(question)));
  for (paradigm::Future<paradigm::Turn>& done : co_await paradigm::when_all(std::move(three)))
    std::cout << "at once: " << done.get().final_answer() << '\n';
}

}  // namespace

int main() try {
  paradigm::ThreadsClient client;  // PARADIGM_API_KEY, PARADIGM_BASE_URL
  conversation(client).get();      // errors come out of get() as exceptions
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
