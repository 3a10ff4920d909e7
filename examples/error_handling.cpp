// Error handling: what can go wrong, and how each case looks.
#include <paradigm/paradigm.hpp>

#include <iostream>

int main() try {
  paradigm::ThreadsClient client;

  // Refused before sending: the request breaks a documented rule.
  paradigm::TurnRequest bad;
  bad.query = "hello";
  bad.max_steps = 50;
  try {
    client.create_thread_with_turn(bad);
  } catch (const paradigm::InvalidRequestError& e) {
    std::cout << "invalid request: " << e.what() << '\n';
  }

  // The server says no: typed by status, with what the server said.
  try {
    client.get_thread("00000000-0000-0000-0000-000000000000");
  } catch (const paradigm::NotFoundError& e) {
    std::cout << "not found: HTTP " << e.status() << ", detail \"" << e.detail() << "\"\n";
  } catch (const paradigm::ApiError& e) {
    std::cout << "API error " << e.status() << " (request id " << e.request_id() << ")\n";
  }

  // A failed turn is a result, not an exception.
  paradigm::TurnRequest request;
  request.query = "What is the capital of France?";
  paradigm::Turn turn = client.create_thread_with_turn(request);
  switch (turn.status.value()) {
    case paradigm::TurnStatus::completed:
      std::cout << "answer: " << turn.final_answer() << '\n';
      break;
    case paradigm::TurnStatus::failed:
      std::cout << "failed: " << turn.error_message() << '\n';
      break;
    default:
      std::cout << "ended " << turn.status.text() << '\n';
  }

  // Retries are automatic for what is safe to repeat; tune them per call.
  paradigm::CallOptions patient;
  patient.retry = paradigm::RetryPolicy{};
  patient.retry->max_retries = 5;
  client.list_threads({}, patient);
  return 0;
} catch (const paradigm::RateLimitError& e) {
  std::cerr << "rate limited"
            << (e.retry_after() ? "; retry in " + std::to_string(e.retry_after()->count()) + " ms" : "")
            << '\n';
  return 1;
} catch (const paradigm::TimeoutError& e) {
  std::cerr << "timed out: " << e.what() << '\n';
  return 1;
} catch (const paradigm::ConnectionError& e) {
  std::cerr << "cannot reach Paradigm: " << e.what() << '\n';
  return 1;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
