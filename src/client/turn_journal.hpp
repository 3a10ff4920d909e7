#pragma once

// What a TurnSet writes in its journal, and what it reads back: one entry per
// turn, built from its records (intent, thread, turn, outcome).

#include <paradigm/requests.hpp>
#include <paradigm/turn.hpp>

#include "client/journal_file.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace paradigm::detail {

/// One turn as the journal knows it.
struct JournalEntry {
  std::string name;
  TurnRequest request;
  std::string idempotency_key;
  /// Added with add_existing: the ids were known from the start.
  bool existing = false;
  std::optional<std::string> thread_id;
  std::optional<std::string> turn_id;
  /// Set once it ended: the final turn, or why the server certainly holds none.
  std::optional<Turn> final_turn;
  std::optional<std::string> final_error;

  bool finished() const { return final_turn || final_error; }
};

/// The journal of a set: the file and the records a set appends to it.
class TurnJournal {
 public:
  /// Opens `path` and rebuilds its entries (in the order added). Throws
  /// JournalError for a journal that cannot be used.
  TurnJournal(const std::string& path, std::vector<JournalEntry>& entries);

  void intent(std::size_t key, const JournalEntry& entry);
  void thread(std::size_t key, const std::string& thread_id);
  void turn(std::size_t key, const std::string& turn_id);
  void outcome(std::size_t key, const Turn& turn);
  void outcome(std::size_t key, const std::string& error);

  /// Releases the file now (the set is destroyed; late callbacks append nothing).
  void close() { file_.close(); }

  const std::string& path() const noexcept { return file_.path(); }

 private:
  std::vector<nlohmann::json> records_;  // as read when opened; declared before file_, which fills it
  JournalFile file_;
};

}  // namespace paradigm::detail
