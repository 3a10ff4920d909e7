#pragma once

// Cassette files for the tests: one per test, in gtest's temporary directory.

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

namespace paradigm::testing {

/// A fresh path for this test's cassette.
inline std::string cassette_path(const std::string& suffix = "") {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "cassette-" + test->test_suite_name() + "-" + test->name() + suffix + ".jsonl";
}

/// Writes `lines` (one exchange each) to a new cassette; returns its path.
inline std::string write_cassette(std::initializer_list<std::string> lines) {
  const std::string path = cassette_path();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines)
    file << line << '\n';
  return path;
}

inline std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

inline std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream file(path, std::ios::binary);
  for (std::string line; std::getline(file, line);)
    lines.push_back(line);
  return lines;
}

}  // namespace paradigm::testing
