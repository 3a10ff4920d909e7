// The opt-in conversions of <paradigm/json.hpp>: `nlohmann::json j = turn;`
// and `j.get<paradigm::Turn>()`.

#include <paradigm/json.hpp>

#include "json/model_json.hpp"

namespace paradigm {

void to_json(nlohmann::json& json, const JsonValue& value) {
  json = value.nlohmann();
}
void from_json(const nlohmann::json& json, JsonValue& value) {
  value = JsonValue(json);
}

// The decoder moves out of its input, so a caller's const document is copied
// once; the strictness and DecodeError paths are those of from_json<T>(text).
#define PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Type)          \
  void to_json(nlohmann::json& json, const Type& value) {   \
    json = detail::encode(value);                           \
  }                                                         \
  void from_json(const nlohmann::json& json, Type& value) { \
    value = detail::decode<Type>(nlohmann::json(json));     \
  }

PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Turn)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Message)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Part)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(TurnError)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(ToolCall)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Tool)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(McpServer)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(ToolStep)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(ProgressReport)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(ToolCallResult)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Artifact)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(WebSource)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(DocumentSource)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(SourceList)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Thread)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Agent)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(AgentTools)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(AgentTag)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(AgentFile)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Page<Turn>)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Page<Thread>)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Page<Agent>)
PARADIGM_DEFINE_NLOHMANN_CONVERSIONS(Page<AgentFile>)

#undef PARADIGM_DEFINE_NLOHMANN_CONVERSIONS

void to_json(nlohmann::json& json, const TurnRequest& value) {
  json = detail::encode(value);
}
void to_json(nlohmann::json& json, const ThreadRequest& value) {
  json = detail::encode(value);
}
void to_json(nlohmann::json& json, const ThreadUpdate& value) {
  json = detail::encode(value);
}

}  // namespace paradigm
