// platform.hpp on Windows (designed for, not yet tested: see README.md).
#ifdef _WIN32

#include "core/platform.hpp"

#include <io.h>

namespace paradigm::detail::platform {

std::FILE* create_new_file(const std::filesystem::path& path) {
  // The wide-character API: fopen would read the name in the ANSI code page.
  return ::_wfopen(path.c_str(), L"wbx");
}

bool truncate_to_empty(std::FILE* file) {
  return ::_chsize_s(::_fileno(file), 0) == 0;
}

}  // namespace paradigm::detail::platform

#endif
