// Threads: POST/GET /api/v3/threads, GET/PATCH /api/v3/threads/{id}
// (rename, archive, ?cancel=true), PATCH /api/v3/threads/{id}/turns/{turn_id}?action=.

#include "workflow/operations.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

namespace paradigm::detail {

namespace {

const char* to_wire(FeedbackAction action) {
  switch (action) {
    case FeedbackAction::like_dislike:
      return "like_dislike";
    case FeedbackAction::copied:
      return "copied";
    case FeedbackAction::flag:
      return "flag";
  }
  throw InvalidRequestError("unknown feedback action");
}

void send_cancel(const CallPtr& call, std::string_view thread_id, Callback<Thread> done) {
  RequestSpec spec =
      write_request("PATCH", paths::thread(thread_id), std::nullopt, RequestSafety::idempotent);
  spec.query = {{"cancel", "true"}};
  fetch<Thread>(call, std::move(spec), std::move(done));
}

}  // namespace

void start_operation(const CallPtr& call, const ops::CreateThread& op, Callback<Thread> done) {
  op.request.validate();
  fetch<Thread>(
      call, write_request("POST", paths::kThreads, dump_request(encode(op.request)), RequestSafety::unsafe),
      std::move(done));
}

void start_operation(const CallPtr& call, const ops::GetThread& op, Callback<Thread> done) {
  fetch<Thread>(call, get_request(paths::thread(op.thread_id)), std::move(done));
}

void start_operation(const CallPtr& call, const ops::ListThreads& op, Callback<Page<Thread>> done) {
  QueryParams query = list_query(op.list);
  add_param(query, "creation_source", op.list.creation_source);
  fetch<Page<Thread>>(call, get_request(paths::kThreads, std::move(query)), std::move(done));
}

void start_operation(const CallPtr& call, const ops::UpdateThread& op, Callback<Thread> done) {
  op.update.validate();
  fetch<Thread>(call,
                write_request("PATCH", paths::thread(op.thread_id), dump_request(encode(op.update)),
                              RequestSafety::idempotent),
                std::move(done));
}

void start_operation(const CallPtr& call, const ops::CancelRunningTurn& op, Callback<Thread> done) {
  send_cancel(call, op.thread_id, std::move(done));
}

void start_operation(const CallPtr& call, const ops::CancelTurn& op, Callback<Thread> done) {
  const std::string& thread_id = op.thread_id;
  const std::string& turn_id = op.turn_id;
  if (turn_id.empty()) throw InvalidRequestError("cancel_turn: turn_id is empty");
  paths::turn(thread_id, turn_id);  // refuse bad ids before anything is sent
  // The thread cancels its running turn, which is its latest: check it is this one.
  latest_turn(
      call, std::string(thread_id),
      [call, thread = std::string(thread_id), turn = std::string(turn_id),
       done = std::move(done)](Result<std::optional<Turn>> latest) {
        if (forward_error(latest, done)) return;
        const std::optional<Turn>& found = latest.value();
        if (!found || found->id != turn) {
          return done(std::make_exception_ptr(InvalidRequestError(
              "cancel_turn: turn " + turn + " is not the latest turn of thread " + thread + " (" +
              (found ? "that is " + found->id : std::string("it has none")) + "); nothing was cancelled")));
        }
        send_cancel(call, thread, done);
      });
}

void start_operation(const CallPtr& call, const ops::SendFeedback& op, Callback<Done> done) {
  // like_dislike toggles on the server: a repeat would undo it.
  RequestSpec spec =
      write_request("PATCH", paths::turn(op.thread_id, op.turn_id), std::nullopt, RequestSafety::unsafe);
  spec.query = {{"action", to_wire(op.action)}};
  fetch_answer(call, std::move(spec), [done = std::move(done)](Result<Answer> answer) {
    if (forward_error(answer, done)) return;
    done(Done{});
  });
}

}  // namespace paradigm::detail
