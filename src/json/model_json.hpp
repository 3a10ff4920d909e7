#pragma once

// Internal JSON mapping of the model: the only place that knows both the
// model structs and nlohmann::json. Public callers go through serialize.hpp.

#include <paradigm/model_types.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace paradigm::detail {

/// Deepest nesting accepted in a document (deeper input is a DecodeError, so
/// that nothing later recurses without bound).
inline constexpr int kMaxJsonDepth = 256;

/// Parses JSON text. Throws DecodeError on malformed input or nesting deeper
/// than kMaxJsonDepth; the error keeps the raw text.
nlohmann::json parse_json(std::string_view text);
/// The same without an exception: a discarded value (`is_discarded()`) when
/// `text` is not JSON or is nested too deep, as nlohmann's own parse gives
/// with exceptions off. Every other JSON text the library reads (event data,
/// error bodies) goes through this, so that one lexer is compiled.
nlohmann::json try_parse_json(std::string_view text);

/// Maps a parsed document into a model type. Takes the document by rvalue and
/// moves strings and free-form subtrees out of it. Throws DecodeError naming
/// the JSON path of the first problem (e.g. `messages[1].parts[0].tool_call`).
template <class T>
T decode(nlohmann::json&& json);

/// parse_json then decode; a DecodeError keeps the raw text.
template <class T>
T decode_text(std::string_view text);
// decode and decode_text exist for every type of PARADIGM_MODEL_TYPES and for
// std::vector<AgentTag> (decode.cpp instantiates them).

/// Maps a model type to JSON. Unset optionals are left out; `extra` members
/// are written back.
#define PARADIGM_DECLARE_ENCODE(Type) nlohmann::json encode(const Type& value);
PARADIGM_MODEL_TYPES(PARADIGM_DECLARE_ENCODE)
#undef PARADIGM_DECLARE_ENCODE

/// How the client sends a turn body (none of it is the caller's to choose).
struct TurnBodyOptions {
  /// Ask for an SSE answer: adds `"stream": true` (the client refuses a
  /// `stream` in `extra_body` before encoding).
  bool stream = false;
  /// Releases before Wise Wolf spell the workspace scope `workspaces_ids`.
  bool legacy_scope_names = false;
};

/// Maps a request to the body the client sends: only the fields set, then
/// `extra_body` on top.
nlohmann::json encode(const TurnRequest& value, const TurnBodyOptions& options = {});
nlohmann::json encode(const ThreadRequest& value);
nlohmann::json encode(const ThreadUpdate& value);

/// Serialises a request body; throws InvalidRequestError when a caller's
/// string is not valid UTF-8 (it would reach the server altered).
std::string dump_request(const nlohmann::json& json);

}  // namespace paradigm::detail
