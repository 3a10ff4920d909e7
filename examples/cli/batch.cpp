// `paradigm batch`: many turns at once through a TurnSet, JSON Lines out.

#include "commands.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace paradigm_cli {

namespace {

using Clock = std::chrono::steady_clock;

// One line of the input: a query, or a JSON object with the query and per-line settings.
struct Input {
  std::size_t index = 0;
  std::string id;
  std::string query;
  paradigm::TurnRequest request;
};

std::vector<std::int64_t> ints(const paradigm::JsonValue& list) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (auto value = list[i].as_int()) out.push_back(*value);
  }
  return out;
}

// Per-line fields override the command line's settings.
void apply_line_fields(const paradigm::JsonValue& line, paradigm::TurnRequest& request) {
  if (auto agent = line["agent_id"].as_int()) request.agent_id = *agent;
  if (auto agent = line["agent"].as_int()) request.agent_id = *agent;
  if (auto tool = line["force_tool"].as_string()) request.force_tool = *tool;
  if (auto server = line["force_mcp_server"].as_string()) request.force_mcp_server = *server;
  if (auto suffix = line["system_prompt_suffix"].as_string()) request.system_prompt_suffix = *suffix;
  if (auto steps = line["max_steps"].as_int()) request.max_steps = static_cast<int>(*steps);
  if (line.contains("workspace_ids")) request.workspace_ids = ints(line["workspace_ids"]);
  if (line.contains("tag_ids")) request.tag_ids = ints(line["tag_ids"]);
  if (line.contains("file_ids")) request.file_ids = ints(line["file_ids"]);
  if (line.contains("response_format")) request.response_format = line["response_format"];
}

std::vector<Input> read_inputs(std::istream& in, const Common& common, const AskOptions& settings) {
  std::vector<Input> inputs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Input input;
    input.index = inputs.size();
    input.id = std::to_string(input.index + 1);
    if (line.front() == '{') {
      const auto json = paradigm::JsonValue::parse(line);
      input.query = json["query"].as_string().value_or("");
      if (auto id = json["id"].as_string()) input.id = *id;
      if (auto id = json["id"].as_int()) input.id = std::to_string(*id);
      input.request = make_request(common, settings, input.query.empty() ? "?" : input.query);
      apply_line_fields(json, input.request);
      if (input.query.empty())
        throw paradigm::InvalidRequestError("input line " + input.id + " has no query");
      input.request.query = input.query;
    } else {
      input.query = line;
      input.request = make_request(common, settings, line);
    }
    input.request.validate();
    inputs.push_back(std::move(input));
  }
  return inputs;
}

// The ids of inputs already answered in an output file of an earlier run.
std::set<std::string> answered_ids(const std::string& path) {
  std::set<std::string> ids;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    try {
      const auto json = paradigm::JsonValue::parse(line);
      if (json["status"].as_string() == std::optional<std::string>("completed")) {
        if (auto id = json["id"].as_string()) ids.insert(*id);
      }
    } catch (const paradigm::DecodeError&) {
      // A line cut short by an interrupted run: answered again.
    }
  }
  return ids;
}

std::string result_line(const Input& input, const paradigm::TurnSet::Finished& finished) {
  paradigm::JsonValue out = paradigm::JsonValue::object();
  out.set("index", static_cast<std::int64_t>(input.index));
  out.set("id", input.id);
  out.set("query", input.query);
  if (finished.ref) {
    out.set("thread", finished.ref->thread_id);
    out.set("turn", finished.ref->turn_id);
    out.set("resume_token",
            paradigm::ResumeToken{finished.ref->thread_id, finished.ref->turn_id, std::nullopt}.to_string());
  }
  if (finished.turn) {
    out.set("status", finished.turn->status.text());
    out.set("answer", finished.turn->final_answer());
    if (finished.turn->error) {
      const std::string why = finished.turn->error_message();
      out.set("error", why.empty() ? "turn failed" : why);
    }
  } else {
    out.set("status", "error");
    try {
      std::rethrow_exception(finished.error);
    } catch (const std::exception& e) {
      out.set("error", e.what());
    }
  }
  return out.dump();
}

// "[#####     ] 50/100 done, 8 running, 2 failed, 3.1/s, ETA 16 s" on a terminal.
class BatchProgress {
 public:
  BatchProgress(bool enabled, std::size_t total) : enabled_(enabled), total_(total), start_(Clock::now()) {}
  ~BatchProgress() { clear(); }

  /// Erases the line, so that what follows (the summary) starts a line of its own.
  void clear() {
    if (enabled_) std::cerr << "\r\033[K" << std::flush;
  }

  void show(std::size_t done, std::size_t running, std::size_t failed) {
    if (!enabled_ || total_ == 0) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    const auto filled = static_cast<int>(20 * done / total_);
    std::ostringstream line;
    line << "[" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(20 - filled), ' ') << "] " << done << '/' << total_
         << " done, " << running << " running, " << failed << " failed";
    line.precision(2);
    line << std::fixed << ", " << rate << "/s";
    if (rate > 0 && done < total_)
      line << ", ETA " << static_cast<long>(static_cast<double>(total_ - done) / rate) << " s";
    std::cerr << "\r\033[K" << line.str() << std::flush;
  }

 private:
  bool enabled_;
  std::size_t total_;
  Clock::time_point start_;
};

// Writes result lines in input order (holding early finishers) or as they come.
class ResultWriter {
 public:
  ResultWriter(std::ostream& out, bool input_order, std::vector<std::size_t> expected)
      : out_(out), input_order_(input_order), expected_(std::move(expected)) {}

  void write(std::size_t index, std::string line) {
    if (!input_order_) return emit(line);
    held_.emplace(index, std::move(line));
    while (next_ < expected_.size() && held_.count(expected_[next_])) {
      emit(held_[expected_[next_]]);
      held_.erase(expected_[next_++]);
    }
  }

 private:
  void emit(const std::string& line) { out_ << line << '\n' << std::flush; }

  std::ostream& out_;
  bool input_order_;
  std::vector<std::size_t> expected_;  // indexes to write, in input order
  std::size_t next_ = 0;
  std::map<std::size_t, std::string> held_;
};

}  // namespace

// What `batch` cannot do, said before anything is sent.
void refuse_unsupported(const Common& common, const AskOptions& settings) {
  if (!settings.thread.empty()) {
    throw paradigm::InvalidRequestError(
        "batch starts a new thread for each question: --thread is not supported (use chat --thread ID)");
  }
  if (settings.stream) {
    throw paradigm::InvalidRequestError(
        "batch writes each answer once its turn is done: --stream is not supported");
  }
  if (common.json) {
    throw paradigm::InvalidRequestError(
        "batch always writes JSON Lines (one object per question): drop --json");
  }
}

// With --journal, each input is the journal entry named by its id: ids must be unique.
void refuse_duplicate_ids(const std::vector<Input>& inputs) {
  std::set<std::string> seen;
  for (const Input& input : inputs) {
    if (!seen.insert(input.id).second)
      throw paradigm::InvalidRequestError("input id " + input.id +
                                          " appears twice: --journal needs unique ids");
  }
}

// Turns the journal holds that no input names (a journal of another input
// file): reported too, after the inputs, so that none goes unaccounted for.
void add_journal_only(const paradigm::TurnSet& set, std::vector<Input>& inputs) {
  std::set<std::string> named;
  for (const Input& input : inputs)
    named.insert(input.id);
  for (paradigm::TurnSet::Key key = 0; key < set.size(); ++key) {
    const std::string name = set.name(key);
    if (named.count(name)) continue;
    Input extra;
    extra.index = inputs.size();
    extra.id = name;
    inputs.push_back(std::move(extra));
  }
}

int run_batch(const Common& common, const AskOptions& settings, const BatchOptions& batch) {
  refuse_unsupported(common, settings);
  if (batch.resume && batch.output.empty())
    throw paradigm::InvalidRequestError("--resume needs --output FILE");
  if (batch.resume && !batch.journal.empty())
    throw paradigm::InvalidRequestError(
        "--journal resumes by itself (run again with the same FILE): drop --resume");
  // Before the output file is opened (and emptied): a missing key loses nothing.
  auto client = make_client(common);
  std::ifstream file;
  if (!batch.input.empty() && batch.input != "-") {
    file.open(batch.input);
    if (!file) throw paradigm::InvalidRequestError("cannot read " + batch.input);
  }
  std::vector<Input> inputs = read_inputs(file.is_open() ? file : std::cin, common, settings);
  if (!batch.journal.empty()) refuse_duplicate_ids(inputs);
  const std::set<std::string> skip = batch.resume ? answered_ids(batch.output) : std::set<std::string>();

  std::ofstream output;
  if (!batch.output.empty()) {
    output.open(batch.output, batch.resume ? std::ios::app : std::ios::trunc);
    if (!output) throw paradigm::InvalidRequestError("cannot write " + batch.output);
  }
  paradigm::TurnSetOptions options;
  options.max_in_flight = batch.concurrency;
  options.journal = batch.journal;
  paradigm::TurnSet set(client, options);
  if (!batch.journal.empty()) add_journal_only(set, inputs);
  std::map<paradigm::TurnSet::Key, const Input*> by_key;
  std::vector<std::size_t> expected;
  for (const Input& input : inputs) {
    if (skip.count(input.id)) continue;
    // With a journal, add() of an id it holds returns that turn: nothing is sent again.
    const bool journal_only = !batch.journal.empty() && !input.request.query;
    by_key[journal_only            ? *set.find(input.id)
           : batch.journal.empty() ? set.add(input.request)
                                   : set.add(input.request, input.id)] = &input;
    expected.push_back(input.index);
  }

  ResultWriter writer(output.is_open() ? output : std::cout, batch.order != "completion", expected);
  BatchProgress progress(stderr_is_terminal(), expected.size());
  std::size_t done = 0, failed = 0;
  progress.show(0, set.running(), 0);
  while (done < expected.size()) {
    auto finished = set.next_completed(std::chrono::milliseconds(250));
    if (finished) {
      const Input& input = *by_key.at(finished->key);
      ++done;
      failed += !finished->completed();
      writer.write(input.index, result_line(input, *finished));
    }
    progress.show(done, set.running(), failed);
  }
  progress.clear();
  std::cerr << (done - failed) << " completed, " << failed << " failed";
  if (!skip.empty()) std::cerr << ", " << skip.size() << " already answered";
  std::cerr << '\n';
  return failed == 0 ? kSuccess : kTurnFailed;
}

}  // namespace paradigm_cli
