#pragma once

// The file of a durable TurnSet: append-only JSON Lines, one record a line,
// each line self-checking, each append made durable (fdatasync) before it
// returns. A line is
//
//     {"crc":"<8 hex digits>","rec":<record>}
//
// where the CRC-32 covers the bytes of <record> exactly as written, so that a
// line is checked without parsing it again. The first record names the
// format and its version.

#include <nlohmann/json.hpp>

#include <mutex>
#include <string>
#include <vector>

namespace paradigm::detail {

class JournalFile {
 public:
  /// Opens (or creates, with its header) the journal at `path` and reads its
  /// records into `records` (the header excluded). A last line cut short by a
  /// crash (no newline, or a CRC that does not match) is ignored and cut off
  /// the file; any other bad line, another format version, or a journal
  /// another JournalFile holds open (this process or another) throws
  /// JournalError.
  JournalFile(const std::string& path, std::vector<nlohmann::json>& records);
  ~JournalFile();
  JournalFile(const JournalFile&) = delete;
  JournalFile& operator=(const JournalFile&) = delete;

  /// Appends one record and makes it durable. Throws JournalError when it
  /// cannot (the caller must not send what the record announces).
  void append(const nlohmann::json& record);

  /// Closes the file (and its lock) now; appends then throw JournalError.
  void close();

  const std::string& path() const noexcept { return path_; }

 private:
  void read_records(std::vector<nlohmann::json>& records);

  std::string path_;
  int fd_ = -1;
  std::mutex mutex_;
};

/// One line of the file (with its newline) for `record`.
std::string journal_line(const nlohmann::json& record);

/// The version of the format this SDK writes and reads.
inline constexpr int kJournalVersion = 1;

}  // namespace paradigm::detail
