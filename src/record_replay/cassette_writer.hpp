#pragma once

// Appends exchanges to a cassette file, one line each, flushed as written
// so that a crash keeps every exchange that ended before it.

#include "record_replay/cassette_format.hpp"

#include <fstream>
#include <mutex>
#include <string>

namespace paradigm::detail {

class CassetteWriter {
 public:
  /// Creates (or, with `append`, extends) the file. Throws CassetteError when it cannot.
  void open(const std::string& path, bool append);
  /// Writes one line. Throws CassetteError when the file cannot be written. Thread-safe.
  void write(const RecordedExchange& exchange);

 private:
  std::mutex mutex_;
  std::string path_;
  std::ofstream file_;
};

}  // namespace paradigm::detail
