// Streaming turns: POST /api/v3/threads/{id}/turns with "stream": true.
// Every event goes to the caller unchanged; the SDK only watches for ids (to
// find the turn afterwards) and for `error` events. The turn returned is
// always the one the server holds once the stream is over.

#include <paradigm/client.hpp>

#include "client/decode_response.hpp"
#include "client/error_mapping.hpp"
#include "client/paths.hpp"
#include "client/turn_ops.hpp"
#include "core/text.hpp"
#include "sse/sse_parser.hpp"

#include <nlohmann/json.hpp>

namespace paradigm {

namespace paths = detail::paths;

namespace {

// Feeds SSE bytes to the parser and the caller's handler; buffers a JSON
// answer instead when the server did not stream.
class StreamTarget final : public detail::BodyTarget {
 public:
  StreamTarget(const StreamHandler& handler, std::size_t max_bytes)
      : handler_(handler), max_bytes_(max_bytes) {}

  bool on_head(int status, const Headers& headers) override {
    status_ = status;
    const auto type = headers.get("content-type").value_or("");
    is_sse_ = detail::iequals(detail::trim(type.substr(0, type.find(';'))), "text/event-stream");
    return true;
  }
  bool on_data(std::string_view bytes) override {
    if (!is_sse_) return buffer_json(bytes);
    const bool go_on = parser_.feed(bytes, [this](const StreamEvent& event) { return dispatch(event); });
    // A server that never ends its event must not take all the memory.
    if (go_on && parser_.pending_bytes() > max_bytes_) {
      failure_ = std::make_exception_ptr(StreamError("an event of the stream exceeds max_response_bytes (" +
                                                     std::to_string(max_bytes_) + " bytes)"));
      return false;
    }
    return go_on;
  }
  /// End of stream: the last event may lack its blank line.
  void finish() {
    if (is_sse_ && !stopped_) parser_.finish([this](const StreamEvent& event) { return dispatch(event); });
  }
  bool committed() const override { return events_ > 0; }
  std::exception_ptr failure() const override { return failure_; }

  bool is_sse() const noexcept { return is_sse_; }
  int status() const noexcept { return status_; }
  const std::string& json_body() const noexcept { return json_; }
  bool stopped_by_handler() const noexcept { return stopped_ && !error_event_; }
  const std::optional<StreamEvent>& error_event() const noexcept { return error_event_; }
  const std::string& turn_id() const noexcept { return turn_id_; }
  std::uint64_t events() const noexcept { return events_; }

 private:
  bool buffer_json(std::string_view bytes) {
    if (json_.size() + bytes.size() > max_bytes_) {
      failure_ = detail::response_too_large(max_bytes_);
      return false;
    }
    json_.append(bytes);
    return true;
  }

  bool dispatch(const StreamEvent& event) {
    ++events_;
    if (turn_id_.empty()) learn_turn_id(event);
    if (event.event == "error") {
      error_event_ = event;
      handler_(event);  // the caller sees it before the StreamError
      stopped_ = true;
      return false;
    }
    if (!handler_(event)) {
      stopped_ = true;
      return false;
    }
    return true;
  }

  // The vocabulary is not published: look for a turn object, or a turn_id.
  void learn_turn_id(const StreamEvent& event) {
    const auto json = nlohmann::json::parse(event.data, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return;
    const nlohmann::json* candidates[] = {&json, json.contains("turn") ? &json["turn"] : nullptr};
    for (const auto* object : candidates) {
      if (!object || !object->is_object()) continue;
      if (auto it = object->find("turn_id"); it != object->end() && it->is_string()) {
        turn_id_ = it->get<std::string>();
        return;
      }
      const bool is_turn = object->value("object", "") == "turn" || object->contains("messages");
      if (auto it = object->find("id"); is_turn && it != object->end() && it->is_string()) {
        turn_id_ = it->get<std::string>();
        return;
      }
    }
  }

  const StreamHandler& handler_;
  std::size_t max_bytes_;  // of a JSON answer, or of one event
  detail::SseParser parser_;
  int status_ = 0;
  bool is_sse_ = false;
  bool stopped_ = false;
  std::uint64_t events_ = 0;
  std::string json_;
  std::string turn_id_;
  std::optional<StreamEvent> error_event_;
  std::exception_ptr failure_;
};

std::string error_event_detail(const StreamEvent& event) {
  const auto json = nlohmann::json::parse(event.data, nullptr, false);
  if (json.is_object()) {
    for (const char* key : {"detail", "message", "error"}) {
      if (json.contains(key) && json[key].is_string()) return json[key].get<std::string>();
    }
  }
  return detail::truncate_for_message(event.data, 500);
}

// Whether `turn` may be the one `request` created. False only on evidence (a
// user message with other text): the API does not promise to echo the query.
bool may_answer(const Turn& turn, const TurnRequest& request) {
  if (!request.query) return true;
  bool saw_user_text = false;
  for (const auto& message : turn.messages) {
    if (message.role != Role::user) continue;
    for (const auto& part : message.parts) {
      if (!part.text) continue;
      if (*part.text == *request.query) return true;
      saw_user_text = true;
    }
  }
  return !saw_user_text;
}

// The turn the stream was about: by id when an event named it, else the
// thread's latest turn if it is this request's, not an earlier turn of the
// thread (the server may not have created the new one).
std::optional<Turn> find_streamed_turn(detail::ClientCore& core, std::string_view thread_id,
                                       const std::string& turn_id, const TurnRequest& request,
                                       const CallOptions& call) {
  if (!turn_id.empty()) return detail::fetch_turn(core, thread_id, turn_id, call);
  auto latest = detail::latest_turn(core, thread_id, call);
  if (latest && !may_answer(*latest, request)) return std::nullopt;
  return latest;
}

// Waits for the turn to finish, as a create would.
Turn settle(detail::ClientCore& core, Turn turn, const CallOptions& call) {
  if (turn.is_terminal()) return turn;
  return detail::wait_for_turn(core, turn.thread, turn.id, call.waiting, call, &turn);
}

}  // namespace

Turn ThreadsClient::stream_turn(std::string_view thread_id, const TurnRequest& request,
                                const StreamHandler& on_event, const CallOptions& call) {
  if (!on_event) throw InvalidRequestError("stream_turn: the event handler is empty");
  detail::RequestSpec spec;
  spec.method = "POST";
  spec.path = paths::turns(thread_id);
  spec.body = detail::turn_body(request, /*stream=*/true);
  spec.safety = detail::RequestSafety::unsafe;
  // No total limit, so the stall clock runs from the start: a stream begins
  // at once (the turn is created, then reported), and a server that never
  // answers must not hold the call forever.
  spec.unbounded = true;
  spec.accept = "text/event-stream";

  StreamTarget target(on_event, core_->options().max_response_bytes);
  const detail::TransferResult result = core_->send_streaming(spec, call, target);
  if (result.ok()) target.finish();

  if (!target.is_sse()) {
    // The server answered like a plain create (200, or 202 to be waited for).
    detail::Response response{target.status(), result.headers, target.json_body()};
    Turn turn = detail::parse_created_turn(response, spec, thread_id);
    return settle(*core_, std::move(turn), call);
  }
  if (const auto& error = target.error_event()) {
    throw StreamError(
        spec.method + " " + spec.path + ": the stream reported an error: " + error_event_detail(*error),
        error->data);
  }
  if (result.error == detail::TransferError::cancelled) core_->throw_failure(result, spec);
  if (target.stopped_by_handler()) {
    core_->log(LogLevel::debug,
               "stream stopped by the handler after " + std::to_string(target.events()) + " events", &spec);
    if (call.cancel_on_stop) cancel_turn(thread_id, call);
    auto turn = find_streamed_turn(*core_, thread_id, target.turn_id(), request, call);
    if (!turn) throw StreamError(spec.method + " " + spec.path + ": stopped before the turn was created");
    return std::move(*turn);
  }
  if (!result.ok()) {
    core_->log(
        LogLevel::warning,
        std::string("stream broken (") + detail::to_string(result.error) + "); polling the turn instead",
        &spec);
  }
  // The stream ended (or broke): what the server holds is the answer.
  auto turn = find_streamed_turn(*core_, thread_id, target.turn_id(), request, call);
  if (!turn) {
    throw StreamError(spec.method + " " + spec.path + ": the stream ended (" +
                      detail::to_string(result.error) +
                      ") before naming its turn, and the thread holds no turn for this query");
  }
  return settle(*core_, std::move(*turn), call);
}

Turn ThreadsClient::stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                     const TextHandler& on_text_delta, const CallOptions& call) {
  if (!on_text_delta) throw InvalidRequestError("stream_turn_text: the text handler is empty");
  return stream_turn(thread_id, request, on_text(on_text_delta), call);
}

Turn ThreadsClient::stream_thread_with_turn(const TurnRequest& request, const StreamHandler& on_event,
                                            const CallOptions& call) {
  request.validate();
  // The thread-creation fields go to the thread; the rest is the turn.
  ThreadRequest thread;
  thread.name = request.name;
  thread.agent_id = request.agent_id;
  thread.chat_setting_id = request.chat_setting_id;
  thread.is_ephemeral = request.is_ephemeral;
  thread.ml_model = request.ml_model;
  TurnRequest turn = request;
  turn.name.reset();
  turn.agent_id.reset();
  turn.chat_setting_id.reset();
  turn.is_ephemeral.reset();
  const Thread created = create_thread(thread, call);
  return stream_turn(created.id, turn, on_event, call);
}

}  // namespace paradigm
