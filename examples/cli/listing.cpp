// paradigm wait / turns / threads / cancel / agents.
#include "commands.hpp"

#include <filesystem>
#include <iostream>

namespace paradigm_cli {

namespace {

std::string status_of(const paradigm::OpenEnum<paradigm::TurnStatus>& status) {
  return status.empty() ? "-" : status.text();
}

}  // namespace

int run_wait(const Common& common, const std::string& thread, const std::string& turn) {
  auto client = make_client(common);
  ProgressLine progress(stderr_is_terminal());
  paradigm::WaitOptions wait;
  wait.on_progress = [&progress](const paradigm::TurnProgress& p) { progress.show(p); };
  const auto done = client.wait_for_turn(thread, turn, wait);
  progress.clear();
  return print_turn(done, common.json);
}

int run_turns(const Common& common, const std::string& thread, std::optional<int> limit) {
  auto client = make_client(common);
  paradigm::ListOptions list;
  list.limit = limit;
  const auto page = client.list_turns(thread, list);
  if (common.json) {
    std::cout << pretty(paradigm::to_json(page)) << '\n';
    return kSuccess;
  }
  for (const auto& turn : page.results) {
    std::string query;
    if (!turn.messages.empty() && !turn.messages.front().parts.empty()) {
      query = turn.messages.front().parts.front().text.value_or("");
    }
    std::cout << turn.id << "  " << status_of(turn.status) << "  " << query << '\n';
  }
  return kSuccess;
}

int run_threads(const Common& common, std::optional<int> limit) {
  auto client = make_client(common);
  paradigm::ThreadListOptions list;
  list.limit = limit;
  const auto page = client.list_threads(list);
  if (common.json) {
    std::cout << pretty(paradigm::to_json(page)) << '\n';
    return kSuccess;
  }
  for (const auto& thread : page.results) {
    std::cout << thread.id << "  " << status_of(thread.status) << "  " << thread.name.value_or("") << '\n';
  }
  return kSuccess;
}

int run_cancel(const Common& common, const std::string& thread) {
  auto client = make_client(common);
  const auto cancelled = client.cancel_turn(thread);
  if (common.json) {
    std::cout << pretty(paradigm::to_json(cancelled)) << '\n';
  } else {
    std::cout << "thread " << cancelled.id << " " << status_of(cancelled.status) << '\n';
  }
  return kSuccess;
}

int run_agents(const Common& common) {
  auto client = make_client(common);
  const auto page = client.list_agents();
  if (common.json) {
    std::cout << pretty(paradigm::to_json(page)) << '\n';
    return kSuccess;
  }
  for (const auto& agent : page.results) {
    std::cout << agent.id << "  " << agent.name << (agent.is_default.value_or(false) ? "  (default)" : "")
              << '\n';
  }
  return kSuccess;
}

// -o FILE: the file the user named (replaced when it exists). -o DIR (an
// existing directory, or a name ending in a slash): a new file in it, named
// by the server as `ask --download-artifacts` does.
int run_artifact(const Common& common, const std::string& id, const std::string& output) {
  auto client = make_client(common);
  ProgressLine progress(stderr_is_terminal());
  const paradigm::ProgressCallback show = [&progress](std::uint64_t received,
                                                      std::optional<std::uint64_t> total) {
    progress.show_bytes(received, total);
  };
  const auto path = std::filesystem::u8path(output);
  const bool into_directory = !output.empty() && (output.back() == '/' || output.back() == '\\' ||
                                                  std::filesystem::is_directory(path));
  paradigm::DownloadInfo info;
  std::string saved = output;
  if (into_directory) {
    std::filesystem::create_directories(path);
    paradigm::Artifact artifact;
    artifact.id = id;
    saved = save_artifact_in(client, artifact, path, "artifact", info, show).string();
  } else {
    info = client.download_artifact_to_file(id, output, show);
  }
  progress.clear();
  std::cerr << "saved " << saved << " (" << info.bytes << " bytes"
            << (info.content_type ? ", " + *info.content_type : std::string()) << ")\n";
  return kSuccess;
}

}  // namespace paradigm_cli
