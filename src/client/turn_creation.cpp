#include "client/decode_response.hpp"
#include "client/turn_ops.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {

std::string turn_body(const TurnRequest& request, bool stream) {
  request.validate();
  if (request.extra_body.contains("stream")) {
    throw InvalidRequestError("extra_body sets \"stream\": stream a turn with stream_turn instead");
  }
  TurnBodyOptions options;
  options.stream = stream;
  return dump_request(encode(request, options));
}

Turn parse_created_turn(const Response& response, const RequestSpec& spec, std::string_view known_thread) {
  nlohmann::json json;
  try {
    json = parse_json(response.body);
  } catch (const DecodeError& e) {
    throw DecodeError(spec.method + " " + spec.path + ": " + e.what(), e.path(), e.raw());
  }
  Turn turn;
  // A 202 may carry only the ids, as {"turn_id", "thread"} (the guide's wording).
  if (json.is_object() && json.contains("turn_id") && !json.contains("messages")) {
    const auto& id = json["turn_id"];
    const auto thread = json.value("thread", nlohmann::json());
    if (!id.is_string() || !(thread.is_string() || thread.is_null())) {
      throw DecodeError(spec.method + " " + spec.path + ": turn_id/thread of the answer are not strings",
                        "turn_id", response.body);
    }
    turn.id = id.get<std::string>();
    if (thread.is_string()) turn.thread = thread.get<std::string>();
    const auto status = json.value("status", std::string("running"));
    turn.status = OpenEnum<TurnStatus>::from_text(status);
  } else {
    turn = decode_response<Turn>(response, spec);
  }
  if (turn.thread.empty()) turn.thread = std::string(known_thread);
  if (turn.id.empty() || turn.thread.empty()) {
    throw DecodeError(spec.method + " " + spec.path + ": the answer names no turn id or thread id", "",
                      response.body);
  }
  if (turn.status.empty()) turn.status = TurnStatus::running;
  return turn;
}

Turn create_turn_at(ClientCore& core, const std::string& path, std::string_view known_thread,
                    const TurnRequest& request, const CallOptions& call) {
  RequestSpec spec;
  spec.method = "POST";
  spec.path = path;
  spec.body = turn_body(request, false);
  spec.safety = RequestSafety::unsafe;
  spec.slow_to_answer = true;
  const Response response = core.send(spec, call);
  Turn turn = parse_created_turn(response, spec, known_thread);
  const bool background = request.background.value_or(false);
  if (turn.is_terminal() || background || !call.wait) return turn;
  core.log(LogLevel::info, "turn " + turn.id + " is " + turn.status.text() + "; waiting for it", &spec,
           response.status);
  return wait_for_turn(core, turn.thread, turn.id, call.waiting, call, &turn);
}

}  // namespace paradigm::detail
