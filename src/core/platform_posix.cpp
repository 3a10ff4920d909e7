// platform.hpp on POSIX systems (Linux, macOS, the BSDs).
#ifndef _WIN32

#include "core/platform.hpp"

#include <unistd.h>

namespace paradigm::detail::platform {

std::FILE* create_new_file(const std::filesystem::path& path) {
  return std::fopen(path.c_str(), "wbx");
}

bool truncate_to_empty(std::FILE* file) {
  return ::ftruncate(::fileno(file), 0) == 0;
}

}  // namespace paradigm::detail::platform

#endif
