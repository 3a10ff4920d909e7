// Creating turns: 200, 202 and background, follow-ups, what goes on the wire.
#include "support/mock_fixture.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::testing {
namespace {

using nlohmann::json;

class Turns : public MockTest {};
class SlowTurns : public ManualTurnsTest {};

TEST_F(Turns, QuickstartAnswersAtOnce) {
  auto paradigm = client();
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"));
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  EXPECT_FALSE(turn.thread.empty());
  ASSERT_NE(turn.answer(), nullptr);
  EXPECT_EQ(turn.answer()->role, Role::assistant);
  EXPECT_TRUE(clock->sleeps().empty());
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(Turns, SendsOnlyTheFieldsSetWithTheDocumentedHeaders) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.agent_id = 1;
  request.workspace_ids = std::vector<std::int64_t>{1, 2};
  request.tag_ids = std::vector<std::int64_t>{4, 5};
  paradigm.create_thread_with_turn(request);

  // The thread with its fields, then the turn with the rest.
  const auto threads = server.requests("POST", "/api/v3/threads");
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(json::parse(threads[0].body), json::parse(R"({"agent_id": 1})"));
  const auto turns = server.created_turns();
  ASSERT_EQ(turns.size(), 1u);
  const auto posts = server.requests("POST", "/api/v3/threads/" + turns[0].thread_id + "/turns");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(json::parse(posts[0].body), json::parse(R"({"query": "What is the capital of France?",
                                                       "workspace_ids": [1, 2], "tag_ids": [4, 5]})"));
  EXPECT_EQ(posts[0].header("Idempotency-Key").size(), 36u);
  EXPECT_EQ(posts[0].header("Authorization"), std::string("Bearer ") + kApiKey);
  EXPECT_EQ(posts[0].header("Content-Type"), "application/json");
  EXPECT_EQ(posts[0].header("Accept"), "application/json");
  // Compressed answers are accepted (and the mock compresses every JSON answer it can).
  EXPECT_NE(posts[0].header("Accept-Encoding").find("gzip"), std::string::npos);
  EXPECT_EQ(posts[0]
                .header("User-Agent")
                .rfind(std::string("paradigm-cpp/") + PARADIGM_VERSION_STRING + " libcurl/", 0),
            0u);
}

TEST_F(Turns, UserAgentSuffixIsAppended) {
  auto with = options();
  with.user_agent_suffix = "my-app/2.0";
  client(with).create_thread_with_turn(ask("hi"));
  const auto ua = server.requests().back().header("User-Agent");
  EXPECT_EQ(ua.substr(ua.size() - 10), "my-app/2.0");
}

TEST_F(Turns, FollowUpTurnsKeepTheThreadAndItsContext) {
  auto paradigm = client();
  const Turn first = paradigm.create_thread_with_turn(ask("What is the capital of France?"));
  const Turn second = paradigm.create_turn(first.thread, ask("And its population?"));
  EXPECT_EQ(second.thread, first.thread);
  EXPECT_NE(second.id, first.id);
  EXPECT_EQ(second.status, TurnStatus::completed);
  EXPECT_NE(second.final_answer().find("Paris"),
            std::string::npos);  // the mock answers from the thread's context
  EXPECT_EQ(count("POST", "/api/v3/threads/" + first.thread + "/turns"), 2u);  // the first (thread-first) and this
  EXPECT_EQ(paradigm.list_turns(first.thread).results.size(), 2u);
}

TEST_F(Turns, GetTurnReturnsWhatTheCreateReturned) {
  auto paradigm = client();
  const Turn created = paradigm.create_thread_with_turn(ask("What is the capital of France?"));
  const Turn fetched = paradigm.get_turn(created.thread, created.id);
  EXPECT_EQ(to_json(fetched), to_json(created));
}

TEST_F(SlowTurns, A202IsPolledUntilTheTurnCompletes) {
  auto paradigm = client();
  // The mock answers 202 with the running turn; the turn completes after the second poll.
  std::vector<Turn> seen;
  CreateOptions create;
  create.waiting.on_update = [&](const Turn& t) {
    seen.push_back(t);
    if (seen.size() == 2) server.complete_turn(t.thread, t.id);
  };
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"), create);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].status, TurnStatus::running);
  // Pauses follow the wait policy: 500 ms, then x1.5 (no jitter from the fake clock).
  EXPECT_EQ(clock->sleeps(), (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(500),
                                                                     std::chrono::milliseconds(750),
                                                                     std::chrono::milliseconds(1125)}));
  EXPECT_EQ(count("GET", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id), 3u);
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(SlowTurns, A202WithOnlyTheIdsIsPolledToo) {
  auto config = manual_turns();
  config.accepted_shape = mock::AcceptedShape::ids;
  server.configure(config);
  auto paradigm = client();
  CreateOptions create;
  create.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"), create);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_FALSE(turn.messages.empty());
}

TEST_F(SlowTurns, CallerMayChooseNotToWaitThrough202) {
  auto paradigm = client();
  CreateOptions create;
  create.wait = false;
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"), create);
  EXPECT_EQ(turn.status, TurnStatus::running);
  EXPECT_TRUE(clock->sleeps().empty());
  EXPECT_EQ(server.requests().size(), 2u);  // the thread, then its turn
}

TEST_F(SlowTurns, BackgroundReturnsTheRunningTurnThenWaitForTurnFinishesIt) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.background = true;
  const Turn running = paradigm.create_thread_with_turn(request);
  EXPECT_EQ(running.status, TurnStatus::running);
  ASSERT_EQ(running.messages.size(), 1u);
  EXPECT_EQ(running.messages[0].role, Role::user);
  EXPECT_TRUE(running.final_answer().empty());
  EXPECT_EQ(json::parse(server.requests().back().body)["background"], true);

  WaitOptions wait;
  int updates = 0;
  wait.on_update = [&](const Turn& t) {
    if (++updates == 3) server.complete_turn(t.thread, t.id);
  };
  const Turn done = paradigm.wait_for_turn(running.thread, running.id, wait);
  EXPECT_EQ(done.status, TurnStatus::completed);
  EXPECT_EQ(done.id, running.id);
  EXPECT_EQ(updates, 4);  // completed during the third update, seen by the fourth poll
  // wait_for_turn polls at once, then pauses between polls.
  EXPECT_EQ(clock->sleeps().size(), 3u);
}

TEST_F(SlowTurns, RetryAfterOnAPollAnswerStretchesTheNextPause) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.background = true;
  const Turn running = paradigm.create_thread_with_turn(request);
  // The first poll is answered normally (200, still running) with a hint.
  mock::Fault hint;
  hint.method = "GET";
  hint.path_regex = "/api/v3/threads/[^/]+/turns/[^/]+";
  hint.headers = {{"Retry-After", "3"}};
  server.add_fault(hint);

  WaitOptions wait;
  int updates = 0;
  wait.on_update = [&](const Turn& t) {
    if (++updates == 2) server.complete_turn(t.thread, t.id);
  };
  EXPECT_EQ(paradigm.wait_for_turn(running.thread, running.id, wait).status, TurnStatus::completed);
  // Polled at once, then paused 3 s (not the 0.5 s of the policy), then the default again.
  const auto sleeps = clock->sleeps();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_EQ(sleeps[0], std::chrono::milliseconds(3000));
  EXPECT_LT(sleeps[1], std::chrono::milliseconds(3000));
}

TEST_F(SlowTurns, WaitingWorksWithoutThePerTurnRoute405) {
  auto config = manual_turns();
  config.turn_route = mock::TurnRoute::method_not_allowed;
  server.configure(config);
  auto paradigm = client();
  CreateOptions create;
  int updates = 0;
  create.waiting.on_update = [&](const Turn& t) {
    if (++updates == 1) server.complete_turn(t.thread, t.id);
  };
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"), create);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  // The guide's recipe: the thread's status, then its turns.
  EXPECT_GE(count("GET", "/api/v3/threads/" + turn.thread), 1u);
  EXPECT_GE(count("GET", "/api/v3/threads/" + turn.thread + "/turns"), 1u);
  // The missing route is tried once, then remembered.
  EXPECT_EQ(count("GET", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id), 1u);
  paradigm.get_turn(turn.thread, turn.id);
  EXPECT_EQ(count("GET", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id), 1u);
}

TEST_F(SlowTurns, WaitingWorksWithoutThePerTurnRoute404) {
  auto config = manual_turns();
  config.turn_route = mock::TurnRoute::not_found;
  server.configure(config);
  auto paradigm = client();
  CreateOptions create;
  create.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"), create);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_EQ(count("GET", "/api/v3/threads/" + turn.thread + "/turns/" + turn.id), 1u);
}

TEST_F(SlowTurns, AnUnknownTurnIsNotFoundEvenWithoutThePerTurnRoute) {
  auto config = manual_turns();
  config.turn_route = mock::TurnRoute::not_found;
  server.configure(config);
  auto paradigm = client();
  TurnRequest request = ask("hello");
  request.background = true;
  const Turn turn = paradigm.create_thread_with_turn(request);
  EXPECT_THROW(paradigm.get_turn(turn.thread, "no-such-turn"), NotFoundError);
}

TEST_F(SlowTurns, WaitDeadlineThrowsWithTheLastTurnSeen) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.background = true;
  const Turn running = paradigm.create_thread_with_turn(request);
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->deadline = std::chrono::seconds(10);
  try {
    paradigm.wait_for_turn(running.thread, running.id, wait);
    FAIL() << "no WaitTimeoutError";
  } catch (const WaitTimeoutError& e) {
    EXPECT_EQ(e.last_turn().id, running.id);
    EXPECT_EQ(e.last_turn().status, TurnStatus::running);
    EXPECT_NE(std::string(e.what()).find(running.id), std::string::npos);
  }
  // Pauses never overshoot the deadline.
  EXPECT_EQ(clock->total_slept(), std::chrono::seconds(10));
}

TEST_F(SlowTurns, CancellationTokenStopsWaiting) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.background = true;
  const Turn running = paradigm.create_thread_with_turn(request);
  CallOptions call;
  clock->on_sleep([&](std::size_t sleeps) {
    if (sleeps == 3) call.cancellation.cancel();
  });
  EXPECT_THROW(paradigm.wait_for_turn(running.thread, running.id, {}, call), CancelledError);
  EXPECT_EQ(clock->sleeps().size(), 3u);
}

TEST_F(SlowTurns, CancelTurnEndsTheTurnAsCancelledNotAsAnError) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.background = true;
  const Turn running = paradigm.create_thread_with_turn(request);
  const Thread thread = paradigm.cancel_turn(running.thread);
  EXPECT_EQ(thread.id, running.thread);
  const auto patches = server.requests("PATCH", "/api/v3/threads/" + running.thread);
  ASSERT_EQ(patches.size(), 1u);
  EXPECT_EQ(patches[0].param("cancel"), "true");
  const Turn cancelled = paradigm.wait_for_turn(running.thread, running.id);
  EXPECT_EQ(cancelled.status, TurnStatus::cancelled);
  EXPECT_TRUE(cancelled.is_terminal());
}

TEST_F(Turns, FailedTurnsAreResultsNotExceptions) {
  auto paradigm = client();
  const Turn turn = paradigm.create_thread_with_turn(ask("please [fail] now"));
  EXPECT_EQ(turn.status, TurnStatus::failed);
  ASSERT_TRUE(turn.error.has_value());
  EXPECT_EQ(turn.error->code, "agent_error");
}

// 0.1 had TurnRequest::stream; a create still refuses a stream asked for through extra_body.
TEST_F(Turns, StreamCannotBeAskedOfACreate) {
  auto paradigm = client();
  TurnRequest request = ask("hi");
  request.extra_body = JsonValue::parse(R"({"stream": true})");
  EXPECT_THROW(paradigm.create_thread_with_turn(request), InvalidRequestError);
  EXPECT_THROW(paradigm.create_turn("thread", request), InvalidRequestError);
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(Turns, InvalidRequestsNeverReachTheServer) {
  auto paradigm = client();
  TurnRequest request = ask("hi");
  request.max_steps = 21;
  EXPECT_THROW(paradigm.create_thread_with_turn(request), InvalidRequestError);
  TurnRequest mixed = ask("hi");
  mixed.file_ids = std::vector<std::int64_t>{8};
  mixed.workspace_ids = std::vector<std::int64_t>{1};
  EXPECT_THROW(paradigm.create_turn("t", mixed), InvalidRequestError);
  EXPECT_THROW(paradigm.create_thread_with_turn(TurnRequest{}), InvalidRequestError);
  EXPECT_THROW(paradigm.get_turn("", "x"), InvalidRequestError);
  ListOptions list;
  list.limit = 101;
  EXPECT_THROW(paradigm.list_turns("t", list), InvalidRequestError);
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(Turns, ScopingForcedToolsAndOptionsReachTheAgent) {
  auto paradigm = client();
  TurnRequest request = ask("Draw me a graph of a sinusoidal function.");
  request.force_tool = "code_execution";
  request.system_prompt_suffix = "Be brief.";
  request.max_steps = 3;
  const Turn turn = paradigm.create_thread_with_turn(request);
  ASSERT_EQ(turn.tool_calls().size(), 1u);
  EXPECT_EQ(turn.tool_calls()[0].tool.name, "code_execution");
  EXPECT_FALSE(turn.artifacts().empty());
  const auto body = json::parse(server.requests().back().body);
  EXPECT_EQ(body["force_tool"], "code_execution");
  EXPECT_EQ(body["system_prompt_suffix"], "Be brief.");
  EXPECT_EQ(body["max_steps"], 3);
}

TEST_F(Turns, StructuredOutputAnswersJson) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.response_format = JsonValue::parse(
      R"({"type": "object", "properties": {"capital": {"type": "string"}, "country": {"type": "string"}},
          "required": ["capital", "country"]})");
  const Turn turn = paradigm.create_thread_with_turn(request);
  const JsonValue answer = JsonValue::parse(turn.final_answer());
  EXPECT_EQ(answer["capital"].as_string(), "Paris");
  EXPECT_EQ(answer["country"].as_string(), "France");
  EXPECT_EQ(json::parse(server.requests().back().body)["response_format"]["required"],
            json({"capital", "country"}));
}

TEST_F(Turns, ExtraBodyAndExtraHeadersAreSent) {
  auto paradigm = client();
  TurnRequest request = ask("hi");
  request.extra_body = JsonValue::parse(R"({"future_flag": true})");
  CallOptions call;
  call.extra_headers.add("X-Trace", "abc");
  paradigm.create_thread_with_turn(request, {}, call);
  const auto sent = server.requests().back();
  EXPECT_EQ(json::parse(sent.body)["future_flag"], true);
  EXPECT_EQ(sent.header("X-Trace"), "abc");

  CallOptions hijack;
  hijack.extra_headers.add("Authorization", "Bearer other");
  EXPECT_THROW(paradigm.create_thread_with_turn(request, {}, hijack), InvalidRequestError);
}

}  // namespace
}  // namespace paradigm::testing
