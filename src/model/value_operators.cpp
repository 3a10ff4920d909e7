// ==, != and << of the value types (<paradigm/value_operators.hpp>), from
// their field descriptions: a field added to a description is compared and
// printed without another line here.

#include <paradigm/model_types.hpp>

#include "json/model_fields.hpp"
#include "json/value_fields.hpp"
#include "json/writer.hpp"

#include <ostream>
#include <type_traits>
#include <vector>

namespace paradigm::detail {

namespace {

template <class T, class = void>
struct HasExtra : std::false_type {};
template <class T>
struct HasExtra<T, std::void_t<decltype(std::declval<const T&>().extra)>> : std::true_type {};
template <class T, class = void>
struct HasExtraBody : std::false_type {};
template <class T>
struct HasExtraBody<T, std::void_t<decltype(std::declval<const T&>().extra_body)>> : std::true_type {};

// The address of every field a description visits, in its order.
class FieldAddresses {
 public:
  explicit FieldAddresses(std::vector<const void*>& out) noexcept : out_(out) {}
  template <class Field>
  bool operator()(const char*, const Field& field) const {
    out_.push_back(&field);
    return false;
  }
  template <class Kind, class T>
  bool operator()(const char*, const Marked<Kind, T>& field) const {
    out_.push_back(&field.target);
    return false;
  }

 private:
  std::vector<const void*>& out_;
};

// Compares each field with the same field of another value (the description
// visits both in one order, so the n-th address holds the same type); stops
// at the first difference.
class FieldsEqual {
 public:
  FieldsEqual(const std::vector<const void*>& other, std::size_t& next, bool& equal) noexcept
      : other_(other), next_(next), equal_(equal) {}
  template <class Field>
  bool operator()(const char*, const Field& field) const {
    return differ(field, *static_cast<const Field*>(other_[next_++]));
  }
  template <class Kind, class T>
  bool operator()(const char*, const Marked<Kind, T>& field) const {
    return differ(field.target, *static_cast<const std::remove_const_t<T>*>(other_[next_++]));
  }

 private:
  template <class Value>
  bool differ(const Value& a, const Value& b) const {
    equal_ = a == b;
    return !equal_;
  }

  const std::vector<const void*>& other_;
  std::size_t& next_;
  bool& equal_;
};

template <class T>
bool equal_values(const T& a, const T& b) {
  if (&a == &b) return true;
  std::vector<const void*> b_fields;
  fields(FieldAddresses(b_fields), b, Of<T>{});
  std::size_t next = 0;
  bool equal = true;
  fields(FieldsEqual(b_fields, next, equal), a, Of<T>{});
  if (!equal) return false;
  if constexpr (HasExtra<T>::value) {
    return a.extra == b.extra;
  } else if constexpr (HasExtraBody<T>::value) {
    return a.extra_body == b.extra_body;
  } else {
    return true;
  }
}

// Text from a caller may not be valid UTF-8: printed with U+FFFD, never thrown.
std::string dump_lenient(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const char* kind_name(TurnProgress::Kind kind) {
  switch (kind) {
    case TurnProgress::Kind::reasoning:
      return "reasoning";
    case TurnProgress::Kind::tool_started:
      return "tool_started";
    case TurnProgress::Kind::tool_step:
      return "tool_step";
    case TurnProgress::Kind::tool_finished:
      return "tool_finished";
    case TurnProgress::Kind::text:
      return "text";
    case TurnProgress::Kind::terminal:
      return "terminal";
    case TurnProgress::Kind::other:
      return "other";
  }
  return "?";
}

template <class T>
Json printable(const T& value);

// What the writer of the model does not write: the value types' own members.
template <class Field>
void put_value(Json& object, const char* name, const Field& field) {
  put(object, name, field);
}
void put_value(Json& object, const char* name, std::uint64_t value) {
  object[name] = value;
}
void put_value(Json& object, const char* name, const std::optional<std::uint64_t>& value) {
  if (value) object[name] = *value;
}
void put_value(Json& object, const char* name, const QueryParams& params) {
  Json pairs = Json::array();
  for (const auto& [key, value] : params)
    pairs.push_back(Json::array({key, value}));
  object[name] = std::move(pairs);
}
void put_value(Json& object, const char* name, TurnProgress::Kind kind) {
  object[name] = kind_name(kind);
}
void put_value(Json& object, const char* name, const std::optional<StreamEvent>& event) {
  if (event) object[name] = printable(*event);
}

class ValueWriter {
 public:
  explicit ValueWriter(Json& object) noexcept : object_(object) {}
  template <class Field>
  bool operator()(const char* name, const Field& field) const {
    put_value(object_, name, field);
    return false;
  }

 private:
  Json& object_;
};

template <class T>
Json printable(const T& value) {
  if constexpr (is_model_type_v<T>) {
    return encode(value);
  } else if constexpr (is_request_type_v<T>) {
    try {
      return encode(value);
    } catch (const std::exception&) {
      // An extra_body that is not an object: shown as it is.
      Json object = Json::object();
      write_fields(object, value);
      object["extra_body"] = value.extra_body.nlohmann();
      return object;
    }
  } else {
    Json object = Json::object();
    fields(ValueWriter(object), value, Of<T>{});
    return object;
  }
}

// The bytes of a download can be large and binary: their size and a start.
template <>
Json printable(const ArtifactContent& content) {
  constexpr std::size_t kShown = 64;
  Json object = Json::object();
  object["size"] = content.bytes.size();
  object["bytes"] = content.bytes.size() <= kShown ? content.bytes : content.bytes.substr(0, kShown) + "...";
  object["info"] = printable(content.info);
  return object;
}

template <class T>
std::ostream& print(std::ostream& out, const T& value) {
  return out << dump_lenient(printable(value));
}

}  // namespace

}  // namespace paradigm::detail

namespace paradigm {

#define PARADIGM_DEFINE_VALUE_OPERATORS(Type)                      \
  bool operator==(const Type& a, const Type& b) {                  \
    return detail::equal_values(a, b);                             \
  }                                                                \
  std::ostream& operator<<(std::ostream& out, const Type& value) { \
    return detail::print(out, value);                              \
  }
PARADIGM_MODEL_TYPES(PARADIGM_DEFINE_VALUE_OPERATORS)
PARADIGM_REQUEST_TYPES(PARADIGM_DEFINE_VALUE_OPERATORS)
PARADIGM_VALUE_TYPES(PARADIGM_DEFINE_VALUE_OPERATORS)
#undef PARADIGM_DEFINE_VALUE_OPERATORS

#define PARADIGM_DEFINE_ENUM_PRINTER(Enum)                  \
  std::ostream& operator<<(std::ostream& out, Enum value) { \
    return out << OpenEnum<Enum>(value);                    \
  }
PARADIGM_DEFINE_ENUM_PRINTER(TurnStatus)
PARADIGM_DEFINE_ENUM_PRINTER(PartType)
PARADIGM_DEFINE_ENUM_PRINTER(Role)
PARADIGM_DEFINE_ENUM_PRINTER(ToolType)
PARADIGM_DEFINE_ENUM_PRINTER(WorkspaceType)
#undef PARADIGM_DEFINE_ENUM_PRINTER

std::ostream& operator<<(std::ostream& out, TurnProgress::Kind kind) {
  return out << detail::kind_name(kind);
}

std::ostream& operator<<(std::ostream& out, const Timestamp& value) {
  return out << value.to_string();
}

std::ostream& operator<<(std::ostream& out, const JsonValue& value) {
  return out << detail::dump_lenient(value.nlohmann());
}

}  // namespace paradigm
