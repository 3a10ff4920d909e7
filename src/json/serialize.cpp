// The public text API of serialize.hpp over the internal mapping.

#include <paradigm/errors.hpp>
#include <paradigm/serialize.hpp>

#include "json/codec.hpp"

namespace paradigm {

namespace {

// Strings from the server are valid UTF-8; a caller's string may not be, and
// is printed with U+FFFD rather than failing the whole document.
std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

namespace detail {

// A request body with invalid UTF-8 would reach the server altered: refuse it.
std::string dump_request(const nlohmann::json& json) {
  try {
    return json.dump();
  } catch (const nlohmann::json::type_error& e) {
    throw InvalidRequestError(std::string("request body is not valid UTF-8: ") + e.what());
  }
}

}  // namespace detail

#define PARADIGM_DEFINE_SERIALIZE(Type)         \
  template <>                                   \
  Type from_json<Type>(std::string_view json) { \
    return detail::decode_text<Type>(json);     \
  }                                             \
  std::string to_json(const Type& value) {      \
    return dump(detail::encode(value));         \
  }

PARADIGM_DEFINE_SERIALIZE(Turn)
PARADIGM_DEFINE_SERIALIZE(Message)
PARADIGM_DEFINE_SERIALIZE(Part)
PARADIGM_DEFINE_SERIALIZE(TurnError)
PARADIGM_DEFINE_SERIALIZE(ToolCall)
PARADIGM_DEFINE_SERIALIZE(Tool)
PARADIGM_DEFINE_SERIALIZE(McpServer)
PARADIGM_DEFINE_SERIALIZE(ToolStep)
PARADIGM_DEFINE_SERIALIZE(ProgressReport)
PARADIGM_DEFINE_SERIALIZE(ToolCallResult)
PARADIGM_DEFINE_SERIALIZE(Artifact)
PARADIGM_DEFINE_SERIALIZE(WebSource)
PARADIGM_DEFINE_SERIALIZE(DocumentSource)
PARADIGM_DEFINE_SERIALIZE(SourceList)
PARADIGM_DEFINE_SERIALIZE(Thread)
PARADIGM_DEFINE_SERIALIZE(Agent)
PARADIGM_DEFINE_SERIALIZE(AgentTools)
PARADIGM_DEFINE_SERIALIZE(AgentTag)
PARADIGM_DEFINE_SERIALIZE(AgentFile)
PARADIGM_DEFINE_SERIALIZE(Page<Turn>)
PARADIGM_DEFINE_SERIALIZE(Page<Thread>)
PARADIGM_DEFINE_SERIALIZE(Page<Agent>)
PARADIGM_DEFINE_SERIALIZE(Page<AgentFile>)
PARADIGM_DEFINE_SERIALIZE(DocumentPart)
PARADIGM_DEFINE_SERIALIZE(WorkspacePart)
PARADIGM_DEFINE_SERIALIZE(PartTag)
PARADIGM_DEFINE_SERIALIZE(AgentCompany)
PARADIGM_DEFINE_SERIALIZE(AgentGroup)
PARADIGM_DEFINE_SERIALIZE(AgentWorkspace)
PARADIGM_DEFINE_SERIALIZE(FileWorkspace)
PARADIGM_DEFINE_SERIALIZE(FileTag)

#undef PARADIGM_DEFINE_SERIALIZE

std::string to_json(const TurnRequest& value) {
  return detail::dump_request(detail::encode(value));
}
std::string to_json(const ThreadRequest& value) {
  return detail::dump_request(detail::encode(value));
}
std::string to_json(const ThreadUpdate& value) {
  return detail::dump_request(detail::encode(value));
}

}  // namespace paradigm
