#pragma once
// The few things the library needs that standard C++ does not offer
// portably. One implementation per platform: platform_posix.cpp and
// platform_windows.cpp, each compiling to nothing on the other platforms (so
// the source glob of src/CMakeLists.txt needs no per-platform list). Nothing
// else in src/ includes a platform header.

#include <cstdio>
#include <filesystem>

namespace paradigm::detail::platform {

/// Opens `path` for writing in binary mode only if no file is there yet (C11
/// "wbx"), converting the path the platform's way (UTF-16 on Windows, so any
/// UTF-8 name works). nullptr with errno set on failure.
std::FILE* create_new_file(const std::filesystem::path& path);

/// Cuts an open, flushed file to zero bytes. False with errno set on failure.
bool truncate_to_empty(std::FILE* file);

}  // namespace paradigm::detail::platform
