// The events of a streamed turn, in the emulator's vocabulary.
#include <paradigm/serialize.hpp>
#include <paradigm/testing/builders.hpp>

namespace paradigm::testing {

namespace {

// `text` cut into `count` pieces of about as many code points each (some
// empty when the text is short); a UTF-8 sequence is never split.
std::vector<std::string> pieces_of(const std::string& text, std::size_t count) {
  std::vector<std::size_t> starts;  // byte offset of each code point
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  std::vector<std::string> pieces;
  for (std::size_t piece = 0; piece < count; ++piece) {
    const std::size_t first = starts.size() * piece / count;
    const std::size_t last = starts.size() * (piece + 1) / count;
    const std::size_t begin = first < starts.size() ? starts[first] : text.size();
    const std::size_t end = last < starts.size() ? starts[last] : text.size();
    pieces.push_back(text.substr(begin, end - begin));
  }
  return pieces;
}

JsonValue turn_part(const std::string& turn_id, const char* type, const char* member, std::string value) {
  JsonValue data = JsonValue::object();
  data.set("turn_id", turn_id).set("type", type).set(member, std::move(value));
  return data;
}

// The turn as its stream opens: running, with the user's message only.
Turn opening(const Turn& turn) {
  Turn running = turn;
  running.status = TurnStatus::running;
  running.error.reset();
  running.messages.clear();
  if (!turn.messages.empty()) running.messages.push_back(turn.messages.front());
  return running;
}

}  // namespace

StreamEvent stream_event(std::string name, const JsonValue& data) {
  StreamEvent event;
  event.event = std::move(name);
  event.data = data.dump();
  return event;
}

std::vector<StreamEvent> stream_events(const Turn& turn, std::size_t text_deltas) {
  std::vector<StreamEvent> events;
  events.push_back(stream_event("turn.created", JsonValue::parse(to_json(opening(turn)))));
  if (const Message* answer = turn.answer()) {
    for (const Part& part : answer->parts) {
      if (part.reasoning)
        events.push_back(stream_event("part.reasoning", turn_part(turn.id, "reasoning", "reasoning", *part.reasoning)));
      if (part.tool_call) {
        JsonValue data = JsonValue::object();
        data.set("turn_id", turn.id).set("tool_call", JsonValue::parse(to_json(*part.tool_call)));
        events.push_back(stream_event("tool_call.progress", data));
      }
    }
  }
  const std::string text = turn.final_answer();
  if (!text.empty()) {
    for (std::string& piece : pieces_of(text, text_deltas == 0 ? 1 : text_deltas))
      events.push_back(stream_event("part.delta", turn_part(turn.id, "text", "delta", std::move(piece))));
  }
  events.push_back(stream_event("turn.completed", JsonValue::parse(to_json(turn))));
  events.push_back(stream_event("done", JsonValue::object()));
  return events;
}

}  // namespace paradigm::testing
