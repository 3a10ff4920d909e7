// JSON text to a DOM, refusing nesting deeper than kMaxJsonDepth while
// parsing, so that no later recursion (dump, ==, destruction, our decoders)
// can run out of stack on hostile input, and values that would take more
// memory than the budget (a few bytes of text can take 30 times as much once
// parsed). Every JSON text the library reads goes through here: one parser,
// and one compiled copy of nlohmann's lexer.

#include <paradigm/errors.hpp>

#include "json/model_json.hpp"

#include <string>
#include <vector>

namespace paradigm::detail {

using Json = nlohmann::json;  // as in json/reader.hpp and json/writer.hpp

namespace {

constexpr std::size_t kMaxRawInError = std::size_t{1} << 20;

// A std::string holds up to 15 bytes in itself; past that, on the heap.
std::size_t heap_bytes(std::size_t length) {
  return length > 15 ? length + 17 : 0;
}

// The same DOM builder as nlohmann's own (json::parse uses one like it over
// the same SAX parser, so speed is unchanged), plus a depth counter and the
// memory its values take (json_value_cost), within a budget.
class DepthLimitedBuilder {
 public:
  DepthLimitedBuilder(Json& root, std::size_t budget) : root_(root), budget_(budget) { stack_.reserve(32); }

  bool null() { return add(nullptr); }
  bool boolean(bool value) { return add(value); }
  bool number_integer(Json::number_integer_t value) { return add(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return add(value); }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return add(value); }
  bool string(Json::string_t& value) { return spend(48 + heap_bytes(value.size())) && add(value); }
  bool binary(Json::binary_t& value) {
    return spend(48 + value.size()) && add(Json::binary(std::move(value)));
  }

  bool start_object(std::size_t) { return spend(64) && open(Json::value_t::object); }
  bool key(Json::string_t& name) {
    key_bytes_ = name.size();
    member_ = &(*stack_.back())[name];
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return spend(32) && open(Json::value_t::array); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t, const std::string&, const Json::exception& error) {
    error_ = error.what();
    return false;
  }

  bool too_deep() const noexcept { return too_deep_; }
  bool over_budget() const noexcept { return over_budget_; }
  const std::string& error() const noexcept { return error_; }

 private:
  // Counts what a value of that kind takes besides its place in its parent.
  bool spend(std::size_t bytes) {
    cost_ += bytes;
    over_budget_ = over_budget_ || cost_ > budget_;
    return !over_budget_;
  }

  template <class Value>
  bool add(Value&& value) {
    const bool in_object = !stack_.empty() && stack_.back()->is_object();
    if (!spend(json_value_cost(in_object ? key_bytes_ : 0, in_object))) return false;
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
    const bool in_object = !stack_.empty() && stack_.back()->is_object();
    if (!spend(json_value_cost(in_object ? key_bytes_ : 0, in_object))) return false;
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
  std::size_t key_bytes_ = 0;
  std::size_t budget_;
  std::size_t cost_ = 0;
  bool too_deep_ = false;
  bool over_budget_ = false;
  std::string error_;
};

// "[json.exception.parse_error.101] parse error at line 1, ..." without the tag.
std::string readable(const std::string& what) {
  const auto tag_end = what.find("] ");
  return tag_end == std::string::npos ? what : what.substr(tag_end + 2);
}

// Frees a DOM without nlohmann's destructor, which first moves the values of
// its containers onto a stack of its own: as much memory again, for a DOM
// refused for taking too much. Recursion is bounded by kMaxJsonDepth.
void release(Json& value) {
  if (value.is_array()) {
    auto& elements = value.get_ref<Json::array_t&>();
    for (; !elements.empty(); elements.pop_back())
      release(elements.back());
  } else if (value.is_object()) {
    auto& members = value.get_ref<Json::object_t&>();
    for (auto it = members.begin(); it != members.end(); it = members.erase(it))
      release(it->second);
  }
  value = nullptr;
}

// Parses `text` into `root`; on failure the builder says why, and what was
// built of `root` is freed.
bool parse_into(std::string_view text, Json& root, DepthLimitedBuilder& builder) {
  const char* begin = text.data();
  if (Json::sax_parse(begin, begin + text.size(), &builder)) return true;
  release(root);
  return false;
}

}  // namespace

std::size_t json_value_cost(std::size_t key_bytes, bool in_object) {
  return in_object ? 96 + heap_bytes(key_bytes) : 32;
}

std::string raw_excerpt(std::string_view text) {
  return std::string(text.substr(0, kMaxRawInError));
}

nlohmann::json try_parse_json(std::string_view text, std::size_t budget) {
  Json root;
  DepthLimitedBuilder builder(root, budget);
  if (parse_into(text, root, builder)) return root;  // moved, not copied (a ?: would copy it)
  return Json(Json::value_t::discarded);
}

nlohmann::json parse_json(std::string_view text, std::size_t budget) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw DecodeError("malformed JSON: empty document", "", std::string(text));
  }
  Json root;
  DepthLimitedBuilder builder(root, budget);
  if (parse_into(text, root, builder)) return root;
  if (builder.too_deep()) {
    throw DecodeError("malformed JSON: nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels", "",
                      raw_excerpt(text));
  }
  if (builder.over_budget()) {
    throw DecodeError("JSON too large once parsed: its values would take more than " +
                          std::to_string(budget) + " bytes of memory (max_response_bytes)",
                      "", raw_excerpt(text));
  }
  throw DecodeError("malformed JSON: " + readable(builder.error()), "", raw_excerpt(text));
}

}  // namespace paradigm::detail
