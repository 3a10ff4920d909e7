// StreamEvent's JSON helpers and the text-delta heuristics. The server's event
// vocabulary is not published (API-NOTES §3), so these recognise common
// payload shapes, use event names only to rule events out (or to accept
// plain-text tokens), and answer nullopt rather than guess.

#include <paradigm/stream.hpp>

#include "core/text.hpp"
#include "json/members.hpp"
#include "json/model_json.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <utility>

namespace paradigm {

namespace {

using Json = nlohmann::json;
using detail::json_member;
using detail::mentions;
using detail::object_member;
using detail::string_member;

// Events that carry something other than answer text even when their payload
// looks like text: reasoning, tool progress and errors.
bool non_answer_event(std::string_view name) {
  return mentions(name, "reasoning") || mentions(name, "tool") || mentions(name, "error");
}

bool delta_named_event(std::string_view name) {
  return mentions(name, "delta") || mentions(name, "token");
}

// `{"choices":[{"delta":{"content":"..."}}]}` (OpenAI-like chunks).
const std::string* choice_content(const Json& object) {
  const Json* choices = json_member(object, "choices");
  if (choices == nullptr || !choices->is_array() || choices->empty()) return nullptr;
  const Json& first = choices->front();
  if (!first.is_object()) return nullptr;
  const Json* delta = object_member(first, "delta");
  return delta != nullptr ? string_member(*delta, "content") : nullptr;
}

// The answer text of one JSON object, looking one level into `data`, `part`
// and `content` when `nested` is allowed.
const std::string* object_text(const Json& object, bool nested) {
  if (object.contains("messages")) return nullptr;  // a whole turn, not a delta
  if (const std::string* content = choice_content(object)) return content;
  const std::string* type = string_member(object, "type");
  // A reasoning part or a tool call is not answer text, whatever it carries.
  if (type != nullptr && (mentions(*type, "reasoning") || mentions(*type, "tool"))) return nullptr;
  // A `delta` string is answer text under any other type ("text",
  // "text_delta", ...); a `text` string only when untyped or typed "text",
  // because other typed objects carry text of their own (progress messages).
  if (const std::string* delta = string_member(object, "delta")) return delta;
  const bool text_typed = type == nullptr ? !object.contains("type") : *type == "text";
  if (const std::string* text = string_member(object, "text"); text != nullptr && text_typed) return text;
  if (!nested) return nullptr;
  for (const char* key : {"data", "part", "content"}) {
    const Json* inner = object_member(object, key);
    if (inner == nullptr) continue;
    if (const std::string* text = object_text(*inner, false)) return text;
  }
  return nullptr;
}

std::optional<std::string> delta_of(const StreamEvent& event, const Json& parsed) {
  if (non_answer_event(event.event)) return std::nullopt;
  if (parsed.is_object()) {
    const std::string* text = object_text(parsed, true);
    return text == nullptr ? std::nullopt : std::optional<std::string>(*text);
  }
  // Plain-text tokens: an event named like a delta or a token whose data is
  // not a JSON object is taken as the text itself (a JSON string is unquoted,
  // and a bare number such as `data: 42` is text, not a number). Elsewhere
  // non-JSON data is not recognisable, and `[DONE]` is an end marker.
  if (!delta_named_event(event.event) || parsed.is_array()) return std::nullopt;
  if (parsed.is_string()) return parsed.get<std::string>();
  if (event.data.empty() || event.data == "[DONE]") return std::nullopt;
  return event.data;
}

// The last `text` part of the last assistant message of a completed turn object.
std::optional<std::string> completed_turn_answer(const Json& turn) {
  if (!turn.is_object()) return std::nullopt;
  const std::string* status = string_member(turn, "status");
  const Json* messages = json_member(turn, "messages");
  if (status == nullptr || *status != "completed" || messages == nullptr || !messages->is_array()) {
    return std::nullopt;
  }
  for (auto message = messages->rbegin(); message != messages->rend(); ++message) {
    if (!message->is_object()) continue;
    const std::string* role = string_member(*message, "role");
    if (role == nullptr || *role != "assistant") continue;
    const Json* parts = json_member(*message, "parts");
    if (parts == nullptr || !parts->is_array()) return std::nullopt;
    for (auto part = parts->rbegin(); part != parts->rend(); ++part) {
      if (!part->is_object()) continue;
      const std::string* type = string_member(*part, "type");
      const std::string* text = string_member(*part, "text");
      if (type != nullptr && *type == "text" && text != nullptr) return *text;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// A final turn, either as the whole payload or under `turn` / `data`.
std::optional<std::string> final_answer_of(const Json& parsed) {
  if (!parsed.is_object()) return std::nullopt;
  if (auto answer = completed_turn_answer(parsed)) return answer;
  for (const char* key : {"turn", "data"}) {
    const Json* inner = json_member(parsed, key);
    if (inner == nullptr) continue;
    if (auto answer = completed_turn_answer(*inner)) return answer;
  }
  return std::nullopt;
}

struct TextState {
  TextHandler on_text;
  bool saw_text = false;
};

}  // namespace

JsonValue StreamEvent::json() const {
  return JsonValue::parse(data);
}

// Parsed here rather than through JsonValue::parse so that non-JSON data (a
// `[DONE]` marker, plain tokens) costs no exception.
std::optional<JsonValue> StreamEvent::try_json() const {
  auto parsed = detail::try_parse_json(data);
  if (parsed.is_discarded()) return std::nullopt;
  return JsonValue(std::move(parsed));
}

std::optional<std::string> text_delta(const StreamEvent& event) {
  return delta_of(event, detail::try_parse_json(event.data));
}

StreamHandler on_text(TextHandler on_text) {
  // Shared so that copies of the returned std::function see one state.
  auto state = std::make_shared<TextState>(TextState{std::move(on_text), false});
  return [state](const StreamEvent& event) {
    const Json parsed = detail::try_parse_json(event.data);
    if (auto delta = delta_of(event, parsed)) {
      state->saw_text = true;
      state->on_text(*delta);
    } else if (!state->saw_text) {
      if (auto answer = final_answer_of(parsed)) {
        state->saw_text = true;  // passed once, and never after deltas
        state->on_text(*answer);
      }
    }
    return true;
  };
}

}  // namespace paradigm
