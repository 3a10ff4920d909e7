// terminal.hpp on Windows (designed for, not yet tested: see README.md).
#include "terminal.hpp"

#include <cstdio>
#include <io.h>

namespace paradigm_cli {

bool stdin_is_terminal() {
  return ::_isatty(::_fileno(stdin)) != 0;
}

bool stderr_is_terminal() {
  return ::_isatty(::_fileno(stderr)) != 0;
}

}  // namespace paradigm_cli
