#include "workflow/stream_sink.hpp"

#include "core/text.hpp"
#include "json/model_json.hpp"
#include "workflow/fetch.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {

void StreamSink::reset() {
  parser_ = SseParser(max_bytes_);
  json_.clear();
  status_ = 0;
  is_sse_ = false;
  turn_id_.clear();
}

bool StreamSink::on_head(int status, const Headers& headers) {
  status_ = status;
  const auto type = headers.get("content-type").value_or("");
  is_sse_ = iequals(trim(type.substr(0, type.find(';'))), "text/event-stream");
  return true;
}

bool StreamSink::on_data(std::string_view bytes) {
  if (!is_sse_) {
    if (json_.append(bytes)) return true;
    failure_ = response_too_large(max_bytes_);
    return false;
  }
  const bool go_on = parser_.feed(bytes, [this](const StreamEvent& event) { return dispatch(event); });
  // A server that never ends its event (or its line) must not take all the memory.
  if (!go_on && parser_.overflow() != SseParser::Overflow::none) failure_ = overflow_error();
  return go_on;
}

std::exception_ptr StreamSink::overflow_error() const {
  const std::string limit = "max_response_bytes (" + std::to_string(max_bytes_) + " bytes)";
  switch (parser_.overflow()) {
    case SseParser::Overflow::field:
      return std::make_exception_ptr(StreamError("an `event` or `id` field of the stream exceeds " +
                                                 std::to_string(SseParser::kMaxFieldBytes) + " bytes"));
    case SseParser::Overflow::line:
      return std::make_exception_ptr(StreamError("a line of the stream exceeds " + limit));
    default:
      return std::make_exception_ptr(StreamError("an event of the stream exceeds " + limit));
  }
}

void StreamSink::finish() {
  if (is_sse_ && !stopped_) parser_.finish([this](const StreamEvent& event) { return dispatch(event); });
}

bool StreamSink::dispatch(const StreamEvent& event) {
  ++events_;
  if (turn_id_.empty()) {
    learn_turn_id(event);
    if (!turn_id_.empty() && on_turn_id_) on_turn_id_(turn_id_);
  }
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
void StreamSink::learn_turn_id(const StreamEvent& event) {
  const auto json = try_parse_json(event.data, max_bytes_);
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

}  // namespace paradigm::detail
