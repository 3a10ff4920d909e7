// Turns: POST /api/v3/threads/turns, POST /api/v3/threads/{id}/turns,
// GET /api/v3/threads/{id}/turns[/{turn_id}], and waiting.

#include "workflow/operations.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

namespace paradigm::detail {

namespace {

RequestSpec turn_creation(std::string path, std::string body) {
  RequestSpec spec = write_request("POST", std::move(path), std::move(body), RequestSafety::unsafe);
  spec.slow_to_answer = true;
  return spec;
}

// The thread first, then the turn in it: a lost answer is then looked up in
// a thread that holds this turn alone, however many identical queries are in
// flight.
void create_in_new_thread(const CallPtr& call, const TurnRequest& request, CreateOptions create,
                          Callback<Turn> done) {
  auto [thread, turn] = split_new_thread(request);
  std::string turn_json = turn_body(call->context(), turn, false);
  auto on_thread = [call, turn_json = std::move(turn_json), background = request.background.value_or(false),
                    create = std::move(create), done](Result<std::string> thread_id) mutable {
    if (forward_error(thread_id, done)) return;
    Result<RequestSpec> spec =
        capture([&] { return turn_creation(paths::turns(thread_id.value()), std::move(turn_json)); });
    if (forward_error(spec, done)) return;
    create_turn_at(call, std::move(spec).value(), CreateTarget{thread_id.value(), std::nullopt}, background,
                   std::move(create), std::move(done));
  };
  create_thread_for_turn(call, thread, std::move(on_thread));
}

}  // namespace

// An empty thread left by a create that failed is harmless, so the thread's
// POST is retried like a read.
void create_thread_for_turn(const CallPtr& call, const ThreadRequest& thread, Callback<std::string> done) {
  RequestSpec spec =
      write_request("POST", paths::kThreads, dump_request(encode(thread)), RequestSafety::idempotent);
  spec.headers.emplace_back("Idempotency-Key", new_idempotency_key());
  fetch<Thread>(call, std::move(spec), [done = std::move(done)](Result<Thread> created) {
    if (forward_error(created, done)) return;
    done(std::move(created.value().id));
  });
}

void start_operation(const CallPtr& call, const ops::CreateThreadWithTurn& op, Callback<Turn> done) {
  // Releases before Wise Wolf required a chat_setting_id to create a bare
  // thread: they get the one request they always had.
  const ClientOptions& options = call->context().options();
  if (options.create_thread_first && !is_legacy(options.server_release)) {
    return create_in_new_thread(call, op.request, op.create, std::move(done));
  }
  RequestSpec spec = turn_creation(paths::kThreadsWithTurn, turn_body(call->context(), op.request, false));
  create_turn_at(call, std::move(spec), {}, op.request.background.value_or(false), op.create,
                 std::move(done));
}

void start_operation(const CallPtr& call, const ops::CreateTurn& op, Callback<Turn> done) {
  RequestSpec spec = turn_creation(paths::turns(op.thread_id), turn_body(call->context(), op.request, false));
  create_turn_at(call, std::move(spec), follow_up_target(op.thread_id, op.request),
                 op.request.background.value_or(false), op.create, std::move(done));
}

void start_operation(const CallPtr& call, const ops::GetTurn& op, Callback<Turn> done) {
  paths::turn(op.thread_id, op.turn_id);  // refuse bad ids before anything is sent
  fetch_turn(call, op.thread_id, op.turn_id, std::move(done));
}

void start_operation(const CallPtr& call, const ops::ListTurns& op, Callback<Page<Turn>> done) {
  fetch<Page<Turn>>(call, get_request(paths::turns(op.thread_id), list_query(op.list)), std::move(done));
}

void start_operation(const CallPtr& call, const ops::WaitForTurn& op, Callback<Turn> done) {
  paths::turn(op.thread_id, op.turn_id);  // refuse bad ids before the first pause, not after it
  wait_for_turn(call, op.thread_id, op.turn_id, op.wait, std::nullopt, progress_for(op.wait),
                std::move(done));
}

}  // namespace paradigm::detail
