#pragma once

#include <paradigm/export.hpp>

#include <iosfwd>
#include <string>
#include <utility>

namespace paradigm {

/// An API key that cannot print: streaming or formatting it gives
/// "[REDACTED]", so logging `client.options()` or an option struct never leaks
/// it. `reveal()` is the one way to read the key.
///
///     paradigm::ClientOptions options;
///     options.api_key = std::getenv("PARADIGM_API_KEY");
///     std::cout << options.api_key;   // [REDACTED]
class PARADIGM_API ApiKey {
 public:
  ApiKey() = default;
  ApiKey(std::string key) noexcept : key_(std::move(key)) {}  // NOLINT(google-explicit-constructor)
  ApiKey(const char* key) : key_(key ? key : "") {}           // NOLINT(google-explicit-constructor)

  /// The key itself, to send it.
  const std::string& reveal() const noexcept { return key_; }
  bool empty() const noexcept { return key_.empty(); }

  friend bool operator==(const ApiKey& a, const ApiKey& b) noexcept { return a.key_ == b.key_; }
  friend bool operator!=(const ApiKey& a, const ApiKey& b) noexcept { return a.key_ != b.key_; }
  /// Writes "[REDACTED]" (or "" for an empty key): never the key.
  friend PARADIGM_API std::ostream& operator<<(std::ostream& out, const ApiKey& key);

 private:
  std::string key_;
};

/// "[REDACTED]" (or "" for an empty key): never the key.
PARADIGM_API std::string to_string(const ApiKey& key);

}  // namespace paradigm

#if __cplusplus >= 202002L && __has_include(<version>)
#include <version>
#endif
#if defined(__cpp_lib_format)
#include <format>
/// std::format("{}", key) gives "[REDACTED]" too.
template <>
struct std::formatter<paradigm::ApiKey> : std::formatter<std::string> {
  template <class Context>
  auto format(const paradigm::ApiKey& key, Context& context) const {
    return std::formatter<std::string>::format(paradigm::to_string(key), context);
  }
};
#endif
