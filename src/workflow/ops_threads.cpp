// Threads: POST/GET /api/v3/threads, GET/PATCH /api/v3/threads/{id}
// (rename, archive, ?cancel=true), PATCH /api/v3/threads/{id}/turns/{turn_id}?action=.

#include "workflow/operations.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

namespace paradigm::detail::ops {

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

void create_thread(const CallPtr& call, const ThreadRequest& request, Callback<Thread> done) {
  request.validate();
  fetch<Thread>(call,
                write_request("POST", paths::kThreads, dump_request(encode(request)), RequestSafety::unsafe),
                std::move(done));
}

void get_thread(const CallPtr& call, std::string_view thread_id, Callback<Thread> done) {
  fetch<Thread>(call, get_request(paths::thread(thread_id)), std::move(done));
}

void list_threads(const CallPtr& call, const ThreadListOptions& list, Callback<Page<Thread>> done) {
  QueryParams query = list_query(list);
  add_param(query, "creation_source", list.creation_source);
  fetch<Page<Thread>>(call, get_request(paths::kThreads, std::move(query)), std::move(done));
}

void update_thread(const CallPtr& call, std::string_view thread_id, const ThreadUpdate& update,
                   Callback<Thread> done) {
  update.validate();
  fetch<Thread>(call,
                write_request("PATCH", paths::thread(thread_id), dump_request(encode(update)),
                              RequestSafety::idempotent),
                std::move(done));
}

void cancel_turn(const CallPtr& call, std::string_view thread_id, std::string_view turn_id,
                 Callback<Thread> done) {
  if (turn_id.empty()) return send_cancel(call, thread_id, std::move(done));
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

void send_feedback(const CallPtr& call, std::string_view thread_id, std::string_view turn_id,
                   FeedbackAction action, Callback<Done> done) {
  // like_dislike toggles on the server: a repeat would undo it.
  RequestSpec spec =
      write_request("PATCH", paths::turn(thread_id, turn_id), std::nullopt, RequestSafety::unsafe);
  spec.query = {{"action", to_wire(action)}};
  fetch_answer(call, std::move(spec), [done = std::move(done)](Result<Answer> answer) {
    if (forward_error(answer, done)) return;
    done(Done{});
  });
}

}  // namespace paradigm::detail::ops
