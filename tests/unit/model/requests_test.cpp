// Request bodies: the documented rules, and only the set fields on the wire.

#include "json/model_json.hpp"
#include "model_test_util.hpp"

#include <gtest/gtest.h>

#include <type_traits>
#include <utility>

namespace paradigm::test {
namespace {

TurnRequest ask(std::string query = "What is the capital of France?") {
  TurnRequest request;
  request.query = std::move(query);
  return request;
}

// The InvalidRequestError message of validate(), or "" when it passes.
template <class Request>
std::string rejection(const Request& request) {
  try {
    request.validate();
    return "";
  } catch (const InvalidRequestError& e) {
    return e.what();
  }
}

std::string characters(std::size_t count, const std::string& character) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i)
    text += character;
  return text;
}

TEST(TurnRequestValidate, AQueryIsEnough) {
  EXPECT_EQ(rejection(ask()), "");
}

TEST(TurnRequestValidate, NeedsQueryOrSuggestedQuery) {
  EXPECT_NE(rejection(TurnRequest{}).find("query"), std::string::npos);
  EXPECT_NE(rejection(ask("")).find("suggested_query_id"), std::string::npos);
  TurnRequest suggested;
  suggested.suggested_query_id = 3;
  EXPECT_EQ(rejection(suggested), "");
}

TEST(TurnRequestValidate, MaxStepsBoundaries) {
  for (const int steps : {1, 8, 20}) {
    TurnRequest request = ask();
    request.max_steps = steps;
    EXPECT_EQ(rejection(request), "") << steps;
  }
  for (const int steps : {0, 21, -1}) {
    TurnRequest request = ask();
    request.max_steps = steps;
    EXPECT_NE(rejection(request).find("max_steps"), std::string::npos) << steps;
  }
}

TEST(TurnRequestValidate, SystemPromptSuffixCountsCharactersNotBytes) {
  TurnRequest request = ask();
  request.system_prompt_suffix = characters(5000, "é");  // 10000 bytes, 5000 characters
  EXPECT_EQ(rejection(request), "");
  request.system_prompt_suffix = characters(5000, "\xF0\x9F\x98\x80");  // 4-byte emoji
  EXPECT_EQ(rejection(request), "");
  request.system_prompt_suffix = characters(5001, "é");
  EXPECT_NE(rejection(request).find("system_prompt_suffix is 5001 characters"), std::string::npos);
}

TEST(TurnRequestValidate, NameLength) {
  TurnRequest request = ask();
  request.name = characters(255, "ü");
  EXPECT_EQ(rejection(request), "");
  request.name = characters(256, "a");
  EXPECT_NE(rejection(request).find("name is 256 characters"), std::string::npos);
}

TEST(TurnRequestValidate, FilesCannotBeMixedWithWorkspacesOrTags) {
  TurnRequest request = ask();
  request.file_ids = std::vector<std::int64_t>{8, 9};
  EXPECT_EQ(rejection(request), "");
  request.workspace_ids = std::vector<std::int64_t>{1};
  EXPECT_NE(rejection(request).find("file_ids"), std::string::npos);
  request.workspace_ids = std::vector<std::int64_t>{};
  EXPECT_EQ(rejection(request), "");  // an empty list scopes nothing
  request.tag_ids = std::vector<std::int64_t>{4};
  EXPECT_NE(rejection(request).find("file_ids"), std::string::npos);

  TurnRequest mixed = ask();
  mixed.workspace_ids = std::vector<std::int64_t>{1, 2};
  mixed.tag_ids = std::vector<std::int64_t>{4, 5};
  EXPECT_EQ(rejection(mixed), "");
}

TEST(TurnRequestValidate, ExtraBodyMustBeAnObject) {
  TurnRequest request = ask();
  request.extra_body = JsonValue::object().set("x", 1);
  EXPECT_EQ(rejection(request), "");
  request.extra_body = JsonValue::array();
  EXPECT_NE(rejection(request).find("extra_body"), std::string::npos);
  request.extra_body = "text";
  EXPECT_NE(rejection(request).find("extra_body"), std::string::npos);
}

TEST(TurnRequestEncode, OnlySetFieldsAreWritten) {
  EXPECT_EQ(nlohmann::json::parse(to_json(ask())),
            nlohmann::json::parse(R"({"query": "What is the capital of France?"})"));
  EXPECT_EQ(nlohmann::json::parse(to_json(TurnRequest{})), nlohmann::json::object());
}

TEST(TurnRequestEncode, EveryFieldWithItsWireName) {
  TurnRequest request = ask("q");
  request.name = "n";
  request.agent_id = 1;
  request.chat_setting_id = 2;
  request.ml_model = "m";
  request.is_ephemeral = false;
  request.force_tool = "document_search";
  request.suggested_query_id = 3;
  request.force_mcp_server = "websearch-linkup";
  request.immediate_final_answer = true;
  request.background = true;
  request.system_prompt_suffix = "s";
  request.max_steps = 8;
  request.response_format = JsonValue::parse(R"({"type": "object"})");
  request.tool_parameters = JsonValue::parse(R"({"document_search": {"top_k": 20}})");
  request.workspace_ids = std::vector<std::int64_t>{1, 2};
  request.tag_ids = std::vector<std::int64_t>{};
  request.file_ids = std::vector<std::int64_t>{9};
  request.private_scope = true;
  request.company_scope = false;
  EXPECT_EQ(nlohmann::json::parse(to_json(request)), nlohmann::json::parse(R"({
    "query": "q", "name": "n", "agent_id": 1, "chat_setting_id": 2, "ml_model": "m", "is_ephemeral": false,
    "force_tool": "document_search", "suggested_query_id": 3, "force_mcp_server": "websearch-linkup",
    "immediate_final_answer": true, "background": true, "system_prompt_suffix": "s", "max_steps": 8,
    "response_format": {"type": "object"}, "tool_parameters": {"document_search": {"top_k": 20}},
    "workspace_ids": [1, 2], "tag_ids": [], "file_ids": [9], "private_scope": true, "company_scope": false})"));
}

// The client's own choices about a turn body: TurnRequest has no `stream`.
template <class Request, class = void>
constexpr bool has_stream_member = false;
template <class Request>
constexpr bool has_stream_member<Request, std::void_t<decltype(std::declval<Request&>().stream)>> = true;
static_assert(!has_stream_member<TurnRequest>, "the client sets stream, not the caller");

TEST(TurnBodyOptions, StreamIsTheClientsToSet) {
  TurnRequest request = ask("q");
  EXPECT_EQ(detail::encode(request, {}), nlohmann::json::parse(R"({"query": "q"})"));
  detail::TurnBodyOptions streaming;
  streaming.stream = true;
  EXPECT_EQ(detail::encode(request, streaming), nlohmann::json::parse(R"({"query": "q", "stream": true})"));

  // The public body never streams; extra_body is merged first, stream on top.
  EXPECT_EQ(nlohmann::json::parse(to_json(request)), nlohmann::json::parse(R"({"query": "q"})"));
  request.extra_body = JsonValue::object().set("x", 1);
  EXPECT_EQ(detail::encode(request, streaming),
            nlohmann::json::parse(R"({"query": "q", "x": 1, "stream": true})"));
}

TEST(TurnBodyOptions, LegacyScopeNamesBeforeWiseWolf) {
  TurnRequest request = ask("q");
  request.workspace_ids = std::vector<std::int64_t>{1, 2};
  request.file_ids = std::vector<std::int64_t>{};
  detail::TurnBodyOptions legacy;
  legacy.legacy_scope_names = true;
  EXPECT_EQ(detail::encode(request, legacy),
            nlohmann::json::parse(R"({"query": "q", "workspaces_ids": [1, 2], "file_ids": []})"));
  EXPECT_EQ(detail::encode(request),
            nlohmann::json::parse(R"({"query": "q", "workspace_ids": [1, 2], "file_ids": []})"));
  // Nothing to rename when no workspace is set; a caller's extra_body wins as always.
  TurnRequest unscoped = ask("q");
  unscoped.extra_body = JsonValue::object().set("workspace_ids", JsonValue::array().push_back(3));
  EXPECT_EQ(detail::encode(unscoped, legacy),
            nlohmann::json::parse(R"({"query": "q", "workspace_ids": [3]})"));
}

TEST(TurnRequestEncode, ExtraBodyIsMergedLastAndOverrides) {
  TurnRequest request = ask("q");
  request.max_steps = 4;
  request.extra_body = JsonValue::parse(R"({"max_steps": 12, "new_flag": true, "query": null})");
  EXPECT_EQ(nlohmann::json::parse(to_json(request)),
            nlohmann::json::parse(R"({"query": null, "max_steps": 12, "new_flag": true})"));
}

TEST(TurnRequestEncode, NonObjectExtraBodyIsRefused) {
  TurnRequest request = ask();
  request.extra_body = JsonValue::array();
  EXPECT_THROW(to_json(request), InvalidRequestError);
}

TEST(TurnRequestEncode, InvalidUtf8IsRefused) {
  EXPECT_THROW(to_json(ask("\xff\xfe")), InvalidRequestError);
}

TEST(ThreadRequests, ValidateNameAndExtraBody) {
  ThreadRequest create;
  create.name = characters(255, "x");
  EXPECT_EQ(rejection(create), "");
  create.name = characters(256, "x");
  EXPECT_NE(rejection(create).find("ThreadRequest: name"), std::string::npos);
  create.name.reset();
  create.extra_body = 5;
  EXPECT_NE(rejection(create).find("extra_body"), std::string::npos);

  ThreadUpdate update;
  EXPECT_EQ(rejection(update), "");
  update.name = characters(256, "x");
  EXPECT_NE(rejection(update).find("ThreadUpdate: name"), std::string::npos);
  update.name.reset();
  update.extra_body = JsonValue::array();
  EXPECT_NE(rejection(update).find("extra_body"), std::string::npos);
}

TEST(ThreadRequests, EncodeOnlySetFields) {
  ThreadRequest create;
  create.agent_id = 1;
  create.tool_parameters = JsonValue::parse(R"({"document_search": {"top_k": 5}})");
  create.extra_body = JsonValue::object().set("ownership", "team");
  EXPECT_EQ(nlohmann::json::parse(to_json(create)), nlohmann::json::parse(R"(
      {"agent_id": 1, "tool_parameters": {"document_search": {"top_k": 5}}, "ownership": "team"})"));

  ThreadUpdate update;
  update.is_archived = true;
  update.name = "Renamed";
  EXPECT_EQ(nlohmann::json::parse(to_json(update)),
            nlohmann::json::parse(R"({"is_archived": true, "name": "Renamed"})"));
  EXPECT_EQ(nlohmann::json::parse(to_json(ThreadUpdate{})), nlohmann::json::object());
}

}  // namespace
}  // namespace paradigm::test
