#pragma once

// The native tools the Threads guide documents, for TurnRequest::force_tool:
//
//     ask.force_tool = paradigm::native_tools::code_execution;
//
// An agent may have others (GET /api/v3/agents/{id}/tools lists them).

namespace paradigm::native_tools {

/// Searches the documents in scope and answers from the chunks found.
inline constexpr char document_search[] = "document_search";
/// Reads whole documents in scope (summaries, comparisons).
inline constexpr char document_analysis[] = "document_analysis";
/// Runs code; charts and files it makes come back as artifacts.
inline constexpr char code_execution[] = "code_execution";
/// Searches the web; pages found come back as web sources.
inline constexpr char web_search[] = "web_search";

}  // namespace paradigm::native_tools
