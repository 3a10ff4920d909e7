#pragma once

// The simulated agent: decides, from the request and the thread's earlier
// queries, the parts of the answer, the tool calls, artifacts and sources.
// Deterministic for a given request, so tests can rely on its answers.

#include "store.hpp"

#include <string>
#include <vector>

namespace paradigm::mock {

struct Simulation {
  json assistant_message;
  /// What a poll shows while the turn runs: the reasoning and the first tool step.
  json running_message;
  std::string final_status = "completed";
  json error;
  std::string final_text;
  std::vector<ArtifactRecord> artifacts;
  std::vector<SourceRecord> sources;
  /// Tool call states in order (for tool_call.progress events).
  std::vector<json> tool_progress;
};

/// Runs the agent on a validated turn request.
Simulation simulate(const json& request, const std::vector<std::string>& earlier_queries,
                    const std::string& thread_id, const std::string& turn_id, const std::string& fail_marker);

/// The user message of a turn request.
json user_message(const json& request);

/// A Tool object for a tool name (native or MCP).
json tool_object(const std::string& name, const std::string& mcp_server = "");

}  // namespace paradigm::mock
