// Turns: POST /api/v3/threads/turns, POST /api/v3/threads/{id}/turns,
// GET /api/v3/threads/{id}/turns[/{turn_id}], and waiting.

#include "workflow/operations.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

namespace paradigm::detail::ops {

namespace {

RequestSpec turn_creation(std::string path, std::string body) {
  RequestSpec spec = write_request("POST", std::move(path), std::move(body), RequestSafety::unsafe);
  spec.slow_to_answer = true;
  return spec;
}

}  // namespace

void create_thread_with_turn(const CallPtr& call, const TurnRequest& request, const CreateOptions& create,
                             Callback<Turn> done) {
  RequestSpec spec = turn_creation(paths::kThreadsWithTurn, turn_body(call->context(), request, false));
  create_turn_at(call, std::move(spec), {}, request.background.value_or(false), create, std::move(done));
}

void create_turn(const CallPtr& call, std::string_view thread_id, const TurnRequest& request,
                 const CreateOptions& create, Callback<Turn> done) {
  RequestSpec spec = turn_creation(paths::turns(thread_id), turn_body(call->context(), request, false));
  create_turn_at(call, std::move(spec), std::string(thread_id), request.background.value_or(false), create,
                 std::move(done));
}

void get_turn(const CallPtr& call, std::string_view thread_id, std::string_view turn_id,
              Callback<Turn> done) {
  paths::turn(thread_id, turn_id);  // refuse bad ids before anything is sent
  fetch_turn(call, std::string(thread_id), std::string(turn_id), std::move(done));
}

void list_turns(const CallPtr& call, std::string_view thread_id, const ListOptions& list,
                Callback<Page<Turn>> done) {
  fetch<Page<Turn>>(call, get_request(paths::turns(thread_id), list_query(list)), std::move(done));
}

void wait_for_turn(const CallPtr& call, std::string_view thread_id, std::string_view turn_id,
                   const WaitOptions& wait, Callback<Turn> done) {
  paths::turn(thread_id, turn_id);  // refuse bad ids before the first pause, not after it
  detail::wait_for_turn(call, std::string(thread_id), std::string(turn_id), wait, std::nullopt,
                        progress_for(wait), std::move(done));
}

}  // namespace paradigm::detail::ops
