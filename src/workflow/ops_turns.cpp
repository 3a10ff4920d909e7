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

}  // namespace

void start_operation(const CallPtr& call, const ops::CreateThreadWithTurn& op, Callback<Turn> done) {
  RequestSpec spec = turn_creation(paths::kThreadsWithTurn, turn_body(call->context(), op.request, false));
  create_turn_at(call, std::move(spec), {}, op.request.background.value_or(false), op.create,
                 std::move(done));
}

void start_operation(const CallPtr& call, const ops::CreateTurn& op, Callback<Turn> done) {
  RequestSpec spec = turn_creation(paths::turns(op.thread_id), turn_body(call->context(), op.request, false));
  create_turn_at(call, std::move(spec), op.thread_id, op.request.background.value_or(false), op.create,
                 std::move(done));
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
