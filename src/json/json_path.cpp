#include "json/json_path.hpp"

#include <paradigm/errors.hpp>

namespace paradigm::detail {

namespace {

// Member names that read unambiguously after a dot; others are quoted.
bool is_plain_name(std::string_view key) noexcept {
  if (key.empty()) return false;
  for (const char c : key) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '-' || c == '$' || c == '@';
    if (!plain) return false;
  }
  return true;
}

std::string where(const JsonPath& at) {
  std::string path = at.str();
  return path.empty() ? std::string("the document root") : path;
}

}  // namespace

void JsonPath::append_to(std::string& out) const {
  if (!parent_) return;  // the root has no text
  parent_->append_to(out);
  if (is_index_) {
    out += '[';
    out += std::to_string(index_);
    out += ']';
  } else if (is_plain_name(key_)) {
    if (!out.empty()) out += '.';
    out += key_;
  } else {
    out += '[';
    out += nlohmann::json(std::string(key_)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ']';
  }
}

std::string JsonPath::str() const {
  std::string out;
  append_to(out);
  return out;
}

void throw_type_error(const JsonPath& at, const char* expected, const nlohmann::json& value) {
  throw DecodeError(std::string("expected ") + expected + " at " + where(at) + ", got " + value.type_name(),
                    at.str());
}

void throw_decode_error(const JsonPath& at, const std::string& problem) {
  throw DecodeError(problem + " at " + where(at), at.str());
}

}  // namespace paradigm::detail
