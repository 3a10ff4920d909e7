// A streamed turn, in a plausible vocabulary (the real one is not published):
//
//   event: turn.created        data: the running turn (ids, the user's message)
//   event: part.reasoning      data: {"turn_id", "type": "reasoning", "reasoning"}
//   event: tool_call.progress  data: {"turn_id", "tool_call": {... steps so far}}   (per step)
//   event: part.delta          data: {"turn_id", "type": "text", "delta"}          (several)
//   event: turn.completed      data: the final turn, as GET returns it afterwards
//   event: done                data: {}
//
// The SDK must not depend on these names; they only make the tests realistic.
#include "context.hpp"

namespace paradigm::mock {

namespace {

using Clock = std::chrono::steady_clock;

struct Event {
  std::string name;
  json data;  // null for turn.completed: taken from the store when sent
};

// Splits text into `count` pieces on UTF-8 boundaries (empty pieces when the text is short).
std::vector<std::string> split_text(const std::string& text, int count) {
  std::vector<std::string> pieces;
  std::size_t at = 0;
  for (int i = 0; i < count; ++i) {
    std::size_t end = i + 1 == count ? text.size() : text.size() * static_cast<std::size_t>(i + 1) / count;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      ++end;
    end = std::max(end, at);
    pieces.push_back(text.substr(at, end - at));
    at = end;
  }
  return pieces;
}

std::vector<Event> plan_events(const TurnRecord& turn, const std::vector<json>& tool_progress,
                               int delta_events) {
  std::vector<Event> events;
  events.push_back({"turn.created",
                    {{"id", turn.id},
                     {"object", "turn"},
                     {"thread", turn.thread_id},
                     {"status", "running"},
                     {"messages", json::array({turn.user_message})},
                     {"created_at", turn.created_at}}});
  std::string text;
  for (const auto& part : turn.assistant_message["parts"]) {
    if (part["type"] == "reasoning") {
      events.push_back({"part.reasoning",
                        {{"turn_id", turn.id}, {"type", "reasoning"}, {"reasoning", part["reasoning"]}}});
    }
    if (part["type"] == "text") text = part["text"];
  }
  for (const auto& call : tool_progress)
    events.push_back({"tool_call.progress", {{"turn_id", turn.id}, {"tool_call", call}}});
  for (const auto& piece : split_text(text, std::max(1, delta_events))) {
    events.push_back({"part.delta", {{"turn_id", turn.id}, {"type", "text"}, {"delta", piece}}});
  }
  events.push_back({"turn.completed", nullptr});
  events.push_back({"done", json::object()});
  return events;
}

std::string format_event(const std::string& name, const std::string& data, const StreamOptions& options) {
  const char* eol = options.crlf ? "\r\n" : "\n";
  std::string out;
  if (options.heartbeats) out += std::string(": ping") + eol;
  out += "event: " + name + eol + "data: " + data + eol + eol;
  return out;
}

bool write(httplib::DataSink& sink, const std::string& bytes, bool one_byte_chunks) {
  if (!sink.is_writable()) return false;
  if (!one_byte_chunks) return sink.write(bytes.data(), bytes.size());
  for (char c : bytes) {
    if (!sink.write(&c, 1)) return false;
  }
  return true;
}

// Finishes the stored turn and returns it as GET would show it.
json finish_turn(Context& context, const std::string& turn_id, bool failed) {
  std::lock_guard<std::mutex> lock(context.store.mutex);
  TurnRecord& turn = context.store.turns.at(turn_id);
  turn.forced_done = true;
  if (failed) {
    turn.final_status = "failed";
    turn.error = {{"code", "stream_error"}, {"message", "The agent failed while streaming (mock)."}};
  }
  context.store.changed.notify_all();
  return context.store.turn_json(turn, context.now(), context.config().cancel_delay);
}

}  // namespace

void stream_turn(Context& context, httplib::Response& res, const std::string& turn_id,
                 const std::vector<json>& tool_progress, const StreamOptions& options) {
  std::vector<Event> planned;
  {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    planned = plan_events(context.store.turns.at(turn_id), tool_progress, options.delta_events);
  }
  auto events = std::make_shared<std::vector<Event>>(std::move(planned));
  res.set_header("Cache-Control", "no-cache");
  res.set_chunked_content_provider(
      "text/event-stream", [&context, turn_id, events, options](std::size_t, httplib::DataSink& sink) {
        for (std::size_t i = 0; i < events->size(); ++i) {
          if (i > 0 && options.pause.count() > 0 && !context.pause(options.pause)) return false;
          if (options.drop_after_events && static_cast<int>(i) == *options.drop_after_events) return false;
          if (options.error_after_events && static_cast<int>(i) == *options.error_after_events) {
            finish_turn(context, turn_id, true);
            const std::string error = format_event("error", R"({"detail": "mock stream error"})", options);
            if (!write(sink, error, options.one_byte_chunks)) return false;
            sink.done();
            return true;
          }
          Event& event = (*events)[i];
          json data =
              event.name == "turn.completed" ? finish_turn(context, turn_id, false) : std::move(event.data);
          if (options.stamp_events) {
            data["sent_at_ns"] =
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
          }
          if (!write(sink, format_event(event.name, data.dump(), options), options.one_byte_chunks))
            return false;
        }
        sink.done();
        return true;
      });
}

}  // namespace paradigm::mock
