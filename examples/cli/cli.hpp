#pragma once

// The `paradigm` command-line tool: shared pieces of its subcommands.
// Uses only the SDK's public API.

#include <paradigm/paradigm.hpp>

#include "terminal.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace paradigm_cli {

/// Exit codes (also in docs/cli.md).
enum Exit : int {
  kSuccess = 0,
  kApiError = 1,        // API or connection error
  kUsage = 2,           // bad command line
  kTurnFailed = 3,      // the turn ended failed or cancelled
  kWaitDeadline = 4,    // the wait deadline passed
  kSchemaMismatch = 5,  // the answer does not follow --schema
};

/// Options every subcommand accepts.
struct Common {
  std::string base_url;
  std::string api_key;
  std::optional<std::int64_t> agent;
  bool json = false;
  /// Also print the thread and turn ids (and status) on stderr.
  bool verbose = false;
  /// Give up waiting for a turn after this many seconds (exit 4).
  std::optional<double> deadline_seconds;
  /// Give up on each request after this many seconds in all, its retries
  /// included (ClientOptions::total_timeout); also the longest wait for a
  /// turn unless --deadline says otherwise.
  std::optional<double> timeout_seconds;
  /// Append every exchange to this cassette (--record), or answer from it (--replay).
  std::string record_path;
  std::string replay_path;
};

/// A client from the options, falling back to PARADIGM_API_KEY / PARADIGM_BASE_URL;
/// recording to or replaying from a cassette with --record / --replay.
paradigm::ThreadsClient make_client(const Common& common);
/// Sends what the OTLP exporter (OTEL_* variables) still holds; called once the command is done.
void flush_telemetry();

/// Prints a turn: its final answer, or with --json the whole turn as JSON
/// (indented, or on one line for `json_lines`: `chat` writes JSON Lines).
/// Returns kTurnFailed (with the error on stderr) for a failed or cancelled turn.
int print_turn(const paradigm::Turn& turn, bool json, bool json_lines = false);

/// With --verbose: "thread ID turn ID status" on stderr, for follow-ups (--thread).
void print_ids(const paradigm::Turn& turn, const Common& common);

/// Downloads `artifact` to a new file of `directory` (downloads.cpp). The
/// name comes from the server (its `name`, else Content-Disposition, else its
/// id, else `fallback`), reduced to a plain file name (paradigm::safe_file_name),
/// and numbered ("chart (1).png") when taken: nothing the server says can
/// name a path outside `directory` or replace a file. Returns the file.
std::filesystem::path save_artifact_in(paradigm::ThreadsClient& client, const paradigm::Artifact& artifact,
                                       const std::filesystem::path& directory, const std::string& fallback,
                                       paradigm::DownloadInfo& info,
                                       const paradigm::ProgressCallback& progress = {});

/// Pretty JSON of a model type.
std::string pretty(const std::string& json);

/// Shows on stderr which tool runs and its progress, overwriting one line.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ~ProgressLine() { clear(); }
  /// Reasoning, the running tool and its percentage: the same for a streamed and a polled turn.
  void show(const paradigm::TurnProgress& progress);
  void show_bytes(std::uint64_t received, std::optional<std::uint64_t> total);
  void clear();
  /// Clears the line and draws no more (the answer is being printed).
  void stop() {
    clear();
    enabled_ = false;
  }

 private:
  void draw(const std::string& text);
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace paradigm_cli
