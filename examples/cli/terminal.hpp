#pragma once

// Whether the CLI talks to a person: one implementation per platform,
// terminal_posix.cpp and terminal_windows.cpp (CMakeLists.txt picks one).

namespace paradigm_cli {

/// True when stdin is a terminal (`paradigm chat` then prompts).
bool stdin_is_terminal();

/// True when stderr is a terminal (progress is shown only there).
bool stderr_is_terminal();

}  // namespace paradigm_cli
