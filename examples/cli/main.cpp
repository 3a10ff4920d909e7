// paradigm: talk to a Paradigm instance from the shell.
//
//   paradigm ask "What is the capital of France?"
//   paradigm ask --background "Summarise the reports"   # prints THREAD TURN
//   paradigm wait THREAD TURN            # or: paradigm wait --token pt1.…
//   paradigm chat < questions.txt
//   paradigm batch questions.txt -o answers.jsonl --concurrency 50
//   paradigm batch questions.txt --journal run.journal   # again after a crash: resumes
//   paradigm --record session.jsonl ask "..."   # then: paradigm --replay session.jsonl ask "..."
//
// Exit codes: 0 success, 1 API or connection error, 2 usage, 3 turn failed or
// cancelled, 4 wait deadline passed, 5 the answer does not follow --schema.

#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

using namespace paradigm_cli;

void add_deadline(CLI::App& command, Common& common) {
  command
      .add_option("--deadline", common.deadline_seconds, "Stop waiting for the turn after SECONDS (exit 4)")
      ->check(CLI::PositiveNumber);
}

// Options every subcommand takes, before or after the subcommand's name: the
// application has them (`paradigm --api-key KEY ask ...`), and each subcommand
// too, so that its --help lists them; both set the same variables.
void add_connection(CLI::App& command, Common& common) {
  command.add_option("--base-url", common.base_url, "Instance URL (default: $PARADIGM_BASE_URL)");
  command.add_option("--api-key", common.api_key, "API key (default: $PARADIGM_API_KEY)");
  command.add_flag("-v,--verbose", common.verbose, "Also print thread and turn ids on stderr");
  command
      .add_option("--timeout", common.timeout_seconds,
                  "Give up on a request after SECONDS in all, retries included (default 600)")
      ->check(CLI::PositiveNumber);
}

// `batch` has no --json of its own (it always writes JSON Lines): given
// anyway, the application's takes it and run_batch refuses it.
void add_common(CLI::App& command, Common& common, bool agent, bool json = true) {
  add_connection(command, common);
  if (json) command.add_flag("--json", common.json, "Print the full object as JSON");
  if (agent) command.add_option("--agent", common.agent, "Agent id (default: the company's default agent)");
}

// `batch` parses --thread and --stream only to refuse them with a reason
// (run_batch): they are not in its --help.
void add_turn_settings(CLI::App& command, AskOptions& ask, bool batch = false) {
  command.add_option("--thread", ask.thread, "Continue this thread")->group(batch ? "" : "Options");
  command.add_flag("--stream", ask.stream, "Print the answer as it is generated")
      ->group(batch ? "" : "Options");
  command.add_option("--force-tool", ask.force_tool, "Force a tool, e.g. document_search, code_execution");
  command.add_option("--mcp-server", ask.mcp_server, "Restrict tools to this MCP server");
  command.add_option("--workspace", ask.workspaces, "Scope to a workspace (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--tag", ask.tags, "Scope to a tag (repeatable)")->allow_extra_args(false);
  command.add_option("--file", ask.files, "Scope to a file (repeatable)")->allow_extra_args(false);
  command.add_option("--system-suffix", ask.system_suffix, "Extra system prompt instructions");
  command.add_option("--max-steps", ask.max_steps, "Maximum reasoning steps (1-20)")
      ->check(CLI::Range(1, 20));
  command.add_option("--schema", ask.schema_file, "JSON schema file for a structured answer")
      ->check(CLI::ExistingFile);
  command.add_flag("--immediate", ask.immediate, "Answer at once, without tools");
}

int dispatch(CLI::App& app, const Common& common, const AskOptions& ask, const BatchOptions& batch,
             const std::vector<std::string>& ids, const std::optional<int>& limit,
             const std::string& output) {
  if (app.got_subcommand("ask")) return run_ask(common, ask);
  if (app.got_subcommand("batch")) return run_batch(common, ask, batch);
  if (app.got_subcommand("chat")) return run_chat(common, ask);
  if (app.got_subcommand("wait")) {
    if (batch.token.empty() && ids.size() != 2)
      throw paradigm::InvalidRequestError("wait needs a thread id and a turn id, or --token");
    if (batch.token.empty()) return run_wait(common, ids.at(0), ids.at(1));
    const auto place = paradigm::ResumeToken::parse(batch.token);
    return run_wait(common, place.thread_id, place.turn_id);
  }
  if (app.got_subcommand("turns")) return run_turns(common, ids.at(0), limit);
  if (app.got_subcommand("threads")) return run_threads(common, limit);
  if (app.got_subcommand("cancel")) return run_cancel(common, ids.at(0));
  if (app.got_subcommand("agents")) return run_agents(common);
  if (app.got_subcommand("artifact")) return run_artifact(common, ids.at(0), output);
  return kUsage;
}

// Errors on stderr, with the request id when the server gave one; never the key.
int report(const std::exception& error) {
  std::cerr << "paradigm: " << error.what() << '\n';
  if (const auto* api = dynamic_cast<const paradigm::ApiError*>(&error)) {
    if (!api->request_id().empty() &&
        std::string(error.what()).find(api->request_id()) == std::string::npos) {
      std::cerr << "request id: " << api->request_id() << '\n';
    }
  }
  return kApiError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"paradigm: ask LightOn Paradigm's agents from the shell (Threads API v3)"};
  app.require_subcommand(1);
  app.fallthrough();  // the application's options also after the subcommand
  app.set_version_flag("--version", std::string("paradigm ") + paradigm::version());
  Common common;
  AskOptions ask;
  std::vector<std::string> ids;
  std::optional<int> limit;
  std::string output;

  auto* record = app.add_option("--record", common.record_path,
                                "Append every HTTP exchange to this cassette (JSON Lines, no API key)");
  app.add_option("--replay", common.replay_path, "Answer from this cassette instead of a server")
      ->check(CLI::ExistingFile)
      ->excludes(record);
  add_connection(app, common);
  app.add_flag("--json", common.json, "Print the full object as JSON (chat: one line per turn)");

  auto* ask_command = app.add_subcommand("ask", "Ask a question and print the final answer");
  std::vector<std::string> query_words;  // `paradigm ask What is the capital of France?` needs no quotes
  ask_command->add_option("query", query_words, "The question (quotes are optional)")->required();
  ask_command->add_flag("--background", ask.background, "Start the turn and print THREAD TURN");
  ask_command->add_option("--download-artifacts", ask.download_dir,
                          "Save the turn's artifacts in this directory");
  add_turn_settings(*ask_command, ask);
  add_common(*ask_command, common, true);
  add_deadline(*ask_command, common);

  auto* chat = app.add_subcommand("chat", "Converse: one turn per line of standard input");
  add_turn_settings(*chat, ask);
  add_common(*chat, common, true);
  add_deadline(*chat, common);

  BatchOptions batch;
  auto* batch_command =
      app.add_subcommand("batch", "Ask many questions at once (one per line, or JSON Lines); JSON Lines out");
  batch_command->add_option("input", batch.input, "File of queries (default: standard input)");
  batch_command->add_option("-o,--output", batch.output,
                            "Results file (JSON Lines; default: standard output)");
  batch_command->add_option("-c,--concurrency", batch.concurrency, "Turns in flight at once (default 8)")
      ->check(CLI::Range(1, 10000));
  batch_command->add_option("--order", batch.order, "Results in input or completion order (default input)")
      ->check(CLI::IsMember({"input", "completion"}));
  batch_command->add_flag("--resume", batch.resume, "Skip inputs the output file already answered");
  batch_command->add_option(
      "--journal", batch.journal,
      "Durable run: write each turn's steps to FILE; run again with the same FILE after a "
      "crash to resume (no turn is created twice)");
  add_turn_settings(*batch_command, ask, true);
  add_common(*batch_command, common, true, false);

  auto* wait = app.add_subcommand("wait", "Wait for a turn and print its answer");
  auto* wait_ids = wait->add_option("thread", ids, "Thread id and turn id")->expected(2);
  auto* wait_token = wait->add_option("--token", batch.token, "A resume token (pt1.…) instead of the ids");
  wait_ids->excludes(wait_token);
  add_common(*wait, common, false);
  add_deadline(*wait, common);

  auto* turns = app.add_subcommand("turns", "List a thread's turns, newest first");
  turns->add_option("thread", ids, "Thread id")->required()->expected(1);
  turns->add_option("--limit", limit, "How many (1-100)")->check(CLI::Range(1, 100));
  add_common(*turns, common, false);

  auto* threads = app.add_subcommand("threads", "List your threads, newest first");
  threads->add_option("--limit", limit, "How many (1-100)")->check(CLI::Range(1, 100));
  add_common(*threads, common, false);

  auto* cancel = app.add_subcommand("cancel", "Cancel the turn running in a thread");
  cancel->add_option("thread", ids, "Thread id")->required()->expected(1);
  add_common(*cancel, common, false);

  auto* agents = app.add_subcommand("agents", "List the agents you can use");
  add_common(*agents, common, false);

  auto* artifact = app.add_subcommand("artifact", "Download an artifact");
  artifact->add_option("id", ids, "Artifact id")->required()->expected(1);
  artifact->add_option("-o,--output", output, "Destination file")->required();
  add_common(*artifact, common, false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kSuccess : kUsage;
  }
  for (const auto& word : query_words)
    ask.query += (ask.query.empty() ? "" : " ") + word;

  // However the command ends, its traces reach the collector first.
  struct FlushTelemetry {
    ~FlushTelemetry() { paradigm_cli::flush_telemetry(); }
  } flush_telemetry_at_exit;
  try {
    return dispatch(app, common, ask, batch, ids, limit, output);
  } catch (const paradigm::WaitTimeoutError& e) {
    std::cerr << "paradigm: " << e.what() << '\n'
              << "resume with: paradigm wait " << e.last_turn().thread << ' ' << e.last_turn().id << '\n';
    return kWaitDeadline;
  } catch (const paradigm::InvalidRequestError& e) {
    std::cerr << "paradigm: " << e.what() << '\n';
    return kUsage;
  } catch (const std::exception& e) {
    return report(e);
  }
}
