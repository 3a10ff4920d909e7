// from_json<T> / to_json of every public model type, each on its own part of
// a documented payload (the other model tests reach most of them only
// through a Turn, a Thread or an Agent).
#include "model_test_util.hpp"

#include <gtest/gtest.h>

namespace paradigm::test {
namespace {

using nlohmann::json;

// A fixture, or the part of it at a JSON pointer.
json part_of(const std::string& fixture, const std::string& pointer = "") {
  const json whole = json::parse(load_fixture(fixture));
  return whole.at(json::json_pointer(pointer));
}

template <class T>
void expect_document_round_trip(const json& document, const std::string& where) {
  ASSERT_TRUE(document.is_object()) << where;
  EXPECT_EQ(round_trip<T>(document.dump()), without_nulls(document)) << where;
}

template <class T>
void expect_round_trip(const std::string& fixture, const std::string& pointer = "") {
  expect_document_round_trip<T>(part_of(fixture, pointer), fixture + pointer);
}

json page_of(const json& result) {
  return json{{"count", 1}, {"next", nullptr}, {"previous", nullptr}, {"results", json::array({result})}};
}

TEST(SerializeEntryPoints, TurnAndItsParts) {
  const std::string turn = "turn_all_parts.json";
  const std::string search = "/messages/1/parts/1/tool_call";
  const std::string code = "/messages/1/parts/3/tool_call";
  expect_round_trip<Turn>(turn);
  expect_round_trip<TurnError>(turn, "/error");
  expect_round_trip<Message>(turn, "/messages/0");
  expect_round_trip<Part>(turn, "/messages/0/parts/0");
  expect_round_trip<DocumentPart>(turn, "/messages/0/parts/1/document");
  expect_round_trip<WorkspacePart>(turn, "/messages/0/parts/2/workspace");
  expect_round_trip<PartTag>(turn, "/messages/0/parts/3/tag");
  expect_round_trip<ToolCall>(turn, search);
  expect_round_trip<ToolStep>(turn, search + "/steps/1");
  expect_round_trip<ProgressReport>(turn, search + "/steps/1/progress_report");
  expect_round_trip<ToolCallResult>(turn, search + "/result");
  expect_round_trip<WebSource>(turn, search + "/result/web_sources/0");
  expect_round_trip<DocumentSource>(turn, search + "/result/document_sources/0");
  expect_round_trip<Artifact>(turn, code + "/result/file_artifacts/0");
  expect_round_trip<Page<Turn>>("turns_page.json");
}

TEST(SerializeEntryPoints, ThreadsAgentsAndSources) {
  expect_round_trip<Thread>("thread_current.json");
  expect_document_round_trip<Page<Thread>>(page_of(part_of("thread_current.json")),
                                           "page of thread_current.json");
  expect_round_trip<Agent>("agent.json");
  expect_document_round_trip<Page<Agent>>(page_of(part_of("agent.json")), "page of agent.json");
  expect_round_trip<AgentCompany>("agent.json", "/company");
  expect_round_trip<AgentGroup>("agent.json", "/group");
  expect_round_trip<AgentWorkspace>("agent.json", "/workspaces/0");
  expect_round_trip<AgentTools>("agent_tools.json");
  expect_round_trip<Tool>("agent_tools.json", "/native/0");
  expect_round_trip<McpServer>("agent_tools.json", "/mcp_servers/0");
  expect_round_trip<AgentTag>("agent_tags.json", "/0");
  expect_round_trip<Page<AgentFile>>("agent_files_page.json");
  expect_round_trip<AgentFile>("agent_files_page.json", "/results/0");
  expect_round_trip<FileWorkspace>("agent_files_page.json", "/results/0/workspace");
  expect_round_trip<FileTag>("agent_files_page.json", "/results/0/tags/0");
  expect_round_trip<SourceList>("sources.json");
}

TEST(SerializeEntryPoints, NestedTypesRejectTheWrongShape) {
  EXPECT_THROW(from_json<DocumentPart>("[]"), DecodeError);
  EXPECT_THROW(from_json<FileTag>(R"({"id": [1]})"), DecodeError);
  EXPECT_THROW(from_json<AgentCompany>("null"), DecodeError);
}

}  // namespace
}  // namespace paradigm::test
