#pragma once

// The one list of the SDK's model types. Every serialization entry point is
// generated from it: paradigm::to_json / from_json<T> (<paradigm/serialize.hpp>),
// the nlohmann conversions (<paradigm/json.hpp>), the library's decoders and
// encoders, the fuzz target and the tests that prove each type converts. A type
// added here converts everywhere, or the build says what is missing.
//
// Each list is an X-macro: it applies X to every type. Expand it inside
// namespace paradigm (the names are unqualified):
//
//     #define PARADIGM_PRINT_NAME(Type) std::cout << #Type << '\n';
//     PARADIGM_MODEL_TYPES(PARADIGM_PRINT_NAME)

#include <paradigm/agent.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/source.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>

/// The types the API answers with: they convert to JSON and back. Append new
/// types at the end: the fuzz target picks a type by its index in this list.
#define PARADIGM_MODEL_TYPES(X) \
  X(Turn)                       \
  X(Message)                    \
  X(Part)                       \
  X(TurnError)                  \
  X(ToolCall)                   \
  X(Tool)                       \
  X(McpServer)                  \
  X(ToolStep)                   \
  X(ProgressReport)             \
  X(ToolCallResult)             \
  X(Artifact)                   \
  X(WebSource)                  \
  X(DocumentSource)             \
  X(SourceList)                 \
  X(Thread)                     \
  X(Agent)                      \
  X(AgentTools)                 \
  X(AgentTag)                   \
  X(AgentFile)                  \
  X(Page<Turn>)                 \
  X(Page<Thread>)               \
  X(Page<Agent>)                \
  X(Page<AgentFile>)            \
  X(DocumentPart)               \
  X(WorkspacePart)              \
  X(PartTag)                    \
  X(AgentCompany)               \
  X(AgentGroup)                 \
  X(AgentWorkspace)             \
  X(FileWorkspace)              \
  X(FileTag)

/// The request bodies the client sends: they convert to JSON only.
#define PARADIGM_REQUEST_TYPES(X) \
  X(TurnRequest)                  \
  X(ThreadRequest)                \
  X(ThreadUpdate)

/// The other value types: compared and printed like the model and the
/// requests (<paradigm/value_operators.hpp>), but not documents of the API.
/// Expand it where <paradigm/download.hpp>, <paradigm/progress.hpp> and
/// <paradigm/stream.hpp> are included too.
#define PARADIGM_VALUE_TYPES(X) \
  X(DownloadInfo)               \
  X(ArtifactContent)            \
  X(StreamEvent)                \
  X(TurnProgress)               \
  X(ListOptions)                \
  X(ThreadListOptions)          \
  X(AgentFilter)                \
  X(AgentFileFilter)            \
  X(AgentTagFilter)             \
  X(SourceFilter)                \
  X(PageOptions)

namespace paradigm {

/// True for the types of PARADIGM_MODEL_TYPES.
template <class T>
inline constexpr bool is_model_type_v = false;
/// True for the types of PARADIGM_REQUEST_TYPES.
template <class T>
inline constexpr bool is_request_type_v = false;

#define PARADIGM_MARK_MODEL_TYPE(Type) \
  template <>                          \
  inline constexpr bool is_model_type_v<Type> = true;
#define PARADIGM_MARK_REQUEST_TYPE(Type) \
  template <>                            \
  inline constexpr bool is_request_type_v<Type> = true;
PARADIGM_MODEL_TYPES(PARADIGM_MARK_MODEL_TYPE)
PARADIGM_REQUEST_TYPES(PARADIGM_MARK_REQUEST_TYPE)
#undef PARADIGM_MARK_MODEL_TYPE
#undef PARADIGM_MARK_REQUEST_TYPE

}  // namespace paradigm
