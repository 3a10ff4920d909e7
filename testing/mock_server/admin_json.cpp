#include "admin_json.hpp"

#include <stdexcept>

namespace paradigm::mock {

using json = nlohmann::json;  // as in store.hpp

namespace {

using std::chrono::milliseconds;

TransportFault transport_from(const std::string& name) {
  if (name == "none") return TransportFault::none;
  if (name == "close_before_response") return TransportFault::close_before_response;
  if (name == "close_after_handling") return TransportFault::close_after_handling;
  if (name == "close_mid_body") return TransportFault::close_mid_body;
  if (name == "stall_before_response") return TransportFault::stall_before_response;
  if (name == "stall_mid_body") return TransportFault::stall_mid_body;
  if (name == "slow_drip") return TransportFault::slow_drip;
  throw std::invalid_argument("unknown transport fault: " + name);
}

template <class T>
void read(const json& in, const char* key, T& out) {
  if (in.contains(key)) out = in[key].get<T>();
}

void read_ms(const json& in, const char* key, milliseconds& out) {
  if (in.contains(key)) out = milliseconds(in[key].get<long long>());
}

void read_stream(const json& in, StreamOptions& stream) {
  read_ms(in, "pause_ms", stream.pause);
  read(in, "heartbeats", stream.heartbeats);
  read(in, "crlf", stream.crlf);
  read(in, "one_byte_chunks", stream.one_byte_chunks);
  if (in.contains("error_after_events")) stream.error_after_events = in["error_after_events"].get<int>();
  if (in.contains("drop_after_events")) stream.drop_after_events = in["drop_after_events"].get<int>();
  read(in, "answer_json_instead", stream.answer_json_instead);
  read(in, "delta_events", stream.delta_events);
  read(in, "stamp_events", stream.stamp_events);
}

}  // namespace

Fault fault_from_json(const json& in) {
  Fault fault;
  read(in, "method", fault.method);
  read(in, "path_regex", fault.path_regex);
  read(in, "skip", fault.skip);
  read(in, "times", fault.times);
  read_ms(in, "delay_ms", fault.delay);
  if (in.contains("status")) fault.status = in["status"].get<int>();
  if (in.contains("body")) fault.body = in["body"].get<std::string>();
  read(in, "content_type", fault.content_type);
  if (in.contains("headers")) {
    for (const auto& [name, value] : in["headers"].items())
      fault.headers.emplace_back(name, value.get<std::string>());
  }
  read(in, "redirect_to_same_url", fault.redirect_to_same_url);
  read(in, "truncate_body_to", fault.truncate_body_to);
  read(in, "pad_body_bytes", fault.pad_body_bytes);
  if (in.contains("transport")) fault.transport = transport_from(in["transport"].get<std::string>());
  read(in, "cut_after_bytes", fault.cut_after_bytes);
  read_ms(in, "stall_ms", fault.stall);
  read(in, "drip_bytes", fault.drip_bytes);
  read_ms(in, "drip_interval_ms", fault.drip_interval);
  if (in.contains("drop_stream_after_events"))
    fault.drop_stream_after_events = in["drop_stream_after_events"].get<int>();
  return fault;
}

void apply_config_json(const json& in, MockConfig& config) {
  read(in, "api_keys", config.api_keys);
  read_ms(in, "turn_duration_ms", config.turn_duration);
  read_ms(in, "sync_timeout_ms", config.sync_timeout);
  read_ms(in, "cancel_delay_ms", config.cancel_delay);
  read(in, "fail_marker", config.fail_marker);
  read(in, "compress_json", config.compress_json);
  read(in, "legacy_release", config.legacy_release);
  read(in, "honour_idempotency_key", config.honour_idempotency_key);
  if (in.contains("turn_route")) {
    const auto route = in["turn_route"].get<std::string>();
    config.turn_route = route == "method_not_allowed" ? TurnRoute::method_not_allowed
                        : route == "not_found"        ? TurnRoute::not_found
                                                      : TurnRoute::enabled;
  }
  if (in.contains("accepted_shape")) {
    config.accepted_shape = in["accepted_shape"] == "ids" ? AcceptedShape::ids : AcceptedShape::turn;
  }
  if (in.contains("stream")) read_stream(in["stream"], config.stream);
}

json request_to_json(const RecordedRequest& request) {
  json query = json::object();
  for (const auto& [key, value] : request.query)
    query[key] = value;
  json headers = json::object();
  for (const auto& [key, value] : request.headers)
    headers[key] = value;
  return {{"method", request.method},
          {"path", request.path},
          {"query", query},
          {"headers", headers},
          {"body", request.body},
          {"remote_port", request.remote_port},
          {"request_id", request.request_id}};
}

json created_turn_to_json(const CreatedTurn& turn) {
  return {{"thread_id", turn.thread_id},
          {"turn_id", turn.turn_id},
          {"query", turn.query},
          {"idempotency_key", turn.idempotency_key ? json(*turn.idempotency_key) : json(nullptr)},
          {"request_id", turn.request_id},
          {"status", turn.status},
          {"replays", turn.replays}};
}

}  // namespace paradigm::mock
