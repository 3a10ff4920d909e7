// What 0.2 added to the calls: the metadata of a success, a cancel that names
// its turn, and the scope's spelling for older releases.
#include "workflow_test_util.hpp"

namespace paradigm::testing {
namespace {

class Api02 : public WorkflowTest {};

TEST_F(Api02, ACallTellsTheStatusHeadersAndRequestIdOfItsAnswer) {
  server().expect("GET", "/api/v3/threads/t1",
                  json_answer(thread("t1")).header("X-Request-Id", "req-7").header("X-Echo", "test-key"));
  ResponseInfo info;
  CallOptions call;
  call.response_info = &info;
  client().get_thread("t1", call);
  EXPECT_EQ(info.status, 200);
  EXPECT_EQ(info.request_id, "req-7");
  EXPECT_EQ(info.method, "GET");
  EXPECT_EQ(info.path, "/api/v3/threads/t1");
  EXPECT_EQ(info.attempts, 1);
  EXPECT_EQ(info.headers.get("x-echo"), "[REDACTED]");  // a server echoing the key
}

TEST_F(Api02, AWaitTellsTheAnswerOfItsLastPoll) {
  server()
      .expect("POST", "/api/v3/threads/turns",
              json_answer(202, turn("u1", "running")).header("X-Request-Id", "create"))
      .expect("GET", "/api/v3/threads/t1/turns/u1",
              json_answer(turn("u1", "completed")).header("X-Request-Id", "last-poll"));
  ResponseInfo info;
  CallOptions call;
  call.response_info = &info;
  client().create_thread_with_turn(ask(), {}, call);
  EXPECT_EQ(info.request_id, "last-poll");
}

TEST_F(Api02, AFailedCallLeavesTheMetadataAlone) {
  server().expect("GET", "/api/v3/threads/t1", json_answer(404, "{}"));
  ResponseInfo info;
  info.request_id = "untouched";
  CallOptions call;
  call.response_info = &info;
  EXPECT_THROW(client().get_thread("t1", call), NotFoundError);
  EXPECT_EQ(info.request_id, "untouched");
}

TEST_F(Api02, CancellingANamedTurnChecksItIsTheThreadsLatest) {
  server()
      .expect("GET", "/api/v3/threads/t1/turns?limit=1", json_answer(page({turn_json("u2", "running")})))
      .expect("PATCH", "/api/v3/threads/t1?cancel=true", json_answer(thread("t1", "cancelling")));
  EXPECT_EQ(client().cancel_turn("t1", "u2").status, TurnStatus::cancelling);
}

TEST_F(Api02, CancellingATurnThatIsNotTheLatestIsRefusedAndNothingCancelled) {
  server().expect("GET", "/api/v3/threads/t1/turns?limit=1", json_answer(page({turn_json("u2", "running")})));
  try {
    client().cancel_turn("t1", "u1");
    FAIL() << "no InvalidRequestError";
  } catch (const InvalidRequestError& e) {
    EXPECT_NE(std::string(e.what()).find("u2"), std::string::npos);
  }
  EXPECT_EQ(server().sent().size(), 1u);  // no PATCH
}

TEST_F(Api02, CancellingWithoutATurnCancelsWhateverRuns) {
  server().expect("PATCH", "/api/v3/threads/t1?cancel=true", json_answer(thread("t1", "cancelling")));
  client().cancel_turn("t1");
  EXPECT_THROW(client().cancel_turn("t1", std::string_view()), InvalidRequestError);
}

TEST_F(Api02, TheCurrentReleaseGetsWorkspaceIds) {
  server().expect("POST", "/api/v3/threads/turns", json_answer(turn("u1", "completed")));
  TurnRequest request = ask();
  request.workspace_ids = std::vector<std::int64_t>{1, 2};
  client().create_thread_with_turn(request);
  const json body = json::parse(*server().sent().front().body);
  EXPECT_EQ(body["workspace_ids"], json({1, 2}));
  EXPECT_FALSE(body.contains("workspaces_ids"));
}

TEST_F(Api02, OlderReleasesGetTheLegacySpelling) {
  for (ServerRelease release : {ServerRelease::victorious_vicuna, ServerRelease::unique_urchin}) {
    ClientOptions options = ScriptedClient::default_options();
    options.server_release = release;
    ScriptedClient legacy(options);
    legacy.transport->expect("POST", "/api/v3/threads/t1/turns", json_answer(turn("u1", "completed")));
    TurnRequest request = ask();
    request.workspace_ids = std::vector<std::int64_t>{3};
    legacy.client.create_turn("t1", request);
    const json body = json::parse(*legacy.transport->sent().front().body);
    EXPECT_EQ(body["workspaces_ids"], json({3}));
    EXPECT_FALSE(body.contains("workspace_ids"));
  }
}

TEST_F(Api02, AnInvalidRequestIsRefusedBeforeSending) {
  TurnRequest request;  // no query
  EXPECT_THROW(client().create_thread_with_turn(request), InvalidRequestError);
  CallOptions call;
  call.extra_headers.add("Authorization", "Bearer other");
  EXPECT_THROW(client().get_thread("t1", call), InvalidRequestError);
  EXPECT_TRUE(server().sent().empty());
}

}  // namespace
}  // namespace paradigm::testing
