#pragma once

// Internal JSON mapping of the model: the only place that knows both the
// model structs and nlohmann::json. Public callers go through serialize.hpp.

#include <paradigm/model_types.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// Deepest nesting accepted in a document (deeper input is a DecodeError, so
/// that nothing later recurses without bound).
inline constexpr int kMaxJsonDepth = 256;

/// What the values of a parsed document may take by default, in bytes: the
/// default max_response_bytes. A client's answers and events are parsed
/// within its own max_response_bytes; this bounds the other parses
/// (JsonValue::parse, from_json, the events a handler parses).
inline constexpr std::size_t kDefaultJsonBudget = std::size_t{256} << 20;

/// The memory a document's values take once parsed is estimated while
/// parsing, value by value (a few small values can take 30 times the bytes
/// of their text): past the budget, parsing stops.
///
/// Per value: 32 bytes in an array (its slot, and the array's room to grow),
/// 96 as an object's member (its tree node) plus its key past 15 bytes; a
/// string 48 more plus its bytes past 15; an object 64 more, an array 32.
/// Never less than what nlohmann's DOM takes with libstdc++ and glibc, nor
/// more than twice that (json_budget_test.cpp measures it).
std::size_t json_value_cost(std::size_t key_bytes, bool in_object);

/// Parses JSON text. Throws DecodeError on malformed input, nesting deeper
/// than kMaxJsonDepth, or values that would take more than `budget` bytes
/// (see json_value_cost); the error keeps the raw text (raw_excerpt).
nlohmann::json parse_json(std::string_view text, std::size_t budget = kDefaultJsonBudget);
/// The same without an exception: a discarded value (`is_discarded()`) when
/// `text` is not JSON, is nested too deep or is over the budget, as
/// nlohmann's own parse gives with exceptions off. Every other JSON text the
/// library reads (event data, error bodies) goes through this, so that one
/// lexer is compiled.
nlohmann::json try_parse_json(std::string_view text, std::size_t budget = kDefaultJsonBudget);

/// What a DecodeError keeps of the text it failed on: all of it up to 1 MiB,
/// its first MiB otherwise (the error must not double the memory of a large answer).
std::string raw_excerpt(std::string_view text);

/// Maps a parsed document into a model type. Takes the document by rvalue and
/// moves strings and free-form subtrees out of it. Throws DecodeError naming
/// the JSON path of the first problem (e.g. `messages[1].parts[0].tool_call`).
template <class T>
T decode(nlohmann::json&& json);

/// parse_json (within `budget`) then decode; a DecodeError keeps the raw text.
template <class T>
T decode_text(std::string_view text, std::size_t budget = kDefaultJsonBudget);
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
