#pragma once

#include "cli.hpp"

#include <string>
#include <vector>

namespace paradigm_cli {

/// `paradigm ask` (and the turn settings `chat` shares).
struct AskOptions {
  std::string query;
  std::string thread;
  bool background = false;
  bool stream = false;
  std::string force_tool;
  std::string mcp_server;
  std::vector<std::int64_t> workspaces;
  std::vector<std::int64_t> tags;
  std::vector<std::int64_t> files;
  std::string system_suffix;
  std::optional<int> max_steps;
  std::string schema_file;
  bool immediate = false;
  std::string download_dir;
};

/// `paradigm batch`.
struct BatchOptions {
  /// Queries, one per line (or JSON Lines); "" or "-" for standard input.
  std::string input;
  /// JSON Lines of results; "" for standard output.
  std::string output;
  std::size_t concurrency = 8;
  /// "input" or "completion".
  std::string order = "input";
  /// Skip the inputs `output` already answered (appending to it).
  bool resume = false;
  /// A TurnSet journal: each turn's steps written down, resumed when run again.
  std::string journal;
  /// `paradigm wait --token`: a resume token instead of the ids.
  std::string token;
};

int run_ask(const Common& common, const AskOptions& ask);
int run_batch(const Common& common, const AskOptions& settings, const BatchOptions& batch);
int run_chat(const Common& common, const AskOptions& settings);
int run_wait(const Common& common, const std::string& thread, const std::string& turn);
int run_turns(const Common& common, const std::string& thread, std::optional<int> limit);
int run_threads(const Common& common, std::optional<int> limit);
int run_cancel(const Common& common, const std::string& thread);
int run_agents(const Common& common);
int run_artifact(const Common& common, const std::string& id, const std::string& output);

/// The TurnRequest an `ask` builds (exposed for `chat`).
paradigm::TurnRequest make_request(const Common& common, const AskOptions& ask, const std::string& query);

}  // namespace paradigm_cli
