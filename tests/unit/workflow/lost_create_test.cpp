// A follow-up whose answer was lost is looked for among its thread's turns:
// one with its query that began since it was sent (the server's clock, to the
// second; here the fake wall clock, 2023-11-14T22:13:20Z) is it; an older one
// with the same query is an earlier turn, and the follow-up is sent again.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

const char* kFollowUp = "/api/v3/threads/t1/turns";
const char* kLookup = "/api/v3/threads/t1/turns?limit=100";

json turn_at(const std::string& id, const std::string& created_at, const std::string& query = "again") {
  json turn = turn_json(id, "completed", "Paris", query);
  turn["created_at"] = created_at;
  return turn;
}

class LostCreate : public WorkflowTest {};

TEST_F(LostCreate, TheTurnThatBeganSinceItWasSentIsTaken) {
  server()
      .expect("POST", kFollowUp, failure(TransferError::reset))
      .expect("GET", kLookup,
              json_answer(
                  page({turn_at("old", "2023-11-14T21:00:00Z"), turn_at("other", "2023-11-14T22:13:20Z", "x"),
                        turn_at("new", "2023-11-14T22:13:20Z")})));
  const Turn turn = client().create_turn("t1", ask("again"));
  EXPECT_EQ(turn.id, "new");
  EXPECT_EQ(sleeps(), std::vector<milliseconds>{milliseconds(500)});  // a backoff before asking
}

TEST_F(LostCreate, AnOlderTurnWithTheSameQueryIsNotTakenAndTheFollowUpIsSentAgain) {
  server()
      .expect("POST", kFollowUp, failure(TransferError::reset))
      .expect("GET", kLookup, json_answer(page({turn_at("old", "2023-11-14T21:00:00Z")})))
      .expect("POST", kFollowUp, json_answer(turn("u2", "completed", "Paris")));
  EXPECT_EQ(client().create_turn("t1", ask("again")).id, "u2");
}

TEST_F(LostCreate, EveryPageOfTheThreadIsLookedAt) {
  json first = json::parse(page({turn_at("old", "2023-11-14T21:00:00Z")}, "cursor"));
  server()
      .expect("POST", kFollowUp, failure(TransferError::timeout))
      .expect("GET", kLookup, json_answer(first.dump()))
      .expect("GET", "/api/v3/threads/t1/turns?limit=100&starting_after=old",
              json_answer(page({turn_at("new", "2023-11-14T22:13:20Z")})));
  EXPECT_EQ(client().create_turn("t1", ask("again")).id, "new");
}

TEST_F(LostCreate, ARequestWhoseBodyNeverLeftIsSentAgainWithoutALookup) {
  server()
      .expect("POST", kFollowUp, failure(TransferError::not_delivered))
      .expect("POST", kFollowUp, json_answer(turn("u2", "completed", "Paris")));
  EXPECT_EQ(client().create_turn("t1", ask("again")).id, "u2");
}

TEST_F(LostCreate, TheServerCertainlyWithoutItAfterEveryResendReportsTheLastError) {
  for (int i = 0; i < 3; ++i) {
    server().expect("POST", kFollowUp, json_answer(500, "{}")).expect("GET", kLookup, json_answer(page({})));
  }
  EXPECT_THROW(client().create_turn("t1", ask("again")), ServerError);  // no turn was created
}

// Without a query (a suggested query asked by id), nothing tells the turn
// apart from the thread's others: it is neither guessed at nor sent again.
TEST_F(LostCreate, AFollowUpBySuggestedQueryIsUnconfirmedNotSentAgain) {
  server().expect("POST", kFollowUp, failure(TransferError::reset));
  TurnRequest request;
  request.suggested_query_id = 7;
  try {
    client().create_turn("t1", request);
    FAIL() << "no UnconfirmedTurnError";
  } catch (const UnconfirmedTurnError& e) {
    EXPECT_EQ(e.thread_id(), "t1");
    EXPECT_NE(std::string(e.what()).find("cannot be told apart"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace paradigm::testing
