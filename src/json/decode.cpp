// decode<T> and decode_text<T>, instantiated for every type the client and
// serialize.hpp decode.

#include "json/codec.hpp"

namespace paradigm::detail {

namespace {

// Every document is an object except the bare array of GET /agents/{id}/tags.
template <class T>
constexpr const char* kRootType = "object";
template <>
constexpr const char* kRootType<std::vector<AgentTag>> = "array";

}  // namespace

template <class T>
T decode(nlohmann::json&& json) {
  const JsonPath root;
  // A null root would otherwise read as "absent" and give an empty value.
  if (json.is_null()) throw_type_error(root, kRootType<T>, json);
  T value;
  read(json, root, value);
  return value;
}

template <class T>
T decode_text(std::string_view text) {
  nlohmann::json json = parse_json(text);
  try {
    return decode<T>(std::move(json));
  } catch (const DecodeError& e) {
    throw DecodeError(e.what(), e.path(), std::string(text));
  }
}

#define PARADIGM_INSTANTIATE_DECODE(Type)        \
  template Type decode<Type>(nlohmann::json &&); \
  template Type decode_text<Type>(std::string_view);

PARADIGM_INSTANTIATE_DECODE(Turn)
PARADIGM_INSTANTIATE_DECODE(Message)
PARADIGM_INSTANTIATE_DECODE(Part)
PARADIGM_INSTANTIATE_DECODE(TurnError)
PARADIGM_INSTANTIATE_DECODE(ToolCall)
PARADIGM_INSTANTIATE_DECODE(Tool)
PARADIGM_INSTANTIATE_DECODE(McpServer)
PARADIGM_INSTANTIATE_DECODE(ToolStep)
PARADIGM_INSTANTIATE_DECODE(ProgressReport)
PARADIGM_INSTANTIATE_DECODE(ToolCallResult)
PARADIGM_INSTANTIATE_DECODE(Artifact)
PARADIGM_INSTANTIATE_DECODE(WebSource)
PARADIGM_INSTANTIATE_DECODE(DocumentSource)
PARADIGM_INSTANTIATE_DECODE(SourceList)
PARADIGM_INSTANTIATE_DECODE(Thread)
PARADIGM_INSTANTIATE_DECODE(Agent)
PARADIGM_INSTANTIATE_DECODE(AgentTools)
PARADIGM_INSTANTIATE_DECODE(AgentTag)
PARADIGM_INSTANTIATE_DECODE(AgentFile)
PARADIGM_INSTANTIATE_DECODE(Page<Turn>)
PARADIGM_INSTANTIATE_DECODE(Page<Thread>)
PARADIGM_INSTANTIATE_DECODE(Page<Agent>)
PARADIGM_INSTANTIATE_DECODE(Page<AgentFile>)
PARADIGM_INSTANTIATE_DECODE(std::vector<AgentTag>)
PARADIGM_INSTANTIATE_DECODE(DocumentPart)
PARADIGM_INSTANTIATE_DECODE(WorkspacePart)
PARADIGM_INSTANTIATE_DECODE(PartTag)
PARADIGM_INSTANTIATE_DECODE(AgentCompany)
PARADIGM_INSTANTIATE_DECODE(AgentGroup)
PARADIGM_INSTANTIATE_DECODE(AgentWorkspace)
PARADIGM_INSTANTIATE_DECODE(FileWorkspace)
PARADIGM_INSTANTIATE_DECODE(FileTag)

#undef PARADIGM_INSTANTIATE_DECODE

}  // namespace paradigm::detail
