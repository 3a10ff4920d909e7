#pragma once

// The API's routes, in one place: find any endpoint's code from its URL.

#include "workflow/routes.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace paradigm::detail::paths {

inline const std::string kThreads = "/api/v3/threads";
inline const std::string kThreadsWithTurn = "/api/v3/threads/turns";
inline const std::string kAgents = "/api/v3/agents";
inline const std::string kSources = "/api/v3/sources";

inline std::string thread(std::string_view thread_id) {
  return kThreads + "/" + encode_segment(thread_id, "thread_id");
}
inline std::string turns(std::string_view thread_id) {
  return thread(thread_id) + "/turns";
}
inline std::string turn(std::string_view thread_id, std::string_view turn_id) {
  return turns(thread_id) + "/" + encode_segment(turn_id, "turn_id");
}
inline std::string artifact(std::string_view artifact_id) {
  return "/api/v3/artifacts/" + encode_segment(artifact_id, "artifact_id");
}
inline std::string artifact_content(std::string_view artifact_id) {
  return artifact(artifact_id) + "/content";
}
inline std::string agent(std::int64_t agent_id) {
  return kAgents + "/" + std::to_string(agent_id);
}

}  // namespace paradigm::detail::paths
