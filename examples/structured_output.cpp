// Structured output: ask for an answer that follows a JSON schema, then read it.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  paradigm::TurnRequest request;
  request.query = "What is the capital of France?";
  request.response_format = paradigm::JsonValue::parse(R"({
    "type": "object",
    "properties": {"capital": {"type": "string"}, "country": {"type": "string"}},
    "required": ["capital", "country"]
  })");

  paradigm::Turn turn = client.create_thread_with_turn(request);

  // The final answer is JSON text following the schema.
  paradigm::JsonValue answer = paradigm::JsonValue::parse(turn.final_answer());
  std::cout << "capital: " << answer["capital"].as_string().value_or("?") << '\n';
  std::cout << "country: " << answer["country"].as_string().value_or("?") << '\n';
  return 0;
} catch (const paradigm::DecodeError& e) {
  std::cerr << "the answer was not JSON: " << e.what() << '\n';
  return 1;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
