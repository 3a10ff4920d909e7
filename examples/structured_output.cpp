// Structured output: describe a struct once; the SDK sends its JSON Schema as
// `response_format` and reads the answer back into it.
#include <paradigm/paradigm.hpp>

#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

struct Capital {
  std::string capital;
  std::string country;
  std::optional<std::int64_t> population;  // optional: the model may leave it out
  std::vector<std::string> landmarks;
};
PARADIGM_STRUCTURED(Capital, capital, country, population, landmarks)
PARADIGM_DESCRIBE(Capital, population, "Inhabitants of the city proper")

int main() try {
  paradigm::ThreadsClient client;

  paradigm::TurnRequest request;
  request.query = "What is the capital of France?";

  // Sends response_format = paradigm::schema_of<Capital>() and waits like
  // create_thread_with_turn; the answer comes back as a Capital.
  paradigm::Structured<Capital> answer = client.create_thread_with_turn<Capital>(request);
  if (!answer.value) {  // the turn failed or was cancelled: a result, not an exception
    std::cerr << "turn " << answer.turn.id << " " << answer.turn.status.text() << '\n';
    return 1;
  }
  const Capital& capital = *answer.value;
  std::cout << "capital: " << capital.capital << '\n';
  std::cout << "country: " << capital.country << '\n';
  if (capital.population) std::cout << "population: " << *capital.population << '\n';
  for (const auto& landmark : capital.landmarks)
    std::cout << "landmark: " << landmark << '\n';
  return 0;
} catch (const paradigm::StructuredOutputError& e) {
  // Not JSON, or not a Capital: path() names the member, raw() is the answer.
  std::cerr << e.what() << "\nthe answer was: " << e.raw() << '\n';
  return 1;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
