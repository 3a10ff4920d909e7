// Saving artifacts in a directory under the names the server gives them,
// without letting the server pick a path: `ask --download-artifacts DIR` and
// `artifact ID -o DIR`.

#include "cli.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace paradigm_cli {

namespace {

// Creates `path` only if nothing (not even a dangling symlink) is there.
bool create_new_file(const std::filesystem::path& path) {
#ifdef _WIN32
  std::FILE* file = ::_wfopen(path.c_str(), L"wbx");
#else
  std::FILE* file = std::fopen(path.c_str(), "wbx");
#endif
  if (file) std::fclose(file);
  return file != nullptr;
}

// A new, empty file in `directory` named `name` (a safe_file_name), or
// "stem (1).ext", "stem (2).ext", ... when taken: an existing file is never
// replaced, and creating it exclusively reserves it until the download is
// renamed over it.
std::filesystem::path reserve_file(const std::filesystem::path& directory, const std::string& name) {
  const auto dot = name.rfind('.');
  const bool has_extension = dot != std::string::npos && dot > 0;
  const std::string stem = has_extension ? name.substr(0, dot) : name;
  const std::string extension = has_extension ? name.substr(dot) : "";
  for (int n = 0; n < 1000; ++n) {
    const std::string candidate = n == 0 ? name : stem + " (" + std::to_string(n) + ")" + extension;
    const auto path = directory / std::filesystem::u8path(candidate);
    if (create_new_file(path)) return path;
    if (errno != EEXIST)
      throw paradigm::Error("cannot create " + path.string() + ": " + std::strerror(errno));
  }
  throw paradigm::Error("no free file name for " + name + " in " + directory.string());
}

}  // namespace

std::filesystem::path save_artifact_in(paradigm::ThreadsClient& client, const paradigm::Artifact& artifact,
                                       const std::filesystem::path& directory, const std::string& fallback,
                                       paradigm::DownloadInfo& info,
                                       const paradigm::ProgressCallback& progress) {
  std::string name = paradigm::safe_file_name(artifact.name.value_or(""), "");
  const bool named = !name.empty();
  if (!named) name = paradigm::safe_file_name(artifact.id, fallback);
  std::filesystem::path target = reserve_file(directory, name);
  try {
    info = client.download_artifact_to_file(artifact.id, target, progress);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(target, ignored);  // the empty file reserved above
    throw;
  }
  const std::string disposed = named ? "" : paradigm::safe_file_name(info.filename.value_or(""), "");
  if (!disposed.empty() && disposed != name) {
    const auto renamed = reserve_file(directory, disposed);
    std::filesystem::rename(target, renamed);  // over the file just reserved
    target = renamed;
  }
  return target;
}

}  // namespace paradigm_cli
