// TurnBuilder and the one-call turns made with it.
#include <paradigm/testing/builders.hpp>

namespace paradigm::testing {

namespace {

Part text_part(std::string text) {
  Part part;
  part.type = PartType::text;
  part.text = std::move(text);
  return part;
}

Message message(std::string id, Role role, std::vector<Part> parts, const Timestamp& created_at) {
  Message message;
  message.id = std::move(id);
  message.object = "message";
  message.role = role;
  message.parts = std::move(parts);
  message.created_at = created_at;
  return message;
}

}  // namespace

Timestamp fixed_time() {
  return Timestamp::parse("2026-01-01T12:00:00.000000Z");
}

TurnBuilder::TurnBuilder() = default;

TurnBuilder& TurnBuilder::id(std::string id) {
  id_ = std::move(id);
  return *this;
}
TurnBuilder& TurnBuilder::thread(std::string thread_id) {
  thread_ = std::move(thread_id);
  return *this;
}
TurnBuilder& TurnBuilder::query(std::string text) {
  query_ = std::move(text);
  return *this;
}
TurnBuilder& TurnBuilder::answer(std::string text) {
  answer_ = std::move(text);
  return *this;
}

TurnBuilder& TurnBuilder::reasoning(std::string text) {
  Part part;
  part.type = PartType::reasoning;
  part.reasoning = std::move(text);
  parts_.push_back(std::move(part));
  return *this;
}

TurnBuilder& TurnBuilder::tool_call(const ToolCallBuilder& call) {
  return tool_call(call.build());
}

TurnBuilder& TurnBuilder::tool_call(ToolCall call) {
  if (call.id.empty()) {
    std::size_t calls = 1;
    for (const Part& part : parts_)
      calls += part.tool_call ? 1 : 0;
    call.id = "call-" + std::to_string(calls);
  }
  Part part;
  part.type = PartType::tool_call;
  part.tool_call = std::move(call);
  parts_.push_back(std::move(part));
  return *this;
}

TurnBuilder& TurnBuilder::tool_call(std::string tool_name, JsonValue args) {
  return tool_call(ToolCallBuilder(std::move(tool_name)).args(std::move(args)).step("done"));
}

TurnBuilder& TurnBuilder::running() {
  return status(TurnStatus::running);
}

TurnBuilder& TurnBuilder::failed(std::string code, std::string message) {
  TurnError error;
  error.code = std::move(code);
  error.message = std::move(message);
  error_ = std::move(error);
  status_ = TurnStatus::failed;
  return *this;
}

TurnBuilder& TurnBuilder::cancelled() {
  return status(TurnStatus::cancelled);
}

TurnBuilder& TurnBuilder::status(TurnStatus status) {
  status_ = status;
  if (status != TurnStatus::failed) error_.reset();
  return *this;
}

TurnBuilder& TurnBuilder::created_at(Timestamp when) {
  created_at_ = std::move(when);
  return *this;
}

Turn TurnBuilder::build() const {
  Turn turn;
  turn.id = id_;
  turn.thread = thread_;
  turn.object = "turn";
  turn.status = status_;
  turn.error = error_;
  turn.created_at = created_at_;
  turn.messages.push_back(message(id_ + "-query", Role::user, {text_part(query_)}, created_at_));
  std::vector<Part> agent_parts = parts_;
  // A running turn has no answer yet; one that ended shows it when it has one.
  if (answer_ && status_ != TurnStatus::running) agent_parts.push_back(text_part(*answer_));
  if (!agent_parts.empty())
    turn.messages.push_back(message(id_ + "-answer", Role::assistant, std::move(agent_parts), created_at_));
  return turn;
}

Turn completed_turn(std::string answer) {
  return TurnBuilder().answer(std::move(answer));
}

Turn running_turn() {
  return TurnBuilder().running();
}

Turn failed_turn(std::string code, std::string message) {
  return TurnBuilder().failed(std::move(code), std::move(message));
}

Turn cancelled_turn() {
  return TurnBuilder().cancelled();
}

}  // namespace paradigm::testing
