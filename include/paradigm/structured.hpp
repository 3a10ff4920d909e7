#pragma once

// Structured output into your own types. Describe a struct once; the SDK
// derives the JSON Schema it sends as `response_format` and reads the answer
// back into the struct, checking it against that schema.
//
//     enum class Continent { europe, asia, africa };
//     PARADIGM_STRUCTURED_ENUM(Continent, europe, asia, africa)
//
//     struct Capital {
//       std::string city;
//       std::string country;
//       Continent continent;
//       std::optional<std::int64_t> population;   // optional: not `required`
//     };
//     PARADIGM_STRUCTURED(Capital, city, country, continent, population)
//     PARADIGM_DESCRIBE(Capital, population, "Inhabitants of the city proper")
//
//     paradigm::Structured<Capital> answer = client.create_thread_with_turn<Capital>(request);
//     if (answer.value) std::cout << answer.value->city << '\n';
//
// Members may be std::string, bool, integers, floating point, described enums
// (string enums), std::vector, std::optional, paradigm::JsonValue (any JSON)
// and other described structs. The macros go at namespace scope, in the
// type's own namespace, right after the type, without a semicolon (like
// nlohmann's NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE). See docs/structured-output.md.

#include <paradigm/errors.hpp>
#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/structured_detail.hpp>
#include <paradigm/turn.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

/// Describes the members of struct `Type` (1 to 64 of them, by name): each is
/// a property of its schema, `required` unless it is a std::optional.
#define PARADIGM_STRUCTURED(Type, ...)                                               \
  template <class ParadigmVisitor>                                                   \
  void paradigm_structured_members(ParadigmVisitor& paradigm_visitor, const Type*) { \
    PARADIGM_DETAIL_FOR_EACH(PARADIGM_DETAIL_MEMBER, Type, __VA_ARGS__)              \
  }

/// Describes enum `Enum` as a JSON string enum of its values' names, as written.
#define PARADIGM_STRUCTURED_ENUM(Enum, ...)                                                  \
  inline const ::paradigm::detail::EnumValues<Enum>& paradigm_structured_enum(const Enum*) { \
    static const ::paradigm::detail::EnumValues<Enum> paradigm_values{                       \
        PARADIGM_DETAIL_FOR_EACH(PARADIGM_DETAIL_ENUM_VALUE, Enum, __VA_ARGS__)};            \
    return paradigm_values;                                                                  \
  }

/// A `description` for member `member` of described struct `Type` (tells the
/// model what to put there). A misspelt member is a compile error.
#define PARADIGM_DESCRIBE(Type, member, text)                                                     \
  inline const char* paradigm_structured_description(const Type*,                                 \
                                                     ::paradigm::detail::Member<&Type::member>) { \
    return text;                                                                                  \
  }

/// A `description` for the described struct or enum `Type` itself.
#define PARADIGM_DESCRIBE_TYPE(Type, text)                          \
  inline const char* paradigm_structured_description(const Type*) { \
    return text;                                                    \
  }

namespace paradigm {

/// The JSON Schema of a described type, as the typed calls send it in
/// `response_format`. Built once per type; copies are cheap.
template <class T>
JsonValue schema_of() {
  static const JsonValue schema = detail::Structure<T>::schema();
  return schema;
}

/// The answer of a turn could not be read as the type asked for: it is not
/// JSON, it does not match the type's schema (path() names the member, e.g.
/// `cities[2].name`; raw() is the answer's text), or the turn has no answer
/// (it is not completed). The turn itself stays reachable.
class PARADIGM_API StructuredOutputError : public DecodeError {
 public:
  StructuredOutputError(const std::string& message, std::string path, std::string raw, const Turn& turn);
  /// The turn whose answer it is.
  const Turn& turn() const noexcept { return *turn_; }

 private:
  std::shared_ptr<const Turn> turn_;
};

/// A turn and its answer read as a T.
template <class T>
struct Structured {
  Turn turn;
  /// The answer, once the turn completed. Empty while the turn runs (a
  /// background turn: wait for it with `wait_for_turn<T>`) and when it failed
  /// or was cancelled (see `turn.status` and `turn.error`).
  std::optional<T> value;
};

/// `text` parsed as JSON and checked against `schema`, for a schema known only
/// at run time (parse<T> does the same with schema_of<T>()). A null member that
/// is not required counts as absent; a ```json fence around the JSON is
/// accepted, as models not guided by a schema often add one. Throws
/// DecodeError with the path of the first mismatch and the text as raw().
PARADIGM_API JsonValue parse_checked(std::string_view text, const JsonValue& schema);

/// The final answer of `turn` parsed and checked the same way. Throws
/// StructuredOutputError (carrying the turn) when the turn is not completed
/// or its answer does not match.
PARADIGM_API JsonValue parse_checked(const Turn& turn, const JsonValue& schema);

/// Reads JSON text as a T, checked against schema_of<T>(). Throws DecodeError
/// (path() names the first mismatching member, raw() keeps the text).
template <class T>
T parse(std::string_view json) {
  return detail::Structure<T>::read(parse_checked(json, schema_of<T>()));
}

/// Reads the final answer of a completed turn as a T, e.g. after
/// `wait_for_turn`. Throws StructuredOutputError when the turn is not
/// completed or its answer does not match.
template <class T>
T parse(const Turn& turn) {
  return detail::Structure<T>::read(parse_checked(turn, schema_of<T>()));
}

namespace detail {

/// The turn with its answer read when it completed: what the typed calls return.
template <class T>
Structured<T> structured(Turn turn) {
  Structured<T> result{std::move(turn), std::nullopt};
  if (result.turn.status == TurnStatus::completed) result.value = parse<T>(result.turn);
  return result;
}

/// The request with `response_format` = schema_of<T>(), unless the caller set
/// one (e.g. with constraints of its own: the answer is still read as a T).
template <class T>
TurnRequest with_response_format(const TurnRequest& request) {
  TurnRequest typed_request = request;
  if (typed_request.response_format.is_null()) typed_request.response_format = schema_of<T>();
  return typed_request;
}

/// `on_event`, or a handler that takes every event when it is empty.
inline StreamHandler or_ignore(const StreamHandler& on_event) {
  if (on_event) return on_event;
  return [](const StreamEvent&) { return true; };
}

}  // namespace detail

}  // namespace paradigm
