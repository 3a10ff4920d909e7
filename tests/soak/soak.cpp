// The fault soak (issue 20, item 7): many seeded schedules, each running
// `paradigm batch --journal` against the emulator (in this process) while
// the schedule injects faults (connections closed after or before the
// server acted, error statuses, outages, refused connections, restarts
// keeping the store) and kills the client with SIGKILL at a random moment,
// then runs it again on the same journal. The invariant, checked against
// the emulator's store: every requested turn exists exactly once, and the
// client's final report names each one, completed, as the server has it.
//
//   paradigm_soak --cli PATH [--schedules N] [--first-seed S] [--seed S]
//                 [--jobs J] [--without KIND[,KIND...]] [--verbose]
//
// A schedule is a function of its seed alone (what, where and when); the
// timing of the threads is the machine's. A failing seed is printed with
// the command that replays it.

#include <paradigm/testing/mock_server.hpp>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

const std::vector<std::string> kAllKinds{
    "close_after_handling", "close_before_response", "status", "outage", "refuse", "restart", "kill"};

struct Settings {
  std::string cli;
  std::uint64_t first_seed = 1;
  int schedules = 50;
  int jobs = 4;
  std::set<std::string> kinds{kAllKinds.begin(), kAllKinds.end()};
  bool verbose = false;
  std::string replay_flags;  // --without ..., for the replay command
  // A worker process (see main) runs schedules offset, offset + stride...
  // and writes its totals to `summary`.
  int stride = 1;
  int offset = 0;
  std::string summary;
};

// One timed event of a schedule.
struct Event {
  milliseconds at{0};
  std::string kind;  // outage, refuse, restart, kill
  milliseconds duration{0};
  bool answer_late = false;
};

struct Schedule {
  std::uint64_t seed = 0;
  int turns = 0;
  int concurrency = 1;
  milliseconds turn_duration{0};
  std::vector<paradigm::mock::Fault> faults;  // in place from the start
  std::vector<std::string> fault_kinds;
  std::vector<Event> events;  // by time

  std::string describe() const {
    std::ostringstream out;
    out << turns << " turns, concurrency " << concurrency << ", turn " << turn_duration.count() << " ms;";
    for (const auto& kind : fault_kinds)
      out << ' ' << kind;
    for (const auto& event : events) {
      out << ' ' << event.kind << '@' << event.at.count() << "ms";
      if (event.duration.count())
        out << '/' << event.duration.count() << "ms" << (event.answer_late ? "(answer)" : "");
    }
    return out.str();
  }
};

const char* const kRoutes[] = {"/api/v3/threads", "/api/v3/threads/[^/]+/turns",
                               "/api/v3/threads/[^/]+/turns/[^/]+"};
const char* const kMethods[] = {"POST", "POST", "GET"};

Schedule make_schedule(std::uint64_t seed, const std::set<std::string>& kinds) {
  std::mt19937_64 random(seed * 0x9E3779B97F4A7C15ull + 17);
  const auto pick = [&random](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  Schedule schedule;
  schedule.seed = seed;
  schedule.turns = pick(3, 12);
  schedule.concurrency = pick(1, 8);
  schedule.turn_duration = milliseconds(pick(0, 400));
  std::vector<std::string> timed;
  for (const auto& kind : {"outage", "refuse", "restart"})
    if (kinds.count(kind)) timed.push_back(kind);
  const int count = pick(1, 3);
  for (int i = 0; i < count; ++i) {
    const int choice = pick(0, 5);
    const int route = pick(0, 2);
    paradigm::mock::Fault fault;
    fault.method = kMethods[route];
    fault.path_regex = kRoutes[route];
    fault.skip = pick(0, schedule.turns);
    fault.times = pick(1, 3);
    if (choice == 0 && kinds.count("close_after_handling")) {
      fault.transport = paradigm::mock::TransportFault::close_after_handling;
      schedule.fault_kinds.push_back(std::string("close_after_handling:") + kMethods[route] + ' ' +
                                     kRoutes[route]);
      schedule.faults.push_back(fault);
    } else if (choice == 1 && kinds.count("close_before_response")) {
      fault.transport = paradigm::mock::TransportFault::close_before_response;
      schedule.fault_kinds.push_back(std::string("close_before_response:") + kMethods[route] + ' ' +
                                     kRoutes[route]);
      schedule.faults.push_back(fault);
    } else if (choice == 2 && kinds.count("status")) {
      const int statuses[] = {429, 500, 502, 503};
      fault.status = statuses[pick(0, 3)];
      fault.headers = {{"Retry-After", "0"}};
      schedule.fault_kinds.push_back("status" + std::to_string(*fault.status) + ':' + kMethods[route] + ' ' +
                                     kRoutes[route]);
      schedule.faults.push_back(fault);
    } else if (!timed.empty()) {
      Event event;
      event.kind = timed[static_cast<std::size_t>(pick(0, static_cast<int>(timed.size()) - 1))];
      event.at = milliseconds(pick(0, 1500));
      if (event.kind != "restart") event.duration = milliseconds(pick(100, 2500));
      event.answer_late = event.kind == "outage" && pick(0, 1) == 1;
      schedule.events.push_back(event);
    }
  }
  if (kinds.count("kill") && seed % 3 == 0) {
    Event kill;
    kill.kind = "kill";
    kill.at = milliseconds(pick(0, 900));
    schedule.events.push_back(kill);
  }
  std::sort(schedule.events.begin(), schedule.events.end(),
            [](const Event& a, const Event& b) { return a.at < b.at; });
  return schedule;
}

std::string query_of(const Schedule& schedule, int index) {
  return "soak " + std::to_string(schedule.seed) + " question " + std::to_string(index);
}

// The CLI as a child process, its output to files of `directory`.
pid_t spawn_cli(const Settings& settings, const Schedule& schedule, const fs::path& directory,
                const std::string& base_url) {
  const std::vector<std::string> words{settings.cli,
                                       "batch",
                                       (directory / "input.txt").string(),
                                       "--journal",
                                       (directory / "run.journal").string(),
                                       "-o",
                                       (directory / "output.jsonl").string(),
                                       "--concurrency",
                                       std::to_string(schedule.concurrency)};
  std::vector<char*> argv;
  for (const auto& word : words)
    argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> environment{"PARADIGM_BASE_URL=" + base_url, "PARADIGM_API_KEY=test-key"};
  for (char** variable = environ; *variable; ++variable) {
    const std::string entry = *variable;
    if (entry.rfind("PARADIGM_", 0) != 0) environment.push_back(entry);
  }
  std::vector<char*> envp;
  for (const auto& entry : environment)
    envp.push_back(const_cast<char*>(entry.c_str()));
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string log = (directory / "cli.log").string();
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  pid_t child = -1;
  const int failed = posix_spawn(&child, settings.cli.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) throw std::runtime_error("cannot run " + settings.cli);
  return child;
}

// The child's wait status once it exits, or nullopt when it is still running at `until`.
std::optional<int> wait_until(pid_t child, Clock::time_point until) {
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) return status;
    if (Clock::now() >= until) return std::nullopt;
    std::this_thread::sleep_for(milliseconds(5));
  }
}

void apply(paradigm::mock::MockServer& server, const Event& event) {
  if (event.kind == "outage") {
    server.stop_answering(event.duration, event.answer_late ? paradigm::mock::OutageEnd::answer
                                                            : paradigm::mock::OutageEnd::close);
  } else if (event.kind == "refuse") {
    server.refuse_connections(event.duration);
  } else if (event.kind == "restart") {
    server.restart();
  }
}

struct Outcome {
  bool ok = true;
  bool killed = false;  // the client was killed while it ran
  int duplicated = 0;
  int lost = 0;
  std::string problem;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The invariant: the server's store against the client's final report.
void check(const Schedule& schedule, const paradigm::mock::MockServer& server, const fs::path& directory,
           Outcome& outcome) {
  std::map<std::string, std::vector<paradigm::mock::CreatedTurn>> by_query;
  for (const auto& turn : server.created_turns())
    by_query[turn.query].push_back(turn);
  std::ostringstream problems;
  for (int i = 0; i < schedule.turns; ++i) {
    const auto& created = by_query[query_of(schedule, i)];
    if (created.size() > 1) outcome.duplicated += static_cast<int>(created.size()) - 1;
    if (created.empty()) ++outcome.lost;
  }
  if (outcome.duplicated || outcome.lost)
    problems << outcome.duplicated << " duplicated and " << outcome.lost << " lost turns; ";
  std::map<std::string, nlohmann::json> report;
  std::istringstream lines(read_text(directory / "output.jsonl"));
  std::string line;
  while (std::getline(lines, line)) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.contains("query")) {
      problems << "a report line is not JSON: " << line << "; ";
      continue;
    }
    report[json["query"].get<std::string>()] = json;
  }
  for (int i = 0; i < schedule.turns; ++i) {
    const std::string query = query_of(schedule, i);
    const auto& created = by_query[query];
    const auto found = report.find(query);
    if (found == report.end()) {
      problems << "no report for \"" << query << "\"; ";
      continue;
    }
    const auto& line_json = found->second;
    if (line_json.value("status", "") != "completed")
      problems << "\"" << query << "\" reported " << line_json.dump() << "; ";
    if (created.size() == 1 &&
        (line_json.value("turn", "") != created[0].turn_id || created[0].status != "completed"))
      problems << "\"" << query << "\" reported turn " << line_json.value("turn", "?") << ", the server has "
               << created[0].turn_id << " (" << created[0].status << "); ";
  }
  if (report.size() != static_cast<std::size_t>(schedule.turns))
    problems << report.size() << " report lines for " << schedule.turns << " turns; ";
  outcome.problem += problems.str();
  if (!outcome.problem.empty()) outcome.ok = false;
}

Outcome run_schedule(const Settings& settings, const Schedule& schedule, const fs::path& directory) {
  Outcome outcome;
  fs::create_directories(directory);
  {
    std::ofstream input(directory / "input.txt");
    for (int i = 0; i < schedule.turns; ++i)
      input << query_of(schedule, i) << '\n';
  }
  paradigm::mock::MockConfig config;
  config.turn_duration = schedule.turn_duration;
  paradigm::mock::MockServer server(config);
  for (const auto& fault : schedule.faults)
    server.add_fault(fault);
  const auto start = Clock::now();
  const auto bound = start + std::chrono::seconds(120);  // bounds a failure only
  pid_t child = spawn_cli(settings, schedule, directory, server.base_url());
  std::optional<int> status;
  bool resumed = false;
  for (const auto& event : schedule.events) {
    if (!status) status = wait_until(child, start + event.at);
    if (event.kind != "kill") {
      apply(server, event);
      continue;
    }
    if (!status) {
      ::kill(child, SIGKILL);
      ::waitpid(child, nullptr, 0);
      outcome.killed = true;
    }
    child = spawn_cli(settings, schedule, directory, server.base_url());  // resume from the journal
    status.reset();
    resumed = true;
  }
  if (!status) status = wait_until(child, bound);
  if (!status) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    outcome.ok = false;
    outcome.problem = "the client still ran after 120 s; ";
  } else if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    outcome.ok = false;
    outcome.problem = "the client's last run ended with status " + std::to_string(*status) + "; ";
  }
  (void)resumed;
  server.resume_answering();
  check(schedule, server, directory, outcome);
  if (!outcome.ok) outcome.problem += "client log: " + read_text(directory / "cli.log");
  return outcome;
}

Settings parse(int argc, char** argv) {
  Settings settings;
  std::optional<std::uint64_t> single;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(word + " needs a value");
      return argv[++i];
    };
    if (word == "--cli") {
      settings.cli = value();
    } else if (word == "--schedules") {
      settings.schedules = std::stoi(value());
    } else if (word == "--first-seed") {
      settings.first_seed = std::stoull(value());
    } else if (word == "--seed") {
      single = std::stoull(value());
    } else if (word == "--jobs") {
      settings.jobs = std::max(1, std::stoi(value()));
    } else if (word == "--without") {
      const std::string list = value();
      settings.replay_flags += " --without " + list;
      std::istringstream kinds(list);
      std::string kind;
      while (std::getline(kinds, kind, ',')) {
        if (std::find(kAllKinds.begin(), kAllKinds.end(), kind) == kAllKinds.end())
          throw std::invalid_argument("unknown fault kind " + kind);
        settings.kinds.erase(kind);
      }
    } else if (word == "--stride") {
      settings.stride = std::max(1, std::stoi(value()));
    } else if (word == "--offset") {
      settings.offset = std::stoi(value());
    } else if (word == "--summary") {
      settings.summary = value();
    } else if (word == "--verbose") {
      settings.verbose = true;
    } else {
      throw std::invalid_argument("unknown argument " + word);
    }
  }
  if (settings.cli.empty()) throw std::invalid_argument("--cli PATH is required");
  if (single) {
    settings.first_seed = *single;
    settings.schedules = 1;
  }
  return settings;
}

struct Totals {
  int kills = 0;
  int failed = 0;
  int duplicated = 0;
  int lost = 0;
};

// One worker: its share of the schedules, one at a time.
Totals run_share(const Settings& settings, const fs::path& scratch) {
  Totals totals;
  for (int i = settings.offset; i < settings.schedules; i += settings.stride) {
    const std::uint64_t seed = settings.first_seed + static_cast<std::uint64_t>(i);
    const Schedule schedule = make_schedule(seed, settings.kinds);
    Outcome outcome;
    try {
      outcome = run_schedule(settings, schedule, scratch / std::to_string(seed));
    } catch (const std::exception& e) {
      outcome.ok = false;
      outcome.problem = std::string("the driver failed: ") + e.what();
    }
    totals.kills += outcome.killed;
    totals.duplicated += outcome.duplicated;
    totals.lost += outcome.lost;
    if (!outcome.ok) {
      ++totals.failed;
      std::cout << "FAILED seed " << seed << " (" << schedule.describe() << "): " << outcome.problem
                << "\n  replay: scripts/soak.sh --seed " << seed << settings.replay_flags << std::endl;
    } else {
      std::error_code ignored;
      fs::remove_all(scratch / std::to_string(seed), ignored);
      if (settings.verbose) {
        std::cout << "ok seed " << seed << (outcome.killed ? " (killed, resumed)" : "") << ": "
                  << schedule.describe() << std::endl;
      }
    }
  }
  return totals;
}

// Several workers are processes, not threads: each emulator then owns its
// process's descriptors (the emulator finds connections to drop among them).
Totals run_workers(int argc, char** argv, const Settings& settings, const fs::path& scratch) {
  fs::create_directories(scratch);
  std::vector<pid_t> children;
  for (int j = 0; j < settings.jobs; ++j) {
    std::vector<std::string> words(argv, argv + argc);
    for (const auto& extra :
         {std::string("--jobs"), std::string("1"), std::string("--stride"), std::to_string(settings.jobs),
          std::string("--offset"), std::to_string(j), std::string("--summary"),
          (scratch / ("summary-" + std::to_string(j))).string()})
      words.push_back(extra);
    std::vector<char*> child_argv;
    for (auto& word : words)
      child_argv.push_back(word.data());
    child_argv.push_back(nullptr);
    pid_t child = -1;
    if (posix_spawn(&child, "/proc/self/exe", nullptr, nullptr, child_argv.data(), environ) != 0)
      throw std::runtime_error("cannot start a worker");
    children.push_back(child);
  }
  Totals totals;
  for (std::size_t j = 0; j < children.size(); ++j) {
    int status = 0;
    ::waitpid(children[j], &status, 0);
    std::ifstream summary(scratch / ("summary-" + std::to_string(j)));
    Totals share;
    if (!(summary >> share.kills >> share.failed >> share.duplicated >> share.lost)) {
      std::cout << "FAILED: worker " << j << " ended with status " << status << " and no summary"
                << std::endl;
      share.failed = 1;
    }
    totals.kills += share.kills;
    totals.failed += share.failed;
    totals.duplicated += share.duplicated;
    totals.lost += share.lost;
  }
  return totals;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  try {
    settings = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "paradigm_soak: " << e.what() << '\n';
    return 2;
  }
  if (!settings.summary.empty()) {  // a worker
    const Totals totals = run_share(settings, fs::path(settings.summary).parent_path());
    std::ofstream(settings.summary) << totals.kills << ' ' << totals.failed << ' ' << totals.duplicated << ' '
                                    << totals.lost << '\n';
    return totals.failed ? 1 : 0;
  }
  const fs::path scratch = fs::temp_directory_path() / ("paradigm-soak-" + std::to_string(::getpid()));
  const auto started = Clock::now();
  Totals totals;
  try {
    totals = settings.jobs > 1 ? run_workers(argc, argv, settings, scratch) : run_share(settings, scratch);
  } catch (const std::exception& e) {
    std::cerr << "paradigm_soak: " << e.what() << '\n';
    return 2;
  }
  std::error_code ignored;
  if (totals.failed == 0) fs::remove_all(scratch, ignored);
  const auto seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::cout << settings.schedules << " schedules (seeds " << settings.first_seed << ".."
            << settings.first_seed + static_cast<std::uint64_t>(settings.schedules) - 1 << "), "
            << totals.kills << " client kill -9 + resume, " << totals.failed << " failed, "
            << totals.duplicated << " duplicated and " << totals.lost << " lost turns, "
            << static_cast<int>(seconds) << " s" << std::endl;
  if (totals.failed) std::cout << "scratch kept in " << scratch.string() << std::endl;
  return totals.failed ? 1 : 0;
}
