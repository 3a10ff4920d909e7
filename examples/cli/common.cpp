#include "cli.hpp"

#include <paradigm/record_replay.hpp>
#include <paradigm/tracing.hpp>

#include <cstdio>
#include <iostream>

namespace paradigm_cli {

namespace {

// On a terminal: a line for each failure the SDK works through, so that a
// slow answer is not mistaken for a hang.
void show_retry(const paradigm::RetryNotice& notice) {
  const long long tenths = (notice.elapsed.count() + 50) / 100;
  std::cerr << "\r\033[Kparadigm: still trying: " << notice.error
            << (notice.waiting_for_turn ? ", poll " : ", attempt ") << notice.attempt << ", " << tenths / 10
            << '.' << tenths % 10 << " s\n"
            << std::flush;
}

// The exporter the OTEL_* variables ask for, made once and kept by the CLI
// itself: its last spans are flushed before the process ends, whatever
// happens to the clients that used it.
struct CliTelemetry {
  std::shared_ptr<paradigm::OtlpExporter> exporter;
  paradigm::Telemetry telemetry;
};

CliTelemetry& cli_telemetry() {
  static CliTelemetry made = [] {
    CliTelemetry out;
    std::optional<paradigm::OtlpOptions> options = paradigm::OtlpOptions::from_env();
    if (!options) return out;
    out.exporter = std::make_shared<paradigm::OtlpExporter>(*options);
    if (options->export_traces) out.telemetry.tracer = out.exporter;
    out.telemetry.metrics = out.exporter->metrics();
    return out;
  }();
  return made;
}

}  // namespace

void flush_telemetry() {
  if (const auto& exporter = cli_telemetry().exporter) exporter->flush();
}

paradigm::ThreadsClient make_client(const Common& common) {
  paradigm::ClientOptions options = paradigm::ClientOptions::from_env();
  if (!common.base_url.empty()) options.base_url = common.base_url;
  if (!common.api_key.empty()) options.api_key = common.api_key;
  // Said for a shell (the library's own message names ClientOptions::api_key).
  const bool no_key = options.api_key.reveal().find_first_not_of(" \t\r\n") == std::string::npos;
  if (no_key && common.replay_path.empty()) {
    throw paradigm::InvalidRequestError(
        "no API key: export PARADIGM_API_KEY=... or pass --api-key KEY (create one in your Paradigm "
        "profile, \"API Keys\")");
  }
  if (common.timeout_seconds) {
    options.total_timeout = std::chrono::milliseconds(static_cast<long long>(*common.timeout_seconds * 1000));
    options.wait.deadline = options.total_timeout;
  }
  // OTEL_EXPORTER_OTLP_ENDPOINT and the other OTEL_* variables, when set:
  // traces and metrics of every call (docs/observability.md).
  options.telemetry = cli_telemetry().telemetry;
  if (common.deadline_seconds) {
    options.wait.deadline =
        std::chrono::milliseconds(static_cast<long long>(*common.deadline_seconds * 1000));
  }
  if (stderr_is_terminal()) options.on_retry = show_retry;
  if (!common.replay_path.empty()) {
    paradigm::ReplayOptions replay;
    replay.client = options;  // a key, if given, redacts the requests as the recording did
    return paradigm::ThreadsClient(paradigm::make_replaying_connection(common.replay_path, replay));
  }
  if (!common.record_path.empty()) {
    // A CLI session is several commands (ask --background, then wait): each adds to the cassette.
    paradigm::RecordOptions record;
    record.append = true;
    return paradigm::ThreadsClient(paradigm::make_recording_connection(options, common.record_path, record));
  }
  return paradigm::ThreadsClient(options);
}

std::string pretty(const std::string& json) {
  return paradigm::JsonValue::parse(json).dump(2);
}

int print_turn(const paradigm::Turn& turn, bool json, bool json_lines) {
  if (json && json_lines) {
    std::cout << paradigm::to_json(turn) << '\n' << std::flush;
  } else if (json) {
    std::cout << pretty(paradigm::to_json(turn)) << '\n';
  } else if (turn.status == paradigm::TurnStatus::completed) {
    std::cout << turn.final_answer() << '\n';
  }
  if (turn.status == paradigm::TurnStatus::failed || turn.status == paradigm::TurnStatus::cancelled) {
    std::cerr << "paradigm: turn " << turn.id << " " << turn.status.text();
    if (turn.error) {
      std::cerr << ": " << turn.error->code.value_or("") << (turn.error->code ? " " : "")
                << turn.error->message.value_or("");
    }
    std::cerr << '\n';
    return kTurnFailed;
  }
  return kSuccess;
}

void print_ids(const paradigm::Turn& turn, const Common& common) {
  if (common.verbose)
    std::cerr << "thread " << turn.thread << " turn " << turn.id << ' ' << turn.status.text() << '\n';
}

void ProgressLine::show(const paradigm::TurnProgress& progress) {
  using Kind = paradigm::TurnProgress::Kind;
  if (!enabled_) return;
  switch (progress.kind) {
    case Kind::reasoning:
      return draw("thinking...");
    case Kind::tool_started:
      return draw(progress.tool_call->tool.name);
    case Kind::tool_step: {
      std::string text = progress.tool_call->tool.name;
      if (const auto& report = progress.step->progress_report) {
        if (report->progress_percentage)
          text += " " + std::to_string(static_cast<int>(*report->progress_percentage)) + "%";
        if (report->current_progress_text) text += " " + *report->current_progress_text;
      }
      return draw(text);
    }
    case Kind::tool_finished:
      return draw(progress.tool_call->tool.name + " done");
    case Kind::text:
    case Kind::terminal:
      return clear();
    case Kind::other:
      return;
  }
}

void ProgressLine::show_bytes(std::uint64_t received, std::optional<std::uint64_t> total) {
  if (!enabled_) return;
  if (!total || *total == 0) {
    draw(std::to_string(received) + " bytes");
    return;
  }
  const int percent = static_cast<int>(100 * received / *total);
  const int filled = percent / 5;
  draw("[" + std::string(filled, '#') + std::string(20 - filled, ' ') + "] " + std::to_string(percent) +
       "% of " + std::to_string(*total) + " bytes");
}

void ProgressLine::draw(const std::string& text) {
  std::cerr << "\r\033[K" << text << std::flush;
  drawn_ = true;
}

void ProgressLine::clear() {
  if (drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace paradigm_cli
