// A user's program: only the public API, from an installed or embedded paradigm.
#include <paradigm/paradigm.hpp>

#include <iostream>
#include <string>

namespace {

const char* kDocumentedTurn = R"({
  "id": "9339cf12-8530-421d-8dda-79cd3016a182", "object": "turn",
  "thread": "783b089b-0ecc-496b-b0c3-70d0f327d9b8", "status": "completed",
  "messages": [
    {"id": "2951681d", "object": "message", "role": "user",
     "parts": [{"type": "text", "text": "What is the capital of France?"}],
     "created_at": "2025-12-16T16:01:53.806331Z"},
    {"id": "5ec22b40", "object": "message", "role": "assistant",
     "parts": [{"type": "reasoning", "reasoning": "Basic factual question - no tools needed."},
               {"type": "text", "text": "La capitale de la France est Paris."}],
     "created_at": "2025-12-16T16:01:56.210968Z"}],
  "created_at": "2025-12-16T16:01:53.804779Z"})";

int check(bool ok, const char* what) {
  if (!ok) std::cerr << "FAILED: " << what << '\n';
  return ok ? 0 : 1;
}

// With --server: one real turn against PARADIGM_BASE_URL (the emulator, in
// tests/package/deb_roundtrip.sh).
int ask_the_server() {
  paradigm::ThreadsClient client(paradigm::ClientOptions::from_env());
  paradigm::TurnRequest ask;
  ask.query = "What is the capital of France?";
  const auto turn = client.create_thread_with_turn(ask);
  std::cout << "server: " << turn.final_answer() << '\n';
  return check(turn.status == paradigm::TurnStatus::completed &&
                   turn.final_answer().find("Paris") != std::string::npos,
               "a turn against the server");
}

}  // namespace

int main(int argc, char** argv) {
  int failures = 0;
  const auto turn = paradigm::from_json<paradigm::Turn>(kDocumentedTurn);
  failures += check(turn.status == paradigm::TurnStatus::completed, "status");
  failures += check(turn.final_answer() == "La capitale de la France est Paris.", "final answer");

  // Exceptions thrown inside the library are caught here by type (the
  // typeinfo is exported from a shared build).
  try {
    paradigm::from_json<paradigm::Turn>("{");
    failures += check(false, "DecodeError thrown");
  } catch (const paradigm::DecodeError&) {
  }
  try {
    paradigm::TurnRequest empty;
    empty.validate();
    failures += check(false, "InvalidRequestError thrown");
  } catch (const paradigm::InvalidRequestError&) {
  }

  paradigm::ClientOptions options;
  options.base_url = "http://127.0.0.1:9";
  options.api_key = "consumer-key";
  paradigm::ThreadsClient client(options);
  failures += check(client.options().base_url.find("127.0.0.1") != std::string::npos, "client options");

  std::cout << "paradigm " << paradigm::version() << ": " << turn.final_answer() << '\n';
  if (argc > 1 && std::string(argv[1]) == "--server") failures += ask_the_server();
  return failures == 0 ? 0 : 1;
}
