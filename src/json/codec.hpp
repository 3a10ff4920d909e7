#pragma once

// Readers and encoders of every model struct, including the nested ones that
// model_json.hpp does not expose. One .cpp per model family defines them.

#include "json/model_json.hpp"
#include "json/reader.hpp"

#include <vector>

namespace paradigm::detail {

// turn_json.cpp
void read(Json& value, const JsonPath& at, Turn& out);
void read(Json& value, const JsonPath& at, TurnError& out);
void read(Json& value, const JsonPath& at, Message& out);
void read(Json& value, const JsonPath& at, Part& out);
void read(Json& value, const JsonPath& at, DocumentPart& out);
void read(Json& value, const JsonPath& at, WorkspacePart& out);
void read(Json& value, const JsonPath& at, PartTag& out);

// tool_json.cpp
void read(Json& value, const JsonPath& at, Tool& out);
void read(Json& value, const JsonPath& at, McpServer& out);
void read(Json& value, const JsonPath& at, ProgressReport& out);
void read(Json& value, const JsonPath& at, ToolStep& out);
void read(Json& value, const JsonPath& at, ToolCallResult& out);
void read(Json& value, const JsonPath& at, ToolCall& out);

// source_json.cpp
void read(Json& value, const JsonPath& at, Artifact& out);
void read(Json& value, const JsonPath& at, WebSource& out);
void read(Json& value, const JsonPath& at, DocumentSource& out);
void read(Json& value, const JsonPath& at, SourceList& out);
/// The source lists of a tool result, whose element shapes are not published:
/// a known field of an unexpected type stays in `extra` instead of failing.
void read_tool_sources(Json& value, const JsonPath& at, std::vector<WebSource>& out);
void read_tool_sources(Json& value, const JsonPath& at, std::vector<DocumentSource>& out);

// thread_json.cpp
void read(Json& value, const JsonPath& at, Thread& out);

// agent_json.cpp
void read(Json& value, const JsonPath& at, Agent& out);
void read(Json& value, const JsonPath& at, AgentCompany& out);
void read(Json& value, const JsonPath& at, AgentGroup& out);
void read(Json& value, const JsonPath& at, AgentWorkspace& out);
void read(Json& value, const JsonPath& at, AgentTools& out);
void read(Json& value, const JsonPath& at, AgentTag& out);
void read(Json& value, const JsonPath& at, AgentFile& out);
void read(Json& value, const JsonPath& at, FileWorkspace& out);
void read(Json& value, const JsonPath& at, FileTag& out);

// A page of any model type: `{results, count, next, previous}`.
template <class T>
void read(Json& value, const JsonPath& at, Page<T>& out) {
  read_members(value, at, out.extra, [&out](const Member& member) {
    return member("results", out.results) || member("count", out.count) || member("next", out.next) ||
           member("previous", out.previous);
  });
}

}  // namespace paradigm::detail
