#include <paradigm/api_key.hpp>

#include <ostream>

namespace paradigm {

std::string to_string(const ApiKey& key) {
  return key.empty() ? std::string() : std::string("[REDACTED]");
}

std::ostream& operator<<(std::ostream& out, const ApiKey& key) {
  return out << to_string(key);
}

}  // namespace paradigm
