// JSON text to a DOM, refusing nesting deeper than kMaxJsonDepth while
// parsing, so that no later recursion (dump, ==, destruction, our decoders)
// can run out of stack on hostile input. Every JSON text the library reads
// goes through here: one parser, and one compiled copy of nlohmann's lexer.

#include <paradigm/errors.hpp>

#include "json/model_json.hpp"

#include <string>
#include <vector>

namespace paradigm::detail {

using Json = nlohmann::json;  // as in json/reader.hpp and json/writer.hpp

namespace {

// The same DOM builder as nlohmann's own (json::parse uses one like it over
// the same SAX parser, so speed is unchanged), plus a depth counter.
class DepthLimitedBuilder {
 public:
  explicit DepthLimitedBuilder(Json& root) : root_(root) { stack_.reserve(32); }

  bool null() { return add(nullptr); }
  bool boolean(bool value) { return add(value); }
  bool number_integer(Json::number_integer_t value) { return add(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return add(value); }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return add(value); }
  bool string(Json::string_t& value) { return add(value); }
  bool binary(Json::binary_t& value) { return add(Json::binary(std::move(value))); }

  bool start_object(std::size_t) { return open(Json::value_t::object); }
  bool key(Json::string_t& name) {
    member_ = &(*stack_.back())[name];
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(Json::value_t::array); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t, const std::string&, const Json::exception& error) {
    error_ = error.what();
    return false;
  }

  bool too_deep() const noexcept { return too_deep_; }
  const std::string& error() const noexcept { return error_; }

 private:
  template <class Value>
  bool add(Value&& value) {
    place(std::forward<Value>(value));
    return true;
  }

  template <class Value>
  Json* place(Value&& value) {
    if (stack_.empty()) {
      root_ = Json(std::forward<Value>(value));
      return &root_;
    }
    Json& parent = *stack_.back();
    if (parent.is_array()) {
      auto& elements = parent.get_ref<Json::array_t&>();
      elements.emplace_back(std::forward<Value>(value));
      return &elements.back();
    }
    *member_ = Json(std::forward<Value>(value));
    return member_;
  }

  bool open(Json::value_t type) {
    if (stack_.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      too_deep_ = true;
      return false;
    }
    stack_.push_back(place(type));
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  Json& root_;
  std::vector<Json*> stack_;
  Json* member_ = nullptr;
  bool too_deep_ = false;
  std::string error_;
};

// "[json.exception.parse_error.101] parse error at line 1, ..." without the tag.
std::string readable(const std::string& what) {
  const auto tag_end = what.find("] ");
  return tag_end == std::string::npos ? what : what.substr(tag_end + 2);
}

// Parses `text` into the builder's root; on failure the builder says why.
bool parse_into(std::string_view text, DepthLimitedBuilder& builder) {
  const char* begin = text.data();
  return Json::sax_parse(begin, begin + text.size(), &builder);
}

}  // namespace

nlohmann::json try_parse_json(std::string_view text) {
  Json root;
  DepthLimitedBuilder builder(root);
  return parse_into(text, builder) ? root : Json(Json::value_t::discarded);
}

nlohmann::json parse_json(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw DecodeError("malformed JSON: empty document", "", std::string(text));
  }
  Json root;
  DepthLimitedBuilder builder(root);
  if (parse_into(text, builder)) return root;
  if (builder.too_deep()) {
    throw DecodeError("malformed JSON: nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels", "",
                      std::string(text));
  }
  throw DecodeError("malformed JSON: " + readable(builder.error()), "", std::string(text));
}

}  // namespace paradigm::detail
