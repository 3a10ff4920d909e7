// max_response_bytes bounds what a JSON answer becomes once parsed, not
// only its bytes: a small answer of many small values is refused with a
// DecodeError that says why, on every route that reads JSON.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

// ~200 KB of text; ~3 MB once parsed.
json with_many_zeros(json object) {
  object["x_big"] = json::array();
  for (int i = 0; i < 100000; ++i)
    object["x_big"].push_back(0);
  return object;
}

ClientOptions limited_to(std::size_t bytes) {
  ClientOptions options = ScriptedClient::default_options();
  options.max_response_bytes = bytes;
  return options;
}

void expect_memory_error(const std::function<void()>& call) {
  try {
    call();
    ADD_FAILURE() << "the answer was parsed past max_response_bytes";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("bytes of memory (max_response_bytes)"), std::string::npos)
        << e.what();
    EXPECT_LE(e.raw().size(), std::size_t{1} << 20);
  }
}

class ResponseBudget : public WorkflowTest {
 protected:
  ResponseBudget() : WorkflowTest(limited_to(1 << 20)) {}
};

TEST_F(ResponseBudget, AnAnswerOfManySmallValuesIsRefused) {
  server().expect("GET", "/api/v3/threads/t1",
                  json_answer(with_many_zeros(json::parse(thread("t1"))).dump()));
  expect_memory_error([&] { client().get_thread("t1"); });
}

TEST_F(ResponseBudget, ACreatedTurnToo) {
  server().expect("POST", "/api/v3/threads/turns",
                  json_answer(with_many_zeros(turn_json("u1", "completed", "Paris")).dump()));
  expect_memory_error([&] { client().create_thread_with_turn(ask()); });
}

TEST_F(ResponseBudget, AgentTagsToo) {
  json tags = json::array({with_many_zeros(json{{"id", 1}, {"name", "t"}})});
  server().expect("GET", "/api/v3/agents/7/tags", json_answer(tags.dump()));
  expect_memory_error([&] { client().list_agent_tags(7); });
}

class LargerBudget : public WorkflowTest {
 protected:
  LargerBudget() : WorkflowTest(limited_to(8 << 20)) {}
};

// Within the budget, an unknown member is kept in `extra` as always.
TEST_F(LargerBudget, TheSameAnswerFitsALargerLimit) {
  server().expect("GET", "/api/v3/threads/t1",
                  json_answer(with_many_zeros(json::parse(thread("t1"))).dump()));
  const Thread thread = client().get_thread("t1");
  EXPECT_EQ(thread.extra["x_big"].size(), 100000u);
}

}  // namespace
}  // namespace paradigm::testing
