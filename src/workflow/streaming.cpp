// Streaming turns: POST /api/v3/threads/{id}/turns with "stream": true.
// Every event goes to the caller unchanged; the SDK only watches for ids (to
// find the turn afterwards) and for `error` events. The turn returned is
// always the one the server holds once the stream is over.

#include "core/text.hpp"
#include "json/model_json.hpp"
#include "trace/hooks.hpp"
#include "workflow/lost_create.hpp"
#include "workflow/operations.hpp"
#include "workflow/paths.hpp"
#include "workflow/send.hpp"
#include "workflow/stream_sink.hpp"
#include "workflow/turn_steps.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {

namespace {

std::string error_event_detail(const StreamEvent& event) {
  const auto json = try_parse_json(event.data);
  if (json.is_object()) {
    for (const char* key : {"detail", "message", "error"}) {
      if (json.contains(key) && json[key].is_string()) return json[key].get<std::string>();
    }
  }
  return truncate_for_message(event.data, 500);
}

// Whether `turn` may be the one the query created. False only on evidence (a
// user message with other text): the API does not promise to echo the query.
bool may_answer(const Turn& turn, const std::optional<std::string>& query) {
  if (!query) return true;
  bool saw_user_text = false;
  for (const auto& message : turn.messages) {
    if (message.role != Role::user) continue;
    for (const auto& part : message.parts) {
      if (!part.text) continue;
      if (*part.text == *query) return true;
      saw_user_text = true;
    }
  }
  return !saw_user_text;
}

// The caller's handler, then the progress the event shows.
StreamHandler with_progress(const StreamHandler& handler, const ProgressPtr& progress) {
  if (!progress) return handler;
  return [handler, progress](const StreamEvent& event) {
    const bool go_on = handler(event);
    progress->observe(event);
    return go_on;
  };
}

class StreamedTurn : public std::enable_shared_from_this<StreamedTurn> {
 public:
  StreamedTurn(CallPtr call, RequestSpec spec, CreateTarget target, const StreamHandler& handler,
               StreamOptions stream, Callback<Turn> done)
      : call_(std::move(call)),
        thread_id_(target.thread_id),
        spec_(std::move(spec)),
        query_(target.query),
        stream_(std::move(stream)),
        progress_(progress_for(stream_.waiting)),
        sink_(trace_stream_events(*call_, with_progress(handler, progress_)),
              call_->context().options().max_response_bytes,
              [this](const std::string& turn_id) { call_->note_turn(thread_id_, turn_id); }),
        done_(std::move(done)) {
    lost_ = std::make_shared<LostCreate>(call_, spec_, std::move(target));
  }

  void start() {
    trace_stream_start(*call_);
    send_create();
  }

 private:
  // Sent again only when the server certainly has no turn from it.
  void send_create() {
    lost_->sending();
    send(call_, spec_, sink_,
         [self = shared_from_this()](Result<Reply> reply) { self->on_reply(std::move(reply)); });
  }

  void on_reply(Result<Reply> reply) {
    if (!reply.ok()) return after_failure(reply.error());
    trace_stream_end(*call_, reply.value().kind, reply.value().error, sink_.events());
    if (reply.value().kind == OutcomeKind::completed) {
      Result<Done> finished = capture([&] {
        sink_.finish();
        return Done{};
      });
      if (forward_error(finished, done_)) return;
    }
    if (!sink_.is_sse()) return answered_like_a_create();
    if (const auto& error = sink_.error_event()) {
      return done_(std::make_exception_ptr(StreamError(
          spec_.describe() + ": the stream reported an error: " + error_event_detail(*error), error->data)));
    }
    if (sink_.stopped_by_handler()) return stopped_by_handler();
    if (reply.value().kind == OutcomeKind::failed_after_commit) {
      call_->context().log(
          {LogLevel::warning,
           std::string("stream broken (") + to_string(reply.value().error) + "); polling the turn instead",
           &spec_});
      broken_with_ = reply.value().error;
    }
    // The stream ended (or broke): what the server holds is the answer.
    find_turn([self = shared_from_this()](Result<std::optional<Turn>> turn) {
      if (forward_error(turn, self->done_)) return;
      if (!turn.value()) {
        return self->done_(std::make_exception_ptr(
            StreamError(self->spec_.describe() + ": the stream ended (" + to_string(self->broken_with_) +
                        ") before naming its turn, and the thread holds no turn for this query")));
      }
      self->call_->note_turn(turn.value()->thread, turn.value()->id);
      settle(self->call_, std::move(*turn.value()), self->stream_.waiting, self->progress_, self->done_);
    });
  }

  // Nothing came back: the turn the server may hold is waited for (its
  // events went with the connection), or the create is sent again.
  void after_failure(std::exception_ptr error) {
    lost_->after_failure(std::move(error), [self = shared_from_this()](Result<std::optional<Turn>> turn) {
      if (forward_error(turn, self->done_)) return;
      if (!turn.value()) return self->send_create();
      self->call_->note_turn(turn.value()->thread, turn.value()->id);
      settle(self->call_, std::move(*turn.value()), self->stream_.waiting, self->progress_, self->done_);
    });
  }

  // The server answered like a plain create (200, or 202 to be waited for).
  void answered_like_a_create() {
    Result<Turn> turn = capture([&] {
      return parse_created_turn(Answer{sink_.status(), sink_.json_body()}, spec_.describe(), thread_id_);
    });
    if (forward_error(turn, done_)) return;
    settle(call_, std::move(turn).value(), stream_.waiting, progress_, done_);
  }

  // The turn as far as it is known (and cancelled on the server when asked).
  void stopped_by_handler() {
    call_->context().log({LogLevel::debug,
                          "stream stopped by the handler after " + std::to_string(sink_.events()) + " events",
                          &spec_});
    auto self = shared_from_this();
    auto report = [self](Result<std::optional<Turn>> turn) {
      if (forward_error(turn, self->done_)) return;
      if (!turn.value()) {
        return self->done_(std::make_exception_ptr(
            StreamError(self->spec_.describe() + ": stopped before the turn was created")));
      }
      self->done_(std::move(*turn.value()));
    };
    if (!stream_.cancel_on_stop) return find_turn(std::move(report));
    ops::CancelRunningTurn cancel;
    cancel.thread_id = thread_id_;
    start_operation(call_, cancel, [self, report](Result<Thread> cancelled) {
      if (forward_error(cancelled, self->done_)) return;
      self->find_turn(report);
    });
  }

  // By id when an event named it, else the thread's latest turn if it is this
  // query's, not an earlier turn of the thread (the server may not have created the new one).
  void find_turn(Callback<std::optional<Turn>> done) {
    if (!sink_.turn_id().empty()) {
      return fetch_turn(call_, thread_id_, sink_.turn_id(), [done = std::move(done)](Result<Turn> turn) {
        if (forward_error(turn, done)) return;
        done(std::optional<Turn>(std::move(turn).value()));
      });
    }
    latest_turn(call_, thread_id_,
                [self = shared_from_this(), done = std::move(done)](Result<std::optional<Turn>> latest) {
                  if (forward_error(latest, done)) return;
                  if (latest.value() && !may_answer(*latest.value(), self->query_))
                    return done(std::optional<Turn>());
                  done(std::move(latest));
                });
  }

  CallPtr call_;
  std::string thread_id_;
  RequestSpec spec_;
  std::optional<std::string> query_;
  StreamOptions stream_;
  ProgressPtr progress_;  // before sink_, whose handler reports to it
  StreamSink sink_;
  Callback<Turn> done_;
  TransferError broken_with_ = TransferError::none;
  std::shared_ptr<LostCreate> lost_;
};

// The stream's POST, and where its turn goes.
void stream_in(const CallPtr& call, CreateTarget target, const TurnRequest& request,
               const StreamHandler& on_event, StreamOptions stream, Callback<Turn> done) {
  RequestSpec spec = write_request("POST", paths::turns(target.thread_id),
                                   turn_body(call->context(), request, true), RequestSafety::unsafe);
  // No total limit, so the stall clock runs from the start: a stream begins
  // at once (the turn is created, then reported), and a server that never
  // answers must not hold the call forever.
  spec.streamed = true;
  spec.accept = "text/event-stream";
  std::make_shared<StreamedTurn>(call, std::move(spec), std::move(target), on_event, std::move(stream),
                                 std::move(done))
      ->start();
}

}  // namespace

void start_operation(const CallPtr& call, const ops::StreamTurn& op, Callback<Turn> done) {
  if (!op.on_event) throw InvalidRequestError("stream_turn: the event handler is empty");
  stream_in(call, follow_up_target(op.thread_id, op.request), op.request, op.on_event, op.stream,
            std::move(done));
}

void start_operation(const CallPtr& call, const ops::StreamThreadWithTurn& op, Callback<Turn> done) {
  if (!op.on_event) throw InvalidRequestError("stream_thread_with_turn: the event handler is empty");
  auto [thread, turn] = split_new_thread(op.request);
  // The thread is made for this turn: any turn found in it is this one.
  create_thread_for_turn(call, thread,
                         [call, turn = std::move(turn), on_event = op.on_event, stream = op.stream,
                          done](Result<std::string> thread_id) mutable {
                           if (forward_error(thread_id, done)) return;
                           Result<Done> started = capture([&] {
                             stream_in(call, CreateTarget{thread_id.value(), std::nullopt}, turn, on_event,
                                       std::move(stream), done);
                             return Done{};
                           });
                           if (!started.ok()) done(started.error());
                         });
}

}  // namespace paradigm::detail
