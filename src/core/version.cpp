#include <paradigm/version.hpp>

namespace paradigm {

const char* version() noexcept {
  return PARADIGM_VERSION;
}

}  // namespace paradigm
