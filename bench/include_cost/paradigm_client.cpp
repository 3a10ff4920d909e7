// Include cost (issue #7, item 7): the SDK's umbrella header and a call.
#include <paradigm/paradigm.hpp>

int main() {
  paradigm::ThreadsClient client;
  paradigm::TurnRequest request;
  request.query = "What is the capital of France?";
  return client.create_thread_with_turn(request).final_answer().empty() ? 1 : 0;
}
