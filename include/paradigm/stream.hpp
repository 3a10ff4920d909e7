#pragma once

#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/value_operators.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace paradigm {

/// One Server-Sent Event of a streamed turn, as received. The server's event
/// vocabulary is not published, so the SDK hands over every event unchanged.
struct PARADIGM_API StreamEvent {
  /// The `event:` field; "message" when absent.
  std::string event = "message";
  /// The `data:` lines joined with '\n'.
  std::string data;
  /// The `id:` field, when present.
  std::optional<std::string> id;

  /// `data` parsed as JSON. Throws DecodeError when it is not JSON (or is
  /// nested deeper than 256 levels).
  JsonValue json() const;
  /// `data` parsed as JSON, or nullopt when `json()` would throw.
  std::optional<JsonValue> try_json() const;
};

/// Receives each event in order, as soon as it arrives; return false to stop.
using StreamHandler = std::function<bool(const StreamEvent&)>;

/// Receives answer text as it is generated.
using TextHandler = std::function<void(std::string_view delta)>;

/// The answer text an event carries, if it has a recognisable shape: JSON with a
/// string `delta` or `text` (also under `data`, `part` or `content`), or a text
/// part. Reasoning, tool calls, whole turns and unknown shapes give nullopt.
PARADIGM_API std::optional<std::string> text_delta(const StreamEvent& event);

/// A StreamHandler that passes each text delta to `on_text` and never stops.
/// Text that arrives only in a final turn (no deltas before) is passed once.
PARADIGM_API StreamHandler on_text(TextHandler on_text);

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(StreamEvent);

}  // namespace paradigm
