#pragma once

// Peak memory of one call, measured in a fresh process: this test binary run
// again with PARADIGM_PROBE_CASE naming a case. A global test environment runs
// the case before any test of that process and exits with a report line,
// which the parent reads. RSS means nothing under AddressSanitizer (shadow
// memory, quarantine): there the memory is not asserted, the outcome still is.

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PARADIGM_PROBE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define PARADIGM_PROBE_SANITIZED 1
#endif
#endif

namespace paradigm::testing::probe {

/// True when RSS can be trusted (no sanitizer runtime).
inline constexpr bool kMeasuresMemory =
#ifdef PARADIGM_PROBE_SANITIZED
    false;
#else
    true;
#endif

inline constexpr long kMiB = 1024;  // in KiB, as /proc reports

/// A field of /proc/self/status in KiB (VmRSS: now, VmHWM: the peak so far).
inline long status_kib(const char* field) {
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (!status) return -1;
  char line[256];
  long value = -1;
  const std::string prefix = std::string(field) + ":";
  while (std::fgets(line, sizeof line, status)) {
    if (std::string(line).rfind(prefix, 0) == 0) value = std::strtol(line + prefix.size(), nullptr, 10);
  }
  std::fclose(status);
  return value;
}

/// What a case reports: the error its call ended with ("none" when it
/// succeeded), and anything else it wants checked.
struct Outcome {
  std::string error = "none";
  std::string message;
  long requests = 0;
};

/// How the parent sees a case that ran in a child.
struct Report {
  Outcome outcome;
  /// RSS just before the call, and the peak of the whole child (KiB).
  long before_kib = -1;
  long peak_kib = -1;
  /// The child's whole output, for failure messages.
  std::string output;

  long growth_kib() const { return peak_kib - before_kib; }
};

/// A case: sets up (a server, a client), calls `measured` around the call
/// itself, and describes how it ended.
using Measured = std::function<Outcome()>;
using Case = std::function<Outcome(const std::function<Outcome(const Measured&)>& measure)>;

inline std::map<std::string, Case>& cases() {
  static std::map<std::string, Case> registry;
  return registry;
}

/// Registers a case under `name` (at static initialisation).
inline bool add_case(const std::string& name, Case run) {
  cases()[name] = std::move(run);
  return true;
}

// Spaces and line breaks would break the report line.
inline std::string one_word(std::string text) {
  for (auto& c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = '_';
  }
  return text.substr(0, 300);
}

/// In a child: runs the case PARADIGM_PROBE_CASE names, prints the report and exits.
class ChildEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    const char* name = std::getenv("PARADIGM_PROBE_CASE");
    if (name == nullptr) return;
    const auto found = cases().find(name);
    if (found == cases().end()) {
      std::printf("PROBE-REPORT unknown-case\n");
      std::fflush(stdout);
      std::_Exit(3);
    }
    long before = -1;
    const Outcome outcome = found->second([&before](const Measured& call) {
      before = status_kib("VmRSS");
      return call();
    });
    std::printf("PROBE-REPORT %s %ld %ld %ld %s\n", one_word(outcome.error).c_str(), outcome.requests, before,
                status_kib("VmHWM"), one_word(outcome.message).c_str());
    std::fflush(stdout);
    std::_Exit(0);
  }
};

inline const bool kChildEnvironmentAdded = (::testing::AddGlobalTestEnvironment(new ChildEnvironment), true);

/// Runs case `name` in a fresh process (this binary, filtered to the current
/// test so that its environment runs, then exits before the test does).
inline Report run_in_child(const std::string& name) {
  Report report;
  if (std::getenv("PARADIGM_PROBE_CASE") != nullptr) {
    ADD_FAILURE() << "already in a child";
    return report;
  }
  char exe[4096];
  const ssize_t length = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (length <= 0) {
    ADD_FAILURE() << "cannot find this test binary";
    return report;
  }
  exe[length] = '\0';
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string command = "PARADIGM_PROBE_CASE='" + name + "' '" + exe + "' --gtest_filter='" +
                              test->test_suite_name() + "." + test->name() + "' 2>&1";
  std::FILE* child = ::popen(command.c_str(), "r");
  if (!child) {
    ADD_FAILURE() << "cannot start " << command;
    return report;
  }
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, child))
    report.output += buffer;
  const int status = ::pclose(child);
  EXPECT_EQ(status, 0) << report.output;
  const auto at = report.output.find("PROBE-REPORT ");
  if (at == std::string::npos) {
    ADD_FAILURE() << "no report from the child:\n" << report.output;
    return report;
  }
  std::istringstream line(report.output.substr(at + 13));
  line >> report.outcome.error >> report.outcome.requests >> report.before_kib >> report.peak_kib;
  std::getline(line >> std::ws, report.outcome.message);
  return report;
}

}  // namespace paradigm::testing::probe
