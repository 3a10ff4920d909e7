// terminal.hpp on POSIX systems.
#include "terminal.hpp"

#include <unistd.h>

namespace paradigm_cli {

bool stdin_is_terminal() {
  return ::isatty(STDIN_FILENO) == 1;
}

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace paradigm_cli
