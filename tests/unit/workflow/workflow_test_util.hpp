#pragma once

// JSON of the API's objects, small enough to read in a test, and the fixture
// of the workflow tests: a client on a scripted transport and a fake clock.

#include <paradigm/serialize.hpp>
#include <paradigm/testing/builders.hpp>

#include "socket_guard.hpp"
#include "support/scripted_transport.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace paradigm::testing {

using nlohmann::json;
using std::chrono::milliseconds;

/// A turn of thread "t1" as the server sends it, made with the testing kit's
/// builder; `status` is any text (also one the SDK does not know).
inline json turn_json(const std::string& id, const std::string& status, const std::string& answer = "",
                      const std::string& query = "What is the capital of France?") {
  TurnBuilder turn;
  turn.id(id).thread("t1").query(query);
  if (!answer.empty()) turn.answer(answer);
  json out = json::parse(paradigm::to_json(turn.build()));
  out["status"] = status;
  return out;
}

inline std::string turn(const std::string& id, const std::string& status, const std::string& answer = "") {
  return turn_json(id, status, answer).dump();
}

inline std::string thread(const std::string& id, const std::string& status = "completed") {
  return json{{"id", id}, {"name", "n"}, {"status", status}, {"object", "thread"}}.dump();
}

/// `{results, count, next, previous}`; `next` null when there is no next page.
inline std::string page(const std::vector<json>& results, const std::string& next = "") {
  return json{{"results", results},
              {"count", results.size()},
              {"next", next.empty() ? json(nullptr) : json(next)},
              {"previous", nullptr}}
      .dump();
}

inline TurnRequest ask(std::string query = "What is the capital of France?") {
  TurnRequest request;
  request.query = std::move(query);
  return request;
}

class WorkflowTest : public SocketFreeTest {
 protected:
  explicit WorkflowTest(ClientOptions options = ScriptedClient::default_options())
      : scripted(std::move(options)) {}

  ScriptedTransport& server() { return *scripted.transport; }
  ThreadsClient& client() { return scripted.client; }
  std::vector<milliseconds> sleeps() const { return scripted.clock->sleeps(); }

  void TearDown() override {
    EXPECT_EQ(scripted.transport->pending(), 0u) << "scripted answers left unused";
    SocketFreeTest::TearDown();
  }

  ScriptedClient scripted;
};

}  // namespace paradigm::testing
