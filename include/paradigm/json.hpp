#pragma once

// Opt-in interop with nlohmann::json. This header includes the full
// <nlohmann/json.hpp>; the rest of the SDK's headers do not.
//
//     #include <paradigm/json.hpp>
//     nlohmann::json j = turn;                 // model -> JSON
//     auto again = j.get<paradigm::Turn>();    // JSON -> model (DecodeError on bad input)

#include <paradigm/serialize.hpp>

#include <nlohmann/json.hpp>

namespace paradigm {

#define PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Type)                   \
  PARADIGM_API void to_json(nlohmann::json& json, const Type& value); \
  PARADIGM_API void from_json(const nlohmann::json& json, Type& value);

PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(JsonValue)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Turn)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Message)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Part)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(TurnError)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(ToolCall)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Tool)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(McpServer)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(ToolStep)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(ProgressReport)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(ToolCallResult)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Artifact)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(WebSource)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(DocumentSource)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(SourceList)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Thread)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Agent)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(AgentTools)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(AgentTag)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(AgentFile)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Page<Turn>)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Page<Thread>)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Page<Agent>)
PARADIGM_DECLARE_NLOHMANN_CONVERSIONS(Page<AgentFile>)

#undef PARADIGM_DECLARE_NLOHMANN_CONVERSIONS

/// Requests convert to the body the client sends (one way only).
PARADIGM_API void to_json(nlohmann::json& json, const TurnRequest& value);
PARADIGM_API void to_json(nlohmann::json& json, const ThreadRequest& value);
PARADIGM_API void to_json(nlohmann::json& json, const ThreadUpdate& value);

}  // namespace paradigm
