#pragma once

// Short ways to make the results a test needs (link paradigm::testing):
//
//     using namespace paradigm::testing;
//     paradigm::Turn paris = completed_turn("Paris");
//     paradigm::Turn busy = running_turn();
//     paradigm::Turn broken = failed_turn("tool_timeout", "The tool did not answer in time.");
//     paradigm::Turn researched = TurnBuilder()
//                                     .reasoning("The user asks about revenue.")
//                                     .tool_call(ToolCallBuilder("document_search")
//                                                    .args(R"({"query": "revenue 2025"})")
//                                                    .progress(50, "Reading chunks")
//                                                    .document_source("revenue-2025.pdf", 3))
//                                     .answer("Revenue grew by 12%.");
//
// Everything is made with the public model types, with stable ids
// ("thread-1", "turn-1", "call-1", ...) and timestamps, so results compare
// equal from run to run. A builder converts to what it builds, so it can be
// handed to gMock's Return() as is.

#include <paradigm/json_value.hpp>
#include <paradigm/page.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/timestamp.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paradigm::testing {

/// The instant every builder stamps its results with: 2026-01-01T12:00:00.000000Z.
Timestamp fixed_time();

/// A tool call of the agent: its tool, arguments, steps and result.
class ToolCallBuilder {
 public:
  /// A call of the native tool `tool_name` ("document_search", "code_execution", ...).
  explicit ToolCallBuilder(std::string tool_name);

  /// The call's id (default: "call-N", N its place in the turn).
  ToolCallBuilder& id(std::string id);
  /// The tool comes from this MCP server (type `mcp`).
  ToolCallBuilder& mcp_server(std::string server_name);
  /// The arguments the agent passed, as JSON text or a value.
  ToolCallBuilder& args(JsonValue args);
  ToolCallBuilder& args(const char* json_text);
  /// A step with this status ("started", "done", ...).
  ToolCallBuilder& step(std::string status);
  /// A step ("running") with a progress report.
  ToolCallBuilder& progress(double percent, std::string text = "",
                            std::optional<std::int64_t> seconds_left = std::nullopt);
  /// The raw text the tool returned.
  ToolCallBuilder& result(std::string text);
  /// A file the tool produced; `name` and `mime_type` go where the server puts them (Artifact::extra).
  ToolCallBuilder& artifact(std::string id, std::string name = "", std::string mime_type = "");
  /// A web page the tool used.
  ToolCallBuilder& web_source(std::string url, std::string title = "");
  /// A document the tool used (a `document_sources` entry), with its file name and pages.
  ToolCallBuilder& document_source(std::string file_name, std::int64_t page_start = 1,
                                   std::optional<std::int64_t> page_end = std::nullopt);
  /// A chunk the tool used (a `chunk_sources` entry), with its file name, page and text.
  ToolCallBuilder& chunk_source(std::string file_name, std::int64_t page, std::string text = "");

  ToolCall build() const;
  operator ToolCall() const { return build(); }  // NOLINT(google-explicit-constructor)

 private:
  ToolCallResult& result_part();
  ToolCall call_;
};

/// A turn: completed by default, in thread "thread-1", asking "What is the
/// capital of France?". The agent's message holds the reasoning and tool
/// calls in the order added, then the answer.
class TurnBuilder {
 public:
  TurnBuilder();

  /// The turn's id (default "turn-1").
  TurnBuilder& id(std::string id);
  /// The id of its thread (default "thread-1").
  TurnBuilder& thread(std::string thread_id);
  /// The user's query.
  TurnBuilder& query(std::string text);
  /// The final answer: the last text part of the agent's message.
  TurnBuilder& answer(std::string text);
  /// A reasoning part of the agent's message.
  TurnBuilder& reasoning(std::string text);
  /// A tool call of the agent's message.
  TurnBuilder& tool_call(const ToolCallBuilder& call);
  TurnBuilder& tool_call(ToolCall call);
  /// A completed call of this native tool, with these arguments.
  TurnBuilder& tool_call(std::string tool_name, JsonValue args = JsonValue::object());

  /// Still running: the agent's message (if any part was added) holds no answer yet.
  TurnBuilder& running();
  /// Ended `failed` with this error.
  TurnBuilder& failed(std::string code, std::string message);
  /// Ended `cancelled`.
  TurnBuilder& cancelled();
  /// Any status (e.g. `cancelling`).
  TurnBuilder& status(TurnStatus status);
  TurnBuilder& created_at(Timestamp when);

  Turn build() const;
  operator Turn() const { return build(); }  // NOLINT(google-explicit-constructor)

 private:
  std::string id_ = "turn-1";
  std::string thread_ = "thread-1";
  std::string query_ = "What is the capital of France?";
  std::optional<std::string> answer_;
  std::vector<Part> parts_;
  TurnStatus status_ = TurnStatus::completed;
  std::optional<TurnError> error_;
  Timestamp created_at_ = fixed_time();
};

/// A completed turn whose final answer is `answer`.
Turn completed_turn(std::string answer);
/// A running turn: the user's message, no answer yet.
Turn running_turn();
/// A failed turn with this error (`turn.error->code`, `turn.error->message`).
Turn failed_turn(std::string code, std::string message);
/// A cancelled turn.
Turn cancelled_turn();

/// A thread: "thread-1", named "New conversation", idle (its last turn
/// completed), of the default agent (1, "Default agent").
class ThreadBuilder {
 public:
  ThreadBuilder();
  ThreadBuilder& id(std::string id);
  ThreadBuilder& name(std::string name);
  /// The status of its current turn (`running` while one runs).
  ThreadBuilder& status(TurnStatus status);
  ThreadBuilder& agent(std::int64_t agent_id, std::string agent_name);
  ThreadBuilder& archived(bool archived = true);

  Thread build() const;
  operator Thread() const { return build(); }  // NOLINT(google-explicit-constructor)

 private:
  Thread thread_;
};

/// One page of a listing holding `items`; a `next` cursor says there is a
/// next page (ThreadsClient's all_* ranges then ask for it).
template <class T>
Page<T> page_of(std::vector<T> items, std::optional<std::string> next = std::nullopt) {
  Page<T> page;
  page.count = static_cast<std::int64_t>(items.size());
  page.results = std::move(items);
  page.next = std::move(next);
  return page;
}

/// One server-sent event: `name` and its JSON data.
StreamEvent stream_event(std::string name, const JsonValue& data);

/// The events a server streams for `turn`, in the vocabulary of the
/// emulator (the real one is not published): `turn.created`, a
/// `part.reasoning` per reasoning part, a `tool_call.progress` per tool call,
/// the answer in `text_deltas` `part.delta` pieces, `turn.completed` (the
/// whole turn) and `done`. paradigm::text_delta() reads the answer back.
std::vector<StreamEvent> stream_events(const Turn& turn, std::size_t text_deltas = 4);

}  // namespace paradigm::testing
