#pragma once

// The emulator's memory: threads, turns, artifacts, sources, and the seeded
// agents, files and tags. Everything is JSON in the API's own shapes.

#include <paradigm/testing/mock_server.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace paradigm::mock {

using json = nlohmann::json;
using SteadyTime = std::chrono::steady_clock::time_point;

/// A turn and how it unfolds: its final content is decided at creation and
/// shown once the turn is due (created + duration) or forced to finish.
struct TurnRecord {
  std::string id;
  std::string thread_id;
  std::string created_at;
  SteadyTime started;
  std::chrono::milliseconds duration{0};
  bool forced_done = false;
  std::optional<SteadyTime> cancel_requested;
  json user_message;
  json assistant_message;          // the final agent message
  json running_assistant_message;  // partial message shown while running (null: none)
  std::string final_status = "completed";
  json error;  // {code, message} when failed
  std::optional<bool> liked;
  // What asked for it (MockServer::created_turns).
  std::string query;
  std::optional<std::string> idempotency_key;
  std::string request_id;
  int replays = 0;
  std::vector<json> tool_progress;  // a replayed stream sends them again
};

struct ThreadRecord {
  json thread;                        // the thread object, without status (computed)
  std::vector<std::string> turn_ids;  // oldest first
};

struct ArtifactRecord {
  std::string id;
  std::string content_type;
  std::string filename;
  std::string bytes;  // empty when generated
  std::uint64_t generated_size = 0;
  bool generated = false;
  std::string thumbnail_base64;
  std::string turn_id;
  std::string created_at;

  std::uint64_t size() const { return generated ? generated_size : bytes.size(); }
};

struct SourceRecord {
  std::string kind;  // "document" or "web"
  std::string thread_id;
  std::string turn_id;
  std::string tool_call_id;
  json item;
};

class Store {
 public:
  Store();

  std::mutex mutex;
  /// Notified when a turn finishes early (complete_turn) or the server stops.
  std::condition_variable changed;

  std::map<std::string, ThreadRecord> threads;
  std::vector<std::string> thread_order;  // oldest first
  std::map<std::string, TurnRecord> turns;
  std::map<std::string, ArtifactRecord> artifacts;
  std::vector<SourceRecord> sources;
  json agents = json::array();
  json files = json::array();
  json tags = json::array();
  json tools = json::object();
  int turns_created = 0;
  std::vector<std::string> turn_order;  // creation order
  /// The turn each Idempotency-Key created first.
  std::map<std::string, std::string> turn_by_idempotency_key;

  /// The turn as the API shows it now (caller holds the mutex). A running
  /// turn shows the agent's progress so far, except in the answer to its
  /// creation (`just_created`), which holds only the user's message.
  json turn_json(const TurnRecord& turn, SteadyTime now, std::chrono::milliseconds cancel_delay,
                 bool just_created = false) const;
  std::string turn_status(const TurnRecord& turn, SteadyTime now,
                          std::chrono::milliseconds cancel_delay) const;
  /// The thread with the status of its latest turn (caller holds the mutex).
  /// A thread as the API shows it (`legacy`: as releases before Wise Wolf did).
  json thread_json(bool legacy, const ThreadRecord& thread, SteadyTime now,
                   std::chrono::milliseconds cancel_delay) const;
  /// A new empty thread (caller holds the mutex).
  ThreadRecord& create_thread(const json& body);
  std::string add_artifact(ArtifactRecord artifact);
  /// Finishes a running turn now; false when there is no such turn (caller holds the mutex).
  bool complete(const std::string& thread_id, const std::string& turn_id);
  /// Every turn created, oldest first, with its status at `now` (caller holds the mutex).
  std::vector<CreatedTurn> created_turns(SteadyTime now, std::chrono::milliseconds cancel_delay) const;

 private:
  void seed();
};

}  // namespace paradigm::mock
