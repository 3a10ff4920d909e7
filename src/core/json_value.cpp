#include <paradigm/errors.hpp>
#include <paradigm/json_value.hpp>

#include "json/model_json.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <limits>

#if defined(__SANITIZE_THREAD__)
#define PARADIGM_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PARADIGM_THREAD_SANITIZER 1
#endif
#endif
#ifndef PARADIGM_THREAD_SANITIZER
#define PARADIGM_THREAD_SANITIZER 0
#endif

namespace paradigm {

namespace {

using Json = nlohmann::json;

// Nodes are created mutable and only handed out as const; mutable_node() may
// then write through a uniquely owned pointer without undefined behaviour.
std::shared_ptr<const Json> make_node(Json value) {
  if (value.is_null()) return nullptr;
  return std::make_shared<Json>(std::move(value));
}

const Json& null_json() noexcept {
  static const Json null_value;
  return null_value;
}

// True when `node` is the only owner of its tree. use_count() is a relaxed
// load; the fence orders our coming writes after the reads another owner made
// before it released its reference (libstdc++ releases with acq_rel).
bool is_sole_owner(const std::shared_ptr<const Json>& node) noexcept {
#if PARADIGM_THREAD_SANITIZER
  // TSan cannot model fences: always copy under it (same results, slower).
  (void)node;
  return false;
#else
  if (node.use_count() != 1) return false;
  std::atomic_thread_fence(std::memory_order_acquire);
  return true;
#endif
}

// Moves the tree out of a node nobody else shares; copies it otherwise.
Json take_tree(std::shared_ptr<const Json>& node) {
  if (!node) return Json();
  if (!is_sole_owner(node)) return *node;
  Json tree = std::move(const_cast<Json&>(*node));  // NOLINT: unique and created mutable
  node.reset();
  return tree;
}

}  // namespace

JsonValue::JsonValue(bool value) : node_(make_node(Json(value))) {}
JsonValue::JsonValue(SignedInteger value) : node_(make_node(Json(value.value))) {}
JsonValue::JsonValue(UnsignedInteger value) : node_(make_node(Json(value.value))) {}
JsonValue::JsonValue(double value) : node_(make_node(Json(value))) {}
JsonValue::JsonValue(const char* value) : node_(value ? make_node(Json(value)) : nullptr) {}
JsonValue::JsonValue(std::string value) : node_(make_node(Json(std::move(value)))) {}
JsonValue::JsonValue(std::string_view value) : node_(make_node(Json(std::string(value)))) {}
JsonValue::JsonValue(const nlohmann::json& value) : node_(make_node(value)) {}
JsonValue::JsonValue(nlohmann::json&& value) : node_(make_node(std::move(value))) {}

JsonValue JsonValue::parse(std::string_view text) {
  return JsonValue(detail::parse_json(text));
}

JsonValue JsonValue::object() {
  return JsonValue(std::shared_ptr<const Json>(std::make_shared<Json>(Json::object())));
}

JsonValue JsonValue::array() {
  return JsonValue(std::shared_ptr<const Json>(std::make_shared<Json>(Json::array())));
}

std::string JsonValue::dump(int indent) const {
  // Strings set by callers may hold invalid UTF-8; print U+FFFD rather than throw.
  return nlohmann().dump(indent, ' ', false, Json::error_handler_t::replace);
}

const nlohmann::json& JsonValue::nlohmann() const noexcept {
  return node_ ? *node_ : null_json();
}

bool JsonValue::is_null() const noexcept {
  return nlohmann().is_null();
}
bool JsonValue::is_object() const noexcept {
  return nlohmann().is_object();
}
bool JsonValue::is_array() const noexcept {
  return nlohmann().is_array();
}
bool JsonValue::is_string() const noexcept {
  return nlohmann().is_string();
}
bool JsonValue::is_number() const noexcept {
  return nlohmann().is_number();
}
bool JsonValue::is_boolean() const noexcept {
  return nlohmann().is_boolean();
}

bool JsonValue::empty() const noexcept {
  const Json& tree = nlohmann();
  return tree.is_null() || ((tree.is_object() || tree.is_array()) && tree.empty());
}

std::size_t JsonValue::size() const noexcept {
  const Json& tree = nlohmann();
  return (tree.is_object() || tree.is_array()) ? tree.size() : 0;
}

// Sub-values share ownership of the whole tree (aliasing shared_ptr), so
// reading a member never copies it.
JsonValue JsonValue::operator[](std::string_view key) const {
  if (!is_object()) return {};
  const auto& members = node_->get_ref<const Json::object_t&>();
  const auto found = members.find(std::string(key));
  if (found == members.end() || found->second.is_null()) return {};
  return JsonValue(std::shared_ptr<const Json>(node_, &found->second));
}

JsonValue JsonValue::operator[](std::size_t index) const {
  if (!is_array() || index >= node_->size()) return {};
  const Json& element = (*node_)[index];
  if (element.is_null()) return {};
  return JsonValue(std::shared_ptr<const Json>(node_, &element));
}

bool JsonValue::contains(std::string_view key) const {
  return is_object() && node_->contains(std::string(key));
}

std::vector<std::string> JsonValue::keys() const {
  std::vector<std::string> names;
  if (!is_object()) return names;
  names.reserve(node_->size());
  for (const auto& member : node_->items())
    names.push_back(member.key());
  return names;
}

std::optional<std::string> JsonValue::as_string() const {
  if (!is_string()) return std::nullopt;
  return node_->get<std::string>();
}

std::optional<double> JsonValue::as_double() const {
  if (!is_number()) return std::nullopt;
  return node_->get<double>();
}

std::optional<std::int64_t> JsonValue::as_int() const {
  const Json& tree = nlohmann();
  if (tree.is_number_integer() && !tree.is_number_unsigned()) return tree.get<std::int64_t>();
  if (tree.is_number_unsigned()) {
    const auto value = tree.get<std::uint64_t>();
    if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return static_cast<std::int64_t>(value);
    }
  }
  return std::nullopt;
}

std::optional<std::uint64_t> JsonValue::as_uint() const {
  const Json& tree = nlohmann();
  if (tree.is_number_unsigned()) return tree.get<std::uint64_t>();
  if (tree.is_number_integer() && tree.get<std::int64_t>() >= 0) return tree.get<std::uint64_t>();
  return std::nullopt;
}

std::optional<bool> JsonValue::as_bool() const {
  if (!is_boolean()) return std::nullopt;
  return node_->get<bool>();
}

// Copy-on-write: a node shared with another value (or with the tree it was
// taken from) is copied before the first change.
nlohmann::json& JsonValue::mutable_node() {
  if (!node_) {
    node_ = std::make_shared<Json>();
  } else if (!is_sole_owner(node_)) {
    node_ = std::make_shared<Json>(*node_);
  }
  return const_cast<Json&>(*node_);  // NOLINT: unique and created mutable (make_node)
}

JsonValue& JsonValue::set(std::string_view key, JsonValue value) {
  if (!is_null() && !is_object()) {
    throw InvalidRequestError("JsonValue::set: the value is a " + std::string(nlohmann().type_name()) +
                              ", not an object");
  }
  Json member = take_tree(value.node_);
  Json& tree = mutable_node();
  if (tree.is_null()) tree = Json::object();
  tree[std::string(key)] = std::move(member);
  return *this;
}

JsonValue& JsonValue::push_back(JsonValue value) {
  if (!is_null() && !is_array()) {
    throw InvalidRequestError("JsonValue::push_back: the value is a " + std::string(nlohmann().type_name()) +
                              ", not an array");
  }
  Json element = take_tree(value.node_);
  Json& tree = mutable_node();
  if (tree.is_null()) tree = Json::array();
  tree.push_back(std::move(element));
  return *this;
}

JsonValue& JsonValue::erase(std::string_view key) {
  if (contains(key)) mutable_node().erase(std::string(key));
  return *this;
}

bool operator==(const JsonValue& a, const JsonValue& b) {
  if (a.node_ == b.node_) return true;
  return a.nlohmann() == b.nlohmann();
}

}  // namespace paradigm
