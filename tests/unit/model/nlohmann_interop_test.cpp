// The opt-in <paradigm/json.hpp>: models convert to and from nlohmann::json.

#include <paradigm/json.hpp>

#include "model_test_util.hpp"

#include <gtest/gtest.h>

namespace paradigm::test {
namespace {

TEST(NlohmannInterop, TurnToJsonAndBack) {
  const std::string text = load_fixture("turn_all_parts.json");
  const Turn turn = from_json<Turn>(text);
  const nlohmann::json json = turn;
  EXPECT_EQ(json, nlohmann::json::parse(text));
  const auto again = json.get<Turn>();
  EXPECT_EQ(again.final_answer(), turn.final_answer());
  EXPECT_EQ(again.artifacts().size(), 2u);
  EXPECT_EQ(json["messages"][1]["parts"].size(), 5u);  // the source document is untouched
}

TEST(NlohmannInterop, BadInputThrowsDecodeErrorWithPath) {
  const nlohmann::json json = {{"id", "t"}, {"messages", {{{"parts", "none"}}}}};
  try {
    (void)json.get<Turn>();
    FAIL() << "no exception";
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.path(), "messages[0].parts");
  }
}

TEST(NlohmannInterop, ContainersOfModels) {
  const std::string text = load_fixture("agent_tags.json");
  const auto tags = nlohmann::json::parse(text).get<std::vector<AgentTag>>();
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[1].name, "Contracts");
  const nlohmann::json back = tags;
  EXPECT_EQ(back, nlohmann::json::parse(text));
}

TEST(NlohmannInterop, PagesAndRequests) {
  const nlohmann::json page_json = nlohmann::json::parse(load_fixture("turns_page.json"));
  const auto page = page_json.get<Page<Turn>>();
  EXPECT_EQ(page.results.size(), 2u);
  const nlohmann::json back = page;
  EXPECT_EQ(back["results"], page_json["results"]);

  TurnRequest request;
  request.query = "q";
  request.max_steps = 3;
  const nlohmann::json body = request;
  EXPECT_EQ(body, nlohmann::json::parse(R"({"query": "q", "max_steps": 3})"));
}

TEST(NlohmannInterop, ModelFieldsAsJsonValue) {
  Tool tool;
  tool.id = "t";
  tool.name = "document_search";
  tool.type = ToolType::native;
  tool.extra = JsonValue::object().set("beta", true);
  const nlohmann::json json = tool;
  EXPECT_EQ(json, nlohmann::json::parse(
                      R"({"id": "t", "name": "document_search", "type": "native", "beta": true})"));
  EXPECT_EQ(json.get<Tool>().extra["beta"].as_bool(), true);
}

}  // namespace
}  // namespace paradigm::test
