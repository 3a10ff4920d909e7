// The fault matrix of docs/reliability.md: every client call that goes over the
// network, under every fault, with the outcome the table states. Each cell runs
// against a fresh mock and a fake clock; stalls use a 100 ms stall timeout.
#include "support/mock_fixture.hpp"

#include <filesystem>
#include <functional>
#include <regex>
#include <typeindex>

namespace paradigm::testing {
namespace {

using std::chrono::milliseconds;

// How a call behaves under faults: whether repeating it is safe, and what its answer is.
enum class Kind { read, idempotent_write, turn_creation, other_write, download };
// `bytes`: held in memory; `file`: written to a file; `sink`: bytes handed to the caller as
// they come (never taken back, so never retried once given).
enum class Body { object, array, ignored, bytes, file, sink, sse };

struct Call {
  const char* name;
  Kind kind;
  Body body;
  const char* method;
  const char* path;  // regex of the request the fault hits
  // Prepares what the call needs (using a fault-free client) and returns the call itself.
  std::function<std::function<void(ThreadsClient&, const CallOptions&)>(ThreadsClient&, mock::MockServer&)>
      prepare;
};

// What the table says should happen.
struct Expect {
  std::optional<std::type_index> error;  // nullopt: the call succeeds
  int attempts = 1;                      // requests reaching the faulted route
  std::optional<milliseconds> first_pause;
};

struct FaultCase {
  const char* name;
  std::function<void(mock::Fault&)> make;  // empty: connection refused (no server)
  std::function<Expect(const Call&)> expect;
  // The cell is about timeouts: the client runs with a 100 ms stall and a 500 ms
  // request timeout. Every other cell gets timeouts no loaded machine reaches, so
  // that a slow mock (ASan, two busy cores) cannot turn its fault into a stall.
  bool short_timeouts = false;
};

bool safe(Kind kind) {
  return kind == Kind::read || kind == Kind::idempotent_write || kind == Kind::download;
}
// A wait goes on through outages (connection failures, timeouts) until its deadline.
bool waits(const Call& call) {
  return std::string(call.name) == "wait_for_turn";
}
bool json_body(Body body) {
  return body == Body::object || body == Body::array;
}

Expect ok(int attempts = 1, std::optional<milliseconds> pause = std::nullopt) {
  return {std::nullopt, attempts, pause};
}
template <class E>
Expect fails(int attempts = 1) {
  return {std::type_index(typeid(E)), attempts, std::nullopt};
}

// A create whose answer was lost, or that a 500, 502 or 504 ended, may have
// created its turn: the thread's turns are looked up first (after a backoff),
// and since the fault created none, it is sent once more.
Expect reconciled() {
  return ok(2, milliseconds(500));
}

// A retryable status: retried when safe, else only when the server cannot have acted.
Expect status_retry(const Call& call, bool server_did_not_act, milliseconds pause) {
  if (safe(call.kind) || server_did_not_act) return ok(2, pause);
  if (call.kind == Kind::turn_creation) return reconciled();
  return fails<ServerError>(1);
}

// A status past max_retry_after: its error at once, but a create that may
// have acted is reconciled.
template <class E>
Expect not_waited(const Call& call, bool server_did_not_act) {
  if (call.kind == Kind::turn_creation && !server_did_not_act) return reconciled();
  return fails<E>();
}

// A 200 whose body is not what the call expects.
Expect bad_body(const Call& call, bool sse_too) {
  if (json_body(call.body) || (sse_too && call.body == Body::sse)) return fails<DecodeError>();
  return ok();
}

mock::Fault status(int code, mock::HeaderList headers = {}, int times = 1) {
  mock::Fault fault;
  fault.status = code;
  fault.headers = std::move(headers);
  fault.times = times;
  return fault;
}

// `code` answered with `Retry-After: value`.
std::function<void(mock::Fault&)> retry_after(int code, const char* value) {
  return [code, value](mock::Fault& f) { f = status(code, {{"Retry-After", value}}); };
}

// `code` with a Retry-After over max_retry_after (60 s): not waited, E at once.
template <class E>
FaultCase absurd_retry_after(const char* name, int code) {
  const bool did_not_act = code == 408 || code == 409 || code == 429 || code == 503;
  return {name, retry_after(code, "999999999"),
          [did_not_act](const Call& c) { return not_waited<E>(c, did_not_act); }};
}

const std::vector<FaultCase>& fault_cases() {
  static const std::vector<FaultCase> cases = {
      {"connection_refused", nullptr,
       [](const Call& c) { return waits(c) ? fails<WaitTimeoutError>(0) : fails<ConnectionError>(0); }},
      {"reset_before_response",
       [](mock::Fault& f) { f.transport = mock::TransportFault::close_before_response; },
       [](const Call& c) {
         if (c.kind == Kind::turn_creation) return reconciled();
         return safe(c.kind) ? ok(2) : fails<ConnectionError>();
       }},
      {"reset_mid_body",
       [](mock::Fault& f) {
         f.transport = mock::TransportFault::close_mid_body;
         f.cut_after_bytes = 10;
       },
       [](const Call& c) {
         if (c.body == Body::sse) return ok();  // not applicable: streams break with drop_after_events
         // The turn was created and its answer cut: found among the thread's turns.
         if (c.kind == Kind::turn_creation) return ok(1, milliseconds(500));
         return safe(c.kind) && c.body != Body::sink ? ok(2) : fails<ConnectionError>();
       }},
      {"server_stall",
       [](mock::Fault& f) {
         f.transport = mock::TransportFault::stall_before_response;
         f.times = -1;
       },
       [](const Call& c) {
         // A wait polls through it until its deadline: 2 polls of 3 attempts (kShortWait).
         if (waits(c)) return fails<WaitTimeoutError>(6);
         // A create is looked up after each timeout, found missing and sent again.
         return fails<TimeoutError>(safe(c.kind) || c.kind == Kind::turn_creation ? 3 : 1);
       },
       /*short_timeouts=*/true},
      {"slow_drip",
       [](mock::Fault& f) {
         f.transport = mock::TransportFault::slow_drip;
         f.drip_bytes = 512;
         f.drip_interval = milliseconds(1);
       },
       [](const Call&) { return ok(); }},
      {"408", [](mock::Fault& f) { f = status(408); },
       [](const Call& c) { return status_retry(c, true, milliseconds(500)); }},
      {"409", [](mock::Fault& f) { f = status(409); }, [](const Call&) { return fails<ConflictError>(); }},
      {"429", [](mock::Fault& f) { f = status(429); },
       [](const Call& c) { return status_retry(c, true, milliseconds(500)); }},
      {"429_retry_after_seconds",
       [](mock::Fault& f) {
         f = status(429, {{"Retry-After", "2"}});
       },
       [](const Call& c) { return status_retry(c, true, milliseconds(2000)); }},
      {"429_retry_after_http_date",
       // The fake wall clock reads Tue, 14 Nov 2023 22:13:20 GMT.
       [](mock::Fault& f) {
         f = status(429, {{"Retry-After", "Tue, 14 Nov 2023 22:13:25 GMT"}});
       },
       [](const Call& c) { return status_retry(c, true, milliseconds(5000)); }},
      {"503_retry_after_ms",
       [](mock::Fault& f) {
         f = status(503, {{"retry-after-ms", "150"}});
       },
       [](const Call& c) { return status_retry(c, true, milliseconds(150)); }},
      absurd_retry_after<RateLimitError>("429_retry_after_absurd", 429),
      {"500", [](mock::Fault& f) { f = status(500); },
       [](const Call& c) { return status_retry(c, false, milliseconds(500)); }},
      {"502", [](mock::Fault& f) { f = status(502); },
       [](const Call& c) { return status_retry(c, false, milliseconds(500)); }},
      {"503", [](mock::Fault& f) { f = status(503); },
       [](const Call& c) { return status_retry(c, true, milliseconds(500)); }},
      {"504", [](mock::Fault& f) { f = status(504); },
       [](const Call& c) { return status_retry(c, false, milliseconds(500)); }},
      // Retry-After on the other retryable statuses, and on 409, which never is.
      {"408_retry_after_seconds", retry_after(408, "2"),
       [](const Call& c) { return status_retry(c, true, milliseconds(2000)); }},
      {"409_retry_after_seconds", retry_after(409, "2"), [](const Call&) { return fails<ConflictError>(); }},
      {"500_retry_after_seconds", retry_after(500, "2"),
       [](const Call& c) { return status_retry(c, false, milliseconds(2000)); }},
      {"502_retry_after_seconds", retry_after(502, "2"),
       [](const Call& c) { return status_retry(c, false, milliseconds(2000)); }},
      {"503_retry_after_seconds", retry_after(503, "2"),
       [](const Call& c) { return status_retry(c, true, milliseconds(2000)); }},
      {"504_retry_after_seconds", retry_after(504, "2"),
       [](const Call& c) { return status_retry(c, false, milliseconds(2000)); }},
      {"503_retry_after_http_date", retry_after(503, "Tue, 14 Nov 2023 22:13:25 GMT"),
       [](const Call& c) { return status_retry(c, true, milliseconds(5000)); }},
      // A pause longer than max_retry_after is not waited: the status's error at once.
      absurd_retry_after<ApiError>("408_retry_after_absurd", 408),
      absurd_retry_after<ConflictError>("409_retry_after_absurd", 409),
      absurd_retry_after<ServerError>("500_retry_after_absurd", 500),
      absurd_retry_after<ServerError>("502_retry_after_absurd", 502),
      absurd_retry_after<ServerError>("503_retry_after_absurd", 503),
      absurd_retry_after<ServerError>("504_retry_after_absurd", 504),
      {"500_should_retry_true",
       [](mock::Fault& f) {
         f = status(500, {{"x-should-retry", "true"}});
       },
       [](const Call&) { return ok(2, milliseconds(500)); }},
      {"503_should_retry_false",
       [](mock::Fault& f) {
         f = status(503, {{"x-should-retry", "false"}});
       },
       [](const Call&) { return fails<ServerError>(); }},
      {"html_error_page",
       [](mock::Fault& f) {
         f = status(502, {}, -1);
         f.body = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
         f.content_type = "text/html";
       },
       [](const Call& c) {
         if (waits(c)) return fails<WaitTimeoutError>(6);  // an outage, as server_stall
         return fails<ServerError>(safe(c.kind) || c.kind == Kind::turn_creation ? 3 : 1);
       }},
      {"truncated_json", [](mock::Fault& f) { f.truncate_body_to = 20; },
       [](const Call& c) { return bad_body(c, false); }},
      {"invalid_json",
       [](mock::Fault& f) {
         f = status(200);
         f.body = "{not json";
       },
       [](const Call& c) { return bad_body(c, true); }},
      {"json_of_the_wrong_shape",
       [](mock::Fault& f) {
         f = status(200);
         f.body = "[1, 2, 3]";
       },
       [](const Call& c) { return bad_body(c, true); }},
      {"empty_200",
       [](mock::Fault& f) {
         f = status(200);
         f.body = "";
       },
       [](const Call& c) { return bad_body(c, true); }},
      {"body_far_larger_than_expected", [](mock::Fault& f) { f.pad_body_bytes = 2 << 20; },
       [](const Call& c) {
         // Over max_response_bytes (1 MiB here) for whatever is held in memory; files and
         // sinks take any size; an SSE body is not padded (see the streaming tests).
         const bool in_memory = json_body(c.body) || c.body == Body::ignored || c.body == Body::bytes;
         return in_memory ? fails<DecodeError>() : ok();
       }},
      {"redirect_same_host",
       [](mock::Fault& f) {
         f = status(307);
         f.body = "";
         f.redirect_to_same_url = true;
       },
       [](const Call&) { return ok(2); }},
  };
  return cases;
}

// A finished turn, to read, wait for, cancel or give feedback on.
Turn finished_turn(ThreadsClient& setup) {
  return setup.create_thread_with_turn(ask("What is the capital of France?"));
}

const std::vector<Call>& calls() {
  using Action = std::function<void(ThreadsClient&, const CallOptions&)>;
  static const std::vector<Call> all = {
      // The thread first, then the turn in it: the faults hit the turn's POST.
      {"create_thread_with_turn", Kind::turn_creation, Body::object, "POST", "/api/v3/threads/[^/]+/turns",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.create_thread_with_turn(ask("hi"), {}, o); };
       }},
      {"create_turn", Kind::turn_creation, Body::object, "POST", "/api/v3/threads/[^/]+/turns",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const std::string thread = setup.create_thread().id;
         return [thread](ThreadsClient& c, const CallOptions& o) { c.create_turn(thread, ask("hi"), {}, o); };
       }},
      {"stream_turn", Kind::turn_creation, Body::sse, "POST", "/api/v3/threads/[^/]+/turns",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const std::string thread = setup.create_thread().id;
         return [thread](ThreadsClient& c, const CallOptions& o) {
           c.stream_turn(
               thread, ask("hi"), [](const StreamEvent&) { return true; }, {}, o);
         };
       }},
      {"get_turn", Kind::read, Body::object, "GET", "/api/v3/threads/[^/]+/turns/[^/]+",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const Turn turn = finished_turn(setup);
         return [turn](ThreadsClient& c, const CallOptions& o) { c.get_turn(turn.thread, turn.id, o); };
       }},
      {"wait_for_turn", Kind::read, Body::object, "GET", "/api/v3/threads/[^/]+/turns/[^/]+",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const Turn turn = finished_turn(setup);
         return [turn](ThreadsClient& c, const CallOptions& o) {
           WaitOptions short_wait;  // an outage that never ends is waited through only this long
           short_wait.policy = WaitPolicy{};
           short_wait.policy->deadline = milliseconds(2000);
           c.wait_for_turn(turn.thread, turn.id, short_wait, o);
         };
       }},
      {"list_turns", Kind::read, Body::object, "GET", "/api/v3/threads/[^/]+/turns",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const Turn turn = finished_turn(setup);
         return [turn](ThreadsClient& c, const CallOptions& o) { c.list_turns(turn.thread, {}, o); };
       }},
      {"create_thread", Kind::other_write, Body::object, "POST", "/api/v3/threads",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.create_thread({}, o); };
       }},
      {"get_thread", Kind::read, Body::object, "GET", "/api/v3/threads/[^/]+",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const std::string thread = setup.create_thread().id;
         return [thread](ThreadsClient& c, const CallOptions& o) { c.get_thread(thread, o); };
       }},
      {"list_threads", Kind::read, Body::object, "GET", "/api/v3/threads",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.list_threads({}, o); };
       }},
      {"update_thread", Kind::idempotent_write, Body::object, "PATCH", "/api/v3/threads/[^/]+",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const std::string thread = setup.create_thread().id;
         return [thread](ThreadsClient& c, const CallOptions& o) {
           ThreadUpdate update;
           update.name = "renamed";
           c.update_thread(thread, update, o);
         };
       }},
      {"cancel_turn", Kind::idempotent_write, Body::object, "PATCH", "/api/v3/threads/[^/]+",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const Turn turn = finished_turn(setup);
         return [turn](ThreadsClient& c, const CallOptions& o) { c.cancel_turn(turn.thread, o); };
       }},
      {"send_feedback", Kind::other_write, Body::ignored, "PATCH", "/api/v3/threads/[^/]+/turns/[^/]+",
       [](ThreadsClient& setup, mock::MockServer&) -> Action {
         const Turn turn = finished_turn(setup);
         return [turn](ThreadsClient& c, const CallOptions& o) {
           c.send_feedback(turn.thread, turn.id, FeedbackAction::copied, o);
         };
       }},
      {"get_artifact", Kind::read, Body::object, "GET", "/api/v3/artifacts/[^/]+",
       [](ThreadsClient&, mock::MockServer& server) -> Action {
         const std::string id = server.add_artifact(std::string(4096, 'a'), "text/plain", "a.txt");
         return [id](ThreadsClient& c, const CallOptions& o) { c.get_artifact(id, o); };
       }},
      {"download_artifact_bytes", Kind::download, Body::bytes, "GET", "/api/v3/artifacts/[^/]+/content",
       [](ThreadsClient&, mock::MockServer& server) -> Action {
         const std::string id = server.add_artifact(std::string(4096, 'a'), "text/plain", "a.txt");
         return [id](ThreadsClient& c, const CallOptions& o) { c.download_artifact_bytes(id, o); };
       }},
      {"download_artifact_file", Kind::download, Body::file, "GET", "/api/v3/artifacts/[^/]+/content",
       [](ThreadsClient&, mock::MockServer& server) -> Action {
         const std::string id = server.add_artifact(std::string(4096, 'a'), "text/plain", "a.txt");
         return [id](ThreadsClient& c, const CallOptions& o) {
           const auto path = std::filesystem::temp_directory_path() / ("paradigm-matrix-" + id);
           c.download_artifact_to_file(id, path, {}, o);
           std::filesystem::remove(path);
         };
       }},
      {"download_artifact_sink", Kind::download, Body::sink, "GET", "/api/v3/artifacts/[^/]+/content",
       [](ThreadsClient&, mock::MockServer& server) -> Action {
         const std::string id = server.add_artifact(std::string(4096, 'a'), "text/plain", "a.txt");
         return [id](ThreadsClient& c, const CallOptions& o) {
           c.download_artifact_to_sink(
               id, [](std::string_view) { return true; }, o);
         };
       }},
      {"list_agents", Kind::read, Body::object, "GET", "/api/v3/agents",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.list_agents({}, o); };
       }},
      {"default_agent", Kind::read, Body::object, "GET", "/api/v3/agents",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.default_agent(o); };
       }},
      {"get_agent", Kind::read, Body::object, "GET", "/api/v3/agents/1",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.get_agent(1, o); };
       }},
      {"list_agent_files", Kind::read, Body::object, "GET", "/api/v3/agents/1/files",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.list_agent_files(1, {}, o); };
       }},
      {"list_agent_tags", Kind::read, Body::array, "GET", "/api/v3/agents/1/tags",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.list_agent_tags(1, {}, o); };
       }},
      {"list_agent_tools", Kind::read, Body::object, "GET", "/api/v3/agents/1/tools",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.list_agent_tools(1, o); };
       }},
      {"list_sources", Kind::read, Body::object, "GET", "/api/v3/sources",
       [](ThreadsClient&, mock::MockServer&) -> Action {
         return [](ThreadsClient& c, const CallOptions& o) { c.list_sources({}, o); };
       }},
  };
  return all;
}

class FaultMatrix : public ::testing::TestWithParam<std::tuple<std::size_t, std::size_t>> {
 protected:
  const Call& call() const { return calls().at(std::get<0>(GetParam())); }
  const FaultCase& fault_case() const { return fault_cases().at(std::get<1>(GetParam())); }

  ClientOptions options(const std::string& base_url) const {
    ClientOptions options;
    options.base_url = base_url;
    options.api_key = kApiKey;
    const bool short_timeouts = fault_case().short_timeouts;
    options.stall_timeout = short_timeouts ? milliseconds(100) : milliseconds(60000);
    // Bounds a turn creation the server never answers (its stall clock waits for a first byte).
    options.request_timeout = short_timeouts ? milliseconds(500) : milliseconds(60000);
    options.max_response_bytes = 1 << 20;
    return options;
  }
};

TEST_P(FaultMatrix, Cell) {
  mock::MockServer server;
  auto setup = test_client(options(server.base_url()), std::make_shared<FakeClock>());
  const auto action = call().prepare(setup, server);
  const bool refused = !fault_case().make;
  auto clock = std::make_shared<FakeClock>();
  auto client = test_client(
      options(refused ? "http://127.0.0.1:" + std::to_string(closed_port()) : server.base_url()), clock);
  if (!refused) {
    mock::Fault fault;
    fault_case().make(fault);
    fault.method = call().method;
    fault.path_regex = call().path;
    server.add_fault(fault);
  }
  server.clear_requests();
  const int created_before = server.turns_created();
  const Expect expect = fault_case().expect(call());

  std::optional<std::type_index> thrown;
  std::string what;
  try {
    action(client, CallOptions{});
  } catch (const std::exception& e) {
    thrown = std::type_index(typeid(e));
    what = e.what();
  }
  EXPECT_EQ(thrown.has_value(), expect.error.has_value()) << "threw: " << what;
  if (thrown && expect.error) {
    EXPECT_EQ(thrown->name(), expect.error->name()) << what;
  }
  if (refused && waits(call())) {
    EXPECT_GT(clock->sleeps().size(), 2u);  // polled again until the wait's deadline
  } else if (refused) {
    EXPECT_EQ(clock->sleeps().size(), 2u);  // connection failures are retried: nothing was sent
  } else {
    std::size_t attempts = 0;
    const std::regex route(call().path);
    for (const auto& request : server.requests()) {
      attempts += request.method == call().method && std::regex_match(request.path, route);
    }
    EXPECT_EQ(attempts, static_cast<std::size_t>(expect.attempts));
    if (expect.first_pause) {
      ASSERT_FALSE(clock->sleeps().empty());
      EXPECT_EQ(clock->sleeps().front(), *expect.first_pause);
    }
  }
  if (call().kind == Kind::turn_creation) {
    // A turn is never created twice, and is created when the call succeeds.
    const int created = server.turns_created() - created_before;
    EXPECT_LE(created, 1);
    if (!thrown) {
      EXPECT_EQ(created, 1);
    }
  }
}

std::string cell_name(const ::testing::TestParamInfo<FaultMatrix::ParamType>& info) {
  return std::string(calls().at(std::get<0>(info.param)).name) + "__" +
         fault_cases().at(std::get<1>(info.param)).name;
}

INSTANTIATE_TEST_SUITE_P(AllCallsAllFaults, FaultMatrix,
                         ::testing::Combine(::testing::Range<std::size_t>(0, calls().size()),
                                            ::testing::Range<std::size_t>(0, fault_cases().size())),
                         cell_name);

}  // namespace
}  // namespace paradigm::testing

namespace paradigm::testing {
namespace {

// The rows of docs/reliability.md about how a turn ends, for every call that returns a turn.
enum class Ending { never_completes, failed, cancelled };

struct TurnCall {
  const char* name;
  // Runs the call, waiting for a turn still running with `waiting`.
  std::function<Turn(ThreadsClient&, const TurnRequest&, const WaitOptions& waiting)> run;
};

const std::vector<TurnCall>& turn_calls() {
  static const std::vector<TurnCall> all = {
      {"create_thread_with_turn",
       [](ThreadsClient& c, const TurnRequest& r, const WaitOptions& w) {
         return c.create_thread_with_turn(r, CreateOptions{true, w});
       }},
      {"create_turn",
       [](ThreadsClient& c, const TurnRequest& r, const WaitOptions& w) {
         return c.create_turn(c.create_thread().id, r, CreateOptions{true, w});
       }},
      {"wait_for_turn",
       [](ThreadsClient& c, const TurnRequest& r, const WaitOptions& w) {
         TurnRequest background = r;
         background.background = true;
         const Turn started = c.create_thread_with_turn(background);
         return c.wait_for_turn(started.thread, started.id, w);
       }},
      {"stream_turn",
       [](ThreadsClient& c, const TurnRequest& r, const WaitOptions& w) {
         return c.stream_turn(
             c.create_thread().id, r, [](const StreamEvent&) { return true; }, StreamOptions{false, w});
       }},
  };
  return all;
}

class TurnEndings : public ::testing::TestWithParam<std::tuple<std::size_t, Ending>> {};

TEST_P(TurnEndings, Cell) {
  const auto& call = turn_calls().at(std::get<0>(GetParam()));
  const Ending ending = std::get<1>(GetParam());
  mock::MockConfig config = manual_turns();  // turns run until finished by the test
  config.stream.answer_json_instead = true;  // a stream answered with a 202, to be waited for
  if (ending == Ending::failed) config.turn_duration = milliseconds(0);
  mock::MockServer server(config);
  ClientOptions options;
  options.base_url = server.base_url();
  options.api_key = kApiKey;
  options.wait.deadline = std::chrono::seconds(10);
  auto client = test_client(options, std::make_shared<FakeClock>());

  WaitOptions waiting;
  if (ending == Ending::cancelled) {
    waiting.on_update = [&](const Turn& turn) { client.cancel_turn(turn.thread); };
  }
  const TurnRequest request =
      ask(ending == Ending::failed ? "please [fail]" : "What is the capital of France?");
  switch (ending) {
    case Ending::never_completes:
      EXPECT_THROW(call.run(client, request, waiting), WaitTimeoutError);
      break;
    case Ending::failed: {
      const Turn turn = call.run(client, request, waiting);
      EXPECT_EQ(turn.status, TurnStatus::failed);
      ASSERT_TRUE(turn.error.has_value());
      EXPECT_EQ(turn.error->code, "agent_error");
      break;
    }
    case Ending::cancelled:
      EXPECT_EQ(call.run(client, request, waiting).status, TurnStatus::cancelled);
      break;
  }
  EXPECT_EQ(server.turns_created(), 1);
}

std::string ending_name(const ::testing::TestParamInfo<TurnEndings::ParamType>& info) {
  static const char* names[] = {"202_that_never_completes", "turn_failed", "turn_cancelled"};
  return std::string(turn_calls().at(std::get<0>(info.param)).name) + "__" +
         names[static_cast<int>(std::get<1>(info.param))];
}

INSTANTIATE_TEST_SUITE_P(AllTurnCalls, TurnEndings,
                         ::testing::Combine(::testing::Range<std::size_t>(0, turn_calls().size()),
                                            ::testing::Values(Ending::never_completes, Ending::failed,
                                                              Ending::cancelled)),
                         ending_name);

}  // namespace
}  // namespace paradigm::testing
