// Streaming turns over SSE against the mock's streams.
#include "support/mock_fixture.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <thread>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

class Streaming : public MockTest {
 protected:
  std::string new_thread() { return client().create_thread().id; }
  void set_stream(const std::function<void(mock::StreamOptions&)>& change) {
    auto config = server.config();
    change(config.stream);
    server.configure(config);
  }

  // Streams a turn and keeps every event.
  Turn stream(const std::string& thread, std::vector<StreamEvent>& events, const StreamOptions& options = {},
              const CallOptions& call = {}) {
    return client().stream_turn(
        thread, ask("What is the capital of France?"),
        [&](const StreamEvent& event) {
          events.push_back(event);
          return true;
        },
        options, call);
  }
};

std::vector<std::string> names(const std::vector<StreamEvent>& events) {
  std::vector<std::string> out;
  for (const auto& event : events)
    out.push_back(event.event);
  return out;
}

std::string deltas(const std::vector<StreamEvent>& events) {
  std::string text;
  for (const auto& event : events)
    text += text_delta(event).value_or("");
  return text;
}

TEST_F(Streaming, EveryEventArrivesInOrderAndTheServersTurnIsReturned) {
  const std::string thread = new_thread();
  std::vector<StreamEvent> events;
  const Turn turn = stream(thread, events);

  ASSERT_GE(events.size(), 4u);
  EXPECT_EQ(events.front().event, "turn.created");
  EXPECT_EQ(events.back().event, "done");
  EXPECT_EQ(deltas(events), turn.final_answer());
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_EQ(to_json(turn), to_json(client().get_turn(thread, turn.id)));

  const auto posts = server.requests("POST", "/api/v3/threads/" + thread + "/turns");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(posts[0].body)["stream"], true);
  EXPECT_EQ(posts[0].header("Accept"), "text/event-stream");
}

TEST_F(Streaming, TextHelperPrintsTheAnswerAsItComes) {
  const std::string thread = new_thread();
  std::string printed;
  const Turn turn = client().stream_turn_text(thread, ask("What is the capital of France?"),
                                              [&](std::string_view text) { printed += text; });
  EXPECT_EQ(printed, turn.final_answer());
}

TEST_F(Streaming, StreamThreadWithTurnCreatesTheThreadFirst) {
  TurnRequest request = ask("What is the capital of France?");
  request.name = "Streamed";
  request.agent_id = 2;
  std::vector<StreamEvent> events;
  const Turn turn = client().stream_thread_with_turn(request, [&](const StreamEvent& event) {
    events.push_back(event);
    return true;
  });
  EXPECT_EQ(turn.status, TurnStatus::completed);
  const auto created = server.requests("POST", "/api/v3/threads");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(created[0].body),
            nlohmann::json::parse(R"({"name": "Streamed", "agent_id": 2})"));
  const auto body =
      nlohmann::json::parse(server.requests("POST", "/api/v3/threads/" + turn.thread + "/turns")[0].body);
  EXPECT_FALSE(body.contains("name"));
  EXPECT_FALSE(body.contains("agent_id"));
  EXPECT_EQ(client().get_thread(turn.thread).name, "Streamed");
}

TEST_F(Streaming, HeartbeatsCrlfAndByteSizedChunksChangeNothing) {
  std::vector<StreamEvent> plain;
  stream(new_thread(), plain);
  set_stream([](mock::StreamOptions& s) {
    s.heartbeats = true;
    s.crlf = true;
    s.one_byte_chunks = true;
  });
  std::vector<StreamEvent> odd;
  const Turn turn = stream(new_thread(), odd);
  EXPECT_EQ(names(odd), names(plain));
  EXPECT_EQ(deltas(odd), deltas(plain));
  EXPECT_EQ(deltas(odd), turn.final_answer());
}

TEST_F(Streaming, AnErrorEventReachesTheHandlerThenThrows) {
  set_stream([](mock::StreamOptions& s) { s.error_after_events = 2; });
  std::vector<StreamEvent> events;
  try {
    stream(new_thread(), events);
    FAIL() << "no StreamError";
  } catch (const StreamError& e) {
    EXPECT_NE(e.data().find("mock stream error"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("mock stream error"), std::string::npos);
  }
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events.back().event, "error");
}

TEST_F(Streaming, ADroppedStreamIsRecoveredByWaitingForTheTurn) {
  auto config = manual_turns();
  config.stream.drop_after_events = 3;
  server.configure(config);
  const std::string thread = new_thread();
  std::vector<StreamEvent> events;
  StreamOptions options;
  options.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  const Turn turn = stream(thread, events, options);
  EXPECT_EQ(events.size(), 3u);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  EXPECT_EQ(server.turns_created(), 1);  // not sent again
}

TEST_F(Streaming, AStreamEndingBeforeNamingItsTurnFallsBackToTheThreadsNewTurn) {
  const std::string thread = new_thread();
  const Turn earlier = client().create_turn(thread, ask("An earlier question"));
  server.configure(manual_turns());
  // The server creates the turn, but its stream carries only a comment.
  mock::Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/[^/]+/turns";
  fault.body = ": keep-alive\n\n";
  fault.content_type = "text/event-stream";
  server.add_fault(fault);
  std::vector<StreamEvent> events;
  StreamOptions options;
  options.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  const Turn turn = stream(thread, events, options);
  EXPECT_TRUE(events.empty());
  EXPECT_NE(turn.id, earlier.id);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  EXPECT_EQ(server.turns_created(), 2);
}

// An event stream that ends at once, without the server creating a turn.
mock::Fault empty_event_stream() {
  mock::Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/[^/]+/turns";
  fault.status = 200;
  fault.body = "";
  fault.content_type = "text/event-stream";
  return fault;
}

TEST_F(Streaming, AnEmptyStreamIsNotMistakenForTheThreadsEarlierTurn) {
  const std::string thread = new_thread();
  client().create_turn(thread, ask("An earlier question"));
  server.add_fault(empty_event_stream());
  std::vector<StreamEvent> events;
  try {
    stream(thread, events);
    FAIL() << "expected StreamError";
  } catch (const StreamError& e) {
    EXPECT_NE(std::string(e.what()).find("before naming its turn"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(server.turns_created(), 1);
}

TEST_F(Streaming, AnEmptyStreamOnAFreshThreadIsAStreamError) {
  const std::string thread = new_thread();
  server.add_fault(empty_event_stream());
  std::vector<StreamEvent> events;
  EXPECT_THROW(stream(thread, events), StreamError);
  EXPECT_EQ(server.turns_created(), 0);
}

TEST_F(Streaming, AnEventThatNeverEndsStopsAtTheResponseLimit) {
  const std::string thread = new_thread();
  mock::Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/[^/]+/turns";
  fault.body = "event: message\ndata: {\"text\": \"ok\"}\n\ndata: " + std::string(256 * 1024, 'x');
  fault.content_type = "text/event-stream";
  server.add_fault(fault);
  auto with = options();
  with.max_response_bytes = 64 * 1024;
  std::vector<StreamEvent> events;
  try {
    client(with).stream_turn(thread, ask("Hi"), [&](const StreamEvent& event) {
      events.push_back(event);
      return true;
    });
    FAIL() << "expected StreamError";
  } catch (const StreamError& e) {
    EXPECT_NE(std::string(e.what()).find("max_response_bytes"), std::string::npos) << e.what();
  }
  ASSERT_EQ(events.size(), 1u);  // the complete event before it was delivered
  EXPECT_EQ(events.front().data, R"({"text": "ok"})");
}

TEST_F(Streaming, AFailedTurnIsReturnedNotThrown) {
  const std::string thread = new_thread();
  std::vector<StreamEvent> events;
  const Turn turn = client().stream_turn(thread, ask("please [fail]"), [&](const StreamEvent& event) {
    events.push_back(event);
    return true;
  });
  EXPECT_FALSE(events.empty());
  EXPECT_EQ(turn.status, TurnStatus::failed);
  ASSERT_TRUE(turn.error.has_value());
  EXPECT_EQ(turn.error->code, "agent_error");
}

// Dropped before any answer, by a server that did not act: the thread's
// turns show none, and the stream is sent again with the same key (0.2 ended
// here in ConnectionError, not knowing whether the turn existed).
TEST_F(Streaming, ADropBeforeAnyEventIsSentAgainOnceTheServerShowsNoTurn) {
  mock::Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/[^/]+/turns";
  fault.transport = mock::TransportFault::close_before_response;
  const std::string thread = new_thread();
  server.add_fault(fault);
  std::vector<StreamEvent> events;
  EXPECT_EQ(stream(thread, events).status, TurnStatus::completed);
  EXPECT_FALSE(events.empty()) << "the stream sent again is the one the handler reads";
  EXPECT_EQ(server.turns_created(), 1);
  const auto posts = server.requests("POST", "/api/v3/threads/" + thread + "/turns");
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].header("Idempotency-Key").size(), 36u);
  EXPECT_EQ(posts[1].header("Idempotency-Key"), posts[0].header("Idempotency-Key"));
}

TEST_F(Streaming, HttpErrorsBeforeTheFirstEventFollowTheRulesOfCreates) {
  const std::string thread = new_thread();
  mock::Fault unavailable;
  unavailable.method = "POST";
  unavailable.path_regex = "/api/v3/threads/[^/]+/turns";
  unavailable.status = 503;
  unavailable.headers = {{"Retry-After", "1"}};
  server.add_fault(unavailable);
  std::vector<StreamEvent> events;
  EXPECT_EQ(stream(thread, events).status, TurnStatus::completed);
  EXPECT_EQ(clock->sleeps(), std::vector<milliseconds>{milliseconds(1000)});

  // A 500 may follow a turn made: looked up, none found, sent again.
  mock::Fault broken = unavailable;
  broken.status = 500;
  broken.headers.clear();
  server.add_fault(broken);
  // Another thread: the same query in the same thread within a second would
  // be taken for it (docs/reliability.md, "Limits").
  const std::string other = new_thread();
  EXPECT_EQ(stream(other, events).status, TurnStatus::completed);
  EXPECT_EQ(server.turns_created(), 2);  // one per stream
  EXPECT_EQ(server.requests("POST", "/api/v3/threads/" + other + "/turns").size(), 2u);
  EXPECT_EQ(server.requests("GET", "/api/v3/threads/" + other + "/turns").size(), 1u);
}

TEST_F(Streaming, AJsonAnswerIsHandledLikeACreate) {
  set_stream([](mock::StreamOptions& s) { s.answer_json_instead = true; });
  std::vector<StreamEvent> events;
  const Turn turn = stream(new_thread(), events);
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
}

TEST_F(Streaming, AJson202AnswerIsWaitedFor) {
  auto config = manual_turns();
  config.stream.answer_json_instead = true;
  server.configure(config);
  std::vector<StreamEvent> events;
  StreamOptions options;
  options.waiting.on_update = [&](const Turn& t) { server.complete_turn(t.thread, t.id); };
  const Turn turn = stream(new_thread(), events, options);
  EXPECT_EQ(turn.status, TurnStatus::completed);
  EXPECT_FALSE(clock->sleeps().empty());
}

TEST_F(Streaming, TheHandlerCanStopAndTheTurnIsReturnedAsFarAsKnown) {
  const std::string thread = new_thread();
  int seen = 0;
  const Turn turn = client().stream_turn(thread, ask("What is the capital of France?"),
                                         [&](const StreamEvent&) { return ++seen < 2; });
  EXPECT_EQ(seen, 2);
  EXPECT_FALSE(turn.id.empty());
  EXPECT_EQ(turn.thread, thread);
  EXPECT_TRUE(server.requests("PATCH", "/api/v3/threads/" + thread).empty());
}

TEST_F(Streaming, StoppingCanAlsoCancelTheTurnOnTheServer) {
  auto config = manual_turns();
  config.stream.pause = std::chrono::hours(1);  // the rest of the stream never comes
  server.configure(config);
  const std::string thread = new_thread();
  StreamOptions options;
  options.cancel_on_stop = true;
  const Turn turn = client().stream_turn(
      thread, ask("What is the capital of France?"), [](const StreamEvent&) { return false; }, options);
  const auto patches = server.requests("PATCH", "/api/v3/threads/" + thread);
  ASSERT_EQ(patches.size(), 1u);
  EXPECT_EQ(patches[0].param("cancel"), "true");
  EXPECT_TRUE(turn.status == TurnStatus::cancelling || turn.status == TurnStatus::cancelled);
}

TEST_F(Streaming, EventsReachTheHandlerBeforeTheStreamEnds) {
  // The mock pauses an hour after the first event: a client that buffered
  // the response would never call the handler, and this test would time out.
  set_stream([](mock::StreamOptions& s) { s.pause = std::chrono::hours(1); });
  std::string first;
  const Turn turn = client().stream_turn(new_thread(), ask("hi"), [&](const StreamEvent& event) {
    first = event.event;
    return false;
  });
  EXPECT_EQ(first, "turn.created");
  EXPECT_FALSE(turn.id.empty());
}

TEST_F(Streaming, AStalledStreamIsAbandonedAndTheTurnPolled) {
  set_stream([](mock::StreamOptions& s) { s.pause = std::chrono::hours(1); });
  std::vector<StreamEvent> events;
  CallOptions call;
  call.stall_timeout = milliseconds(100);
  const Turn turn = stream(new_thread(), events, {}, call);
  EXPECT_EQ(events.size(), 1u);
  EXPECT_EQ(turn.status, TurnStatus::completed);  // turn_duration 0: done on the server
}

TEST_F(Streaming, CancellationStopsAStreamPromptly) {
  // Without the wake-up on cancel, the hour-long pause would hit the test timeout.
  set_stream([](mock::StreamOptions& s) { s.pause = std::chrono::hours(1); });
  CallOptions call;
  std::mutex mutex;
  std::condition_variable first_event;
  bool started = false;
  std::thread canceller([&] {
    std::unique_lock<std::mutex> lock(mutex);
    first_event.wait(lock, [&] { return started; });
    call.cancellation.cancel();
  });
  EXPECT_THROW(client().stream_turn(
                   new_thread(), ask("hi"),
                   [&](const StreamEvent&) {
                     std::lock_guard<std::mutex> lock(mutex);
                     started = true;
                     first_event.notify_all();
                     return true;
                   },
                   {}, call),
               CancelledError);
  canceller.join();
}

TEST_F(Streaming, ManyEventsInOneStream) {
  set_stream([](mock::StreamOptions& s) { s.delta_events = 2000; });
  std::vector<StreamEvent> events;
  const Turn turn = stream(new_thread(), events);
  EXPECT_GT(events.size(), 2000u);
  EXPECT_EQ(deltas(events), turn.final_answer());
}

TEST_F(Streaming, RefusedRequestsSendNothing) {
  EXPECT_THROW(client().stream_turn("", ask("hi"), [](const StreamEvent&) { return true; }),
               InvalidRequestError);
  EXPECT_THROW(client().stream_turn("t", TurnRequest{}, [](const StreamEvent&) { return true; }),
               InvalidRequestError);
  EXPECT_THROW(client().stream_turn("t", ask("hi"), StreamHandler{}), InvalidRequestError);
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace paradigm::testing
