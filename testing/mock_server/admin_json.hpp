#pragma once

// JSON forms of faults and configuration, for the admin routes and the
// paradigm-mock command line.

#include <paradigm/testing/mock_server.hpp>

#include <nlohmann/json.hpp>

namespace paradigm::mock {

/// Reads a Fault from {"method", "path_regex", "skip", "times", "delay_ms", "status",
/// "body", "content_type", "headers": {...}, "truncate_body_to", "pad_body_bytes",
/// "transport": "close_before_response"|..., "cut_after_bytes", "stall_ms",
/// "drip_bytes", "drip_interval_ms", "drop_stream_after_events"}; "transport" also
/// "close_after_handling". Throws nlohmann::json::exception on bad types.
Fault fault_from_json(const nlohmann::json& json);

/// Applies the members present in `json` to `config` ("turn_duration_ms",
/// "sync_timeout_ms", "cancel_delay_ms", "api_keys", "turn_route", "accepted_shape",
/// "fail_marker", "compress_json", "legacy_release", "honour_idempotency_key", and "stream": {"pause_ms",
/// "heartbeats", "crlf", "one_byte_chunks", "error_after_events", "drop_after_events", "answer_json_instead",
/// "delta_events", "stamp_events"}).
void apply_config_json(const nlohmann::json& json, MockConfig& config);

nlohmann::json request_to_json(const RecordedRequest& request);

/// {"thread_id", "turn_id", "query", "idempotency_key" (null when none), "request_id", "status", "replays"}.
nlohmann::json created_turn_to_json(const CreatedTurn& turn);

}  // namespace paradigm::mock
