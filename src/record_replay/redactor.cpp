#include "record_replay/redactor.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {
constexpr std::string_view kRedacted = "[REDACTED]";
}  // namespace

Redactor::Redactor(std::vector<std::string> secrets) {
  for (auto& secret : secrets) {
    if (!secret.empty()) secrets_.push_back(std::move(secret));
  }
  // "abc-long" before "abc": a secret inside another must not leave a tail behind.
  std::sort(secrets_.begin(), secrets_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string Redactor::text(std::string text) const {
  for (const auto& secret : secrets_) {
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size()))
      text.replace(at, secret.size(), kRedacted);
  }
  return text;
}

void Redactor::json(nlohmann::ordered_json& value) const {
  if (value.is_string()) {
    value = text(value.get<std::string>());
  } else if (value.is_array()) {
    for (auto& element : value)
      json(element);
  } else if (value.is_object()) {
    nlohmann::ordered_json cleaned = nlohmann::ordered_json::object();
    for (auto& [key, member] : value.items()) {
      json(member);
      cleaned[text(key)] = std::move(member);
    }
    value = std::move(cleaned);
  }
}

std::string Redactor::body(std::string text) const {
  text = this->text(std::move(text));
  if (secrets_.empty()) return text;
  nlohmann::ordered_json value = nlohmann::ordered_json::parse(text, nullptr, false);
  if (value.is_discarded() || !(value.is_object() || value.is_array())) return text;
  json(value);
  return value.dump();
}

bool Redactor::leaks(std::string_view text) const {
  return std::any_of(secrets_.begin(), secrets_.end(),
                     [&](const std::string& secret) { return text.find(secret) != std::string_view::npos; });
}

bool Redactor::is_credential_header(std::string_view name) {
  for (std::string_view credential : {"authorization", "proxy-authorization", "cookie", "set-cookie"}) {
    if (iequals(name, credential)) return true;
  }
  return false;
}

}  // namespace paradigm::detail
