// paradigm ask / paradigm chat: create turns and print their answers.
#include "commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace paradigm_cli {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw paradigm::InvalidRequestError("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The --schema file: a bad one is a usage error (exit 2), not an API error.
paradigm::JsonValue read_schema(const std::string& path) {
  try {
    return paradigm::JsonValue::parse(read_file(path));
  } catch (const paradigm::DecodeError& e) {
    throw paradigm::InvalidRequestError("--schema " + path + " is not valid JSON: " + e.what());
  }
}

// Saves every artifact of the turn into `directory` (created if missing).
void download_artifacts(paradigm::ThreadsClient& client, const paradigm::Turn& turn,
                        const std::string& directory) {
  const auto root = std::filesystem::u8path(directory);
  std::filesystem::create_directories(root);
  const auto artifacts = turn.artifacts();
  for (std::size_t i = 0; i < artifacts.size(); ++i) {
    paradigm::DownloadInfo info;
    const auto saved =
        save_artifact_in(client, artifacts[i], root, "artifact-" + std::to_string(i + 1), info);
    std::cerr << "saved " << saved.string() << " (" << info.bytes << " bytes)\n";
  }
}

// Runs one turn: streamed, in the background, or waited for. The progress
// line (on a terminal) comes from the same events whether the turn is
// streamed or polled; a streamed answer goes to stdout as it arrives (with
// --json only the final turn is printed).
paradigm::Turn run_turn(paradigm::ThreadsClient& client, const paradigm::TurnRequest& request,
                        const std::string& thread, bool stream, bool json) {
  ProgressLine progress(stderr_is_terminal());
  paradigm::WaitOptions waiting;
  waiting.on_progress = [&progress, stream, json](const paradigm::TurnProgress& p) {
    if (p.kind != paradigm::TurnProgress::Kind::text || !stream || json) return progress.show(p);
    progress.stop();  // the answer has begun: the line would cut through it
    std::cout << p.text << std::flush;
  };
  if (stream) {
    paradigm::StreamOptions options;
    options.waiting = waiting;
    const paradigm::StreamHandler every_event = [](const paradigm::StreamEvent&) { return true; };
    paradigm::Turn turn = thread.empty() ? client.stream_thread_with_turn(request, every_event, options)
                                         : client.stream_turn(thread, request, every_event, options);
    progress.stop();
    if (!json) std::cout << '\n';
    return turn;
  }
  paradigm::CreateOptions create;
  create.waiting = waiting;
  return thread.empty() ? client.create_thread_with_turn(request, create)
                        : client.create_turn(thread, request, create);
}

// With --schema, the answer of a completed turn checked against it as the
// typed calls check theirs (parse_checked: a ```json fence is accepted, null
// counts as absent). The answer itself is printed either way.
int check_answer(const paradigm::Turn& turn, const paradigm::JsonValue& schema) {
  if (schema.is_null() || turn.status != paradigm::TurnStatus::completed) return kSuccess;
  try {
    paradigm::parse_checked(turn, schema);
    return kSuccess;
  } catch (const paradigm::DecodeError& e) {
    std::cerr << "paradigm: the answer does not follow --schema: " << e.what() << '\n';
    return kSchemaMismatch;
  }
}

}  // namespace

paradigm::TurnRequest make_request(const Common& common, const AskOptions& ask, const std::string& query) {
  paradigm::TurnRequest request;
  request.query = query;
  if (common.agent && ask.thread.empty()) request.agent_id = common.agent;
  if (!ask.force_tool.empty()) request.force_tool = ask.force_tool;
  if (!ask.mcp_server.empty()) request.force_mcp_server = ask.mcp_server;
  if (!ask.workspaces.empty()) request.workspace_ids = ask.workspaces;
  if (!ask.tags.empty()) request.tag_ids = ask.tags;
  if (!ask.files.empty()) request.file_ids = ask.files;
  if (!ask.system_suffix.empty()) request.system_prompt_suffix = ask.system_suffix;
  if (ask.max_steps) request.max_steps = ask.max_steps;
  if (!ask.schema_file.empty()) request.response_format = read_schema(ask.schema_file);
  if (ask.immediate) request.immediate_final_answer = true;
  if (ask.background) request.background = true;
  request.validate();
  return request;
}

int run_ask(const Common& common, const AskOptions& ask) {
  auto client = make_client(common);
  const auto request = make_request(common, ask, ask.query);
  const auto turn = run_turn(client, request, ask.thread, ask.stream && !ask.background, common.json);
  print_ids(turn, common);
  if (ask.background) {
    if (common.json) return print_turn(turn, true);
    // Ready for `paradigm wait THREAD TURN`.
    std::cout << turn.thread << ' ' << turn.id << '\n';
    return kSuccess;
  }
  int code = ask.stream && !common.json
                 ? (turn.status == paradigm::TurnStatus::completed ? kSuccess : print_turn(turn, false))
                 : print_turn(turn, common.json);
  if (code == kSuccess) code = check_answer(turn, request.response_format);
  if (!ask.download_dir.empty()) download_artifacts(client, turn, ask.download_dir);
  return code;
}

int run_chat(const Common& common, const AskOptions& settings) {
  auto client = make_client(common);
  const bool interactive = stdin_is_terminal();
  std::string thread = settings.thread;
  std::string line;
  int code = kSuccess;
  for (;;) {
    if (interactive) std::cerr << "> " << std::flush;
    if (!std::getline(std::cin, line)) break;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    AskOptions turn_settings = settings;
    turn_settings.thread = thread;
    const auto request = make_request(common, turn_settings, line);
    const auto turn = run_turn(client, request, thread, settings.stream, common.json);
    thread = turn.thread;  // follow-ups stay in the conversation
    print_ids(turn, common);
    // --json: one turn per line (JSON Lines), so that the output is read a line at a time.
    code = settings.stream && !common.json && turn.status == paradigm::TurnStatus::completed
               ? kSuccess
               : print_turn(turn, common.json, true);
    if (code == kSuccess) code = check_answer(turn, request.response_format);
  }
  if (interactive) std::cerr << '\n';
  if (!thread.empty()) std::cerr << "thread " << thread << '\n';
  return code;
}

}  // namespace paradigm_cli
