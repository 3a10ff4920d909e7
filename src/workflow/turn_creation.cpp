// Creating a turn: the body, the two shapes of a create answer, and waiting
// through a 202.

#include "workflow/turn_steps.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {

namespace {

// A 202 may carry only the ids: {"turn_id", "thread"}, or "tread" as the guide spells it.
std::optional<Turn> turn_from_ids(const nlohmann::json& json, const Answer& answer,
                                  const std::string& where) {
  if (!json.is_object() || !json.contains("turn_id") || json.contains("messages")) return std::nullopt;
  const auto& id = json["turn_id"];
  nlohmann::json thread = json.value("thread", nlohmann::json());
  if (thread.is_null()) thread = json.value("tread", nlohmann::json());
  if (!id.is_string() || !(thread.is_string() || thread.is_null())) {
    throw DecodeError(where + ": turn_id/thread of the answer are not strings", "turn_id", answer.body);
  }
  Turn turn;
  turn.id = id.get<std::string>();
  if (thread.is_string()) turn.thread = thread.get<std::string>();
  const auto status = json.value("status", std::string("running"));
  turn.status = OpenEnum<TurnStatus>::from_text(status);
  return turn;
}

}  // namespace

std::string turn_body(const ConnectionContext& context, const TurnRequest& request, bool stream) {
  request.validate();
  if (request.extra_body.contains("stream")) {
    throw InvalidRequestError("extra_body sets \"stream\": stream a turn with stream_turn instead");
  }
  TurnBodyOptions options;
  options.stream = stream;
  options.legacy_scope_names = is_legacy(context.options().server_release);
  return dump_request(encode(request, options));
}

Turn parse_created_turn(const Answer& answer, const std::string& where, std::string_view known_thread) {
  nlohmann::json json;
  try {
    json = parse_json(answer.body);
  } catch (const DecodeError& e) {
    throw DecodeError(where + ": " + e.what(), e.path(), e.raw());
  }
  std::optional<Turn> from_ids = turn_from_ids(json, answer, where);
  Turn turn = from_ids ? std::move(*from_ids) : decode_answer<Turn>(answer, where);
  if (turn.thread.empty()) turn.thread = std::string(known_thread);
  if (turn.id.empty() || turn.thread.empty()) {
    throw DecodeError(where + ": the answer names no turn id or thread id", "", answer.body);
  }
  if (turn.status.empty()) turn.status = TurnStatus::running;
  return turn;
}

void create_turn_at(const CallPtr& call, RequestSpec spec, std::string known_thread, bool background,
                    CreateOptions create, Callback<Turn> done) {
  std::string where = call->context().describe(spec);
  auto on_answer = [call, where, known_thread = std::move(known_thread), background,
                    create = std::move(create), done = std::move(done)](Result<Answer> answer) mutable {
    if (forward_error(answer, done)) return;
    Result<Turn> turn = capture([&] { return parse_created_turn(answer.value(), where, known_thread); });
    if (turn.ok()) call->note_turn(turn.value().thread, turn.value().id);
    if (!turn.ok() || background || !create.wait) return done(std::move(turn));
    if (!turn.value().is_terminal()) {
      LogEvent event(LogLevel::info,
                     "turn " + turn.value().id + " is " + turn.value().status.text() + "; waiting for it");
      event.status = answer.value().status;
      call->context().log(event);
    }
    // The answer's turn is the first state the progress reports, finished or not.
    ProgressPtr progress = progress_for(create.waiting);
    settle(call, std::move(turn).value(), std::move(create.waiting), std::move(progress), std::move(done));
  };
  fetch_answer(call, std::move(spec), std::move(on_answer));
}

}  // namespace paradigm::detail
