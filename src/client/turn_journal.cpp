// The records of a TurnSet journal, written and read back. A TurnRequest is
// kept as its named fields plus `extra_body` apart, so that it reads back
// exactly as it was added.

#include "client/turn_journal.hpp"

#include <paradigm/journal.hpp>
#include <paradigm/serialize.hpp>

#include "client/journal_request.hpp"
#include "json/model_json.hpp"

namespace paradigm::detail {

namespace {

using Json = nlohmann::json;

[[noreturn]] void refuse(const std::string& path, std::size_t number, const std::string& why) {
  throw JournalError("journal " + path + ": record " + std::to_string(number) + " " + why);
}

std::string text(const Json& record, const char* name) {
  const auto found = record.find(name);
  return found != record.end() && found->is_string() ? found->get<std::string>() : std::string();
}

void apply(const Json& record, std::vector<JournalEntry>& entries, const std::string& path,
           std::size_t number) {
  const std::string type = text(record, "t");
  const auto key_member = record.find("k");
  if (key_member == record.end() || !key_member->is_number_unsigned())
    refuse(path, number, "has no entry number");
  const auto key = key_member->get<std::size_t>();
  if (type == "intent") {
    if (key != entries.size()) refuse(path, number, "is an intent out of order");
    JournalEntry entry;
    entry.name = text(record, "name");
    entry.idempotency_key = text(record, "idempotency_key");
    entry.existing = record.value("existing", false);
    if (entry.existing) {
      entry.thread_id = text(record, "thread");
      entry.turn_id = text(record, "turn");
    } else {
      entry.request = decode_journal_request(record.at("request"));
    }
    entries.push_back(std::move(entry));
    return;
  }
  if (key >= entries.size()) refuse(path, number, "names an entry that has no intent");
  JournalEntry& entry = entries[key];
  if (type == "thread") {
    entry.thread_id = text(record, "id");
  } else if (type == "turn") {
    entry.turn_id = text(record, "id");
  } else if (type == "outcome") {
    if (record.contains("turn")) {
      entry.final_turn = from_json<Turn>(record["turn"].dump());
    } else {
      entry.final_error = text(record, "error");
    }
  } else {
    refuse(path, number, "is of an unknown type \"" + type + "\"");
  }
}

}  // namespace

TurnJournal::TurnJournal(const std::string& path, std::vector<JournalEntry>& entries)
    : file_(path, records_) {
  entries.clear();
  std::size_t number = 1;  // the header
  for (const Json& record : records_) {
    ++number;
    try {
      apply(record, entries, path, number);
    } catch (const JournalError&) {
      throw;
    } catch (const std::exception& e) {
      refuse(path, number, std::string("cannot be read: ") + e.what());
    }
  }
  records_.clear();
  records_.shrink_to_fit();
}

void TurnJournal::intent(std::size_t key, const JournalEntry& entry) {
  Json record{{"t", "intent"}, {"k", key}, {"name", entry.name}};
  if (entry.existing) {
    record["existing"] = true;
    record["thread"] = entry.thread_id.value_or("");
    record["turn"] = entry.turn_id.value_or("");
  } else {
    record["request"] = encode_journal_request(entry.request);
    record["idempotency_key"] = entry.idempotency_key;
  }
  file_.append(record);
}

void TurnJournal::thread(std::size_t key, const std::string& thread_id) {
  file_.append(Json{{"t", "thread"}, {"k", key}, {"id", thread_id}});
}

void TurnJournal::turn(std::size_t key, const std::string& turn_id) {
  file_.append(Json{{"t", "turn"}, {"k", key}, {"id", turn_id}});
}

void TurnJournal::outcome(std::size_t key, const Turn& turn) {
  file_.append(Json{{"t", "outcome"}, {"k", key}, {"turn", parse_json(to_json(turn))}});
}

void TurnJournal::outcome(std::size_t key, const std::string& error) {
  file_.append(Json{{"t", "outcome"}, {"k", key}, {"error", error}});
}

}  // namespace paradigm::detail
