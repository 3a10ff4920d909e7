#pragma once

// What keeps secrets out of a cassette: every occurrence of a secret (the
// API key, RecordOptions::also_redact) becomes "[REDACTED]", glued to other
// text or not (unlike the log redaction, which spares words that merely
// contain a short test key: a cassette is a file that gets committed).

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace paradigm::detail {

class Redactor {
 public:
  /// Empty secrets are ignored; longer ones are replaced first.
  explicit Redactor(std::vector<std::string> secrets = {});

  /// `text` with every secret replaced.
  std::string text(std::string text) const;
  /// The same in every string and member name of a JSON value (catches a
  /// secret the JSON text escaped, e.g. "\/" for "/").
  void json(nlohmann::ordered_json& value) const;
  /// `text` redacted as text, then, when it is a JSON object or array, as JSON.
  std::string body(std::string text) const;
  /// True when `text` contains a secret.
  bool leaks(std::string_view text) const;
  /// True for headers never kept in a cassette: credentials and cookies.
  static bool is_credential_header(std::string_view name);

 private:
  std::vector<std::string> secrets_;
};

}  // namespace paradigm::detail
