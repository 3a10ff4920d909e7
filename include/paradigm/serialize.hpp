#pragma once

#include <paradigm/agent.hpp>
#include <paradigm/artifact.hpp>
#include <paradigm/errors.hpp>
#include <paradigm/export.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/source.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/tool.hpp>
#include <paradigm/turn.hpp>

#include <string>
#include <string_view>

namespace paradigm {

/// Parses API JSON into a model type:
///
///     auto turn = paradigm::from_json<paradigm::Turn>(body);
///
/// Unknown members are kept in `extra`; unknown enum values keep their text.
/// Throws DecodeError (with the JSON path) on malformed JSON, a wrong type at a
/// known field, or nesting deeper than 256 levels.
template <class T>
T from_json(std::string_view json);

/// Serialises a model type back to JSON text. Unknown members parsed earlier are
/// written back; optional fields that are unset are left out.
PARADIGM_API std::string to_json(const Turn& value);
PARADIGM_API std::string to_json(const Message& value);
PARADIGM_API std::string to_json(const Part& value);
PARADIGM_API std::string to_json(const TurnError& value);
PARADIGM_API std::string to_json(const ToolCall& value);
PARADIGM_API std::string to_json(const Tool& value);
PARADIGM_API std::string to_json(const McpServer& value);
PARADIGM_API std::string to_json(const ToolStep& value);
PARADIGM_API std::string to_json(const ProgressReport& value);
PARADIGM_API std::string to_json(const ToolCallResult& value);
PARADIGM_API std::string to_json(const Artifact& value);
PARADIGM_API std::string to_json(const WebSource& value);
PARADIGM_API std::string to_json(const DocumentSource& value);
PARADIGM_API std::string to_json(const SourceList& value);
PARADIGM_API std::string to_json(const Thread& value);
PARADIGM_API std::string to_json(const Agent& value);
PARADIGM_API std::string to_json(const AgentTools& value);
PARADIGM_API std::string to_json(const AgentTag& value);
PARADIGM_API std::string to_json(const AgentFile& value);
PARADIGM_API std::string to_json(const Page<Turn>& value);
PARADIGM_API std::string to_json(const Page<Thread>& value);
PARADIGM_API std::string to_json(const Page<Agent>& value);
PARADIGM_API std::string to_json(const Page<AgentFile>& value);
PARADIGM_API std::string to_json(const DocumentPart& value);
PARADIGM_API std::string to_json(const WorkspacePart& value);
PARADIGM_API std::string to_json(const PartTag& value);
PARADIGM_API std::string to_json(const AgentCompany& value);
PARADIGM_API std::string to_json(const AgentGroup& value);
PARADIGM_API std::string to_json(const AgentWorkspace& value);
PARADIGM_API std::string to_json(const FileWorkspace& value);
PARADIGM_API std::string to_json(const FileTag& value);
/// Requests serialise to the exact body the client sends.
PARADIGM_API std::string to_json(const TurnRequest& value);
PARADIGM_API std::string to_json(const ThreadRequest& value);
PARADIGM_API std::string to_json(const ThreadUpdate& value);

// The types from_json supports (anything else fails to link).
template <>
PARADIGM_API Turn from_json<Turn>(std::string_view);
template <>
PARADIGM_API Message from_json<Message>(std::string_view);
template <>
PARADIGM_API Part from_json<Part>(std::string_view);
template <>
PARADIGM_API TurnError from_json<TurnError>(std::string_view);
template <>
PARADIGM_API ToolCall from_json<ToolCall>(std::string_view);
template <>
PARADIGM_API Tool from_json<Tool>(std::string_view);
template <>
PARADIGM_API McpServer from_json<McpServer>(std::string_view);
template <>
PARADIGM_API ToolStep from_json<ToolStep>(std::string_view);
template <>
PARADIGM_API ProgressReport from_json<ProgressReport>(std::string_view);
template <>
PARADIGM_API ToolCallResult from_json<ToolCallResult>(std::string_view);
template <>
PARADIGM_API Artifact from_json<Artifact>(std::string_view);
template <>
PARADIGM_API WebSource from_json<WebSource>(std::string_view);
template <>
PARADIGM_API DocumentSource from_json<DocumentSource>(std::string_view);
template <>
PARADIGM_API SourceList from_json<SourceList>(std::string_view);
template <>
PARADIGM_API Thread from_json<Thread>(std::string_view);
template <>
PARADIGM_API Agent from_json<Agent>(std::string_view);
template <>
PARADIGM_API AgentTools from_json<AgentTools>(std::string_view);
template <>
PARADIGM_API AgentTag from_json<AgentTag>(std::string_view);
template <>
PARADIGM_API AgentFile from_json<AgentFile>(std::string_view);
template <>
PARADIGM_API Page<Turn> from_json<Page<Turn>>(std::string_view);
template <>
PARADIGM_API Page<Thread> from_json<Page<Thread>>(std::string_view);
template <>
PARADIGM_API Page<Agent> from_json<Page<Agent>>(std::string_view);
template <>
PARADIGM_API Page<AgentFile> from_json<Page<AgentFile>>(std::string_view);
template <>
PARADIGM_API DocumentPart from_json<DocumentPart>(std::string_view);
template <>
PARADIGM_API WorkspacePart from_json<WorkspacePart>(std::string_view);
template <>
PARADIGM_API PartTag from_json<PartTag>(std::string_view);
template <>
PARADIGM_API AgentCompany from_json<AgentCompany>(std::string_view);
template <>
PARADIGM_API AgentGroup from_json<AgentGroup>(std::string_view);
template <>
PARADIGM_API AgentWorkspace from_json<AgentWorkspace>(std::string_view);
template <>
PARADIGM_API FileWorkspace from_json<FileWorkspace>(std::string_view);
template <>
PARADIGM_API FileTag from_json<FileTag>(std::string_view);

}  // namespace paradigm
