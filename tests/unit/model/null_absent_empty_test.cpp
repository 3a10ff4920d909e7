// The round-trip rules of docs/model.md: a list (and `timings`) is always
// written, `[]` when empty, so an empty list stays empty and an absent or
// null one comes back as `[]`; an unset optional and a null JsonValue are
// left out (a null comes back absent); std::optional<std::vector> keeps its
// presence.

#include <paradigm/model_types.hpp>

#include "model_test_util.hpp"

#include <gtest/gtest.h>

#include <string>

namespace paradigm::test {
namespace {

using nlohmann::json;

// The containers of T are the members a default T writes as [] or {} (a
// default T has no optional set, so every other member is a required scalar).
template <class T>
std::vector<std::string> containers_of_default() {
  std::vector<std::string> names;
  const json as_default = json::parse(to_json(T{}));
  for (const auto& [name, value] : as_default.items()) {
    if (value.is_array() || value.is_object()) names.push_back(name);
  }
  return names;
}

template <class T>
json round_trip_of(const json& document) {
  return json::parse(to_json(from_json<T>(document.dump())));
}

template <class T>
void expect_rules_hold(const char* name) {
  const json as_default = json::parse(to_json(T{}));
  EXPECT_FALSE(contains_null(as_default)) << name;
  // Empty lists stay empty lists.
  EXPECT_EQ(round_trip_of<T>(as_default), as_default) << name;

  json absent = as_default;
  json nulls = as_default;
  for (const auto& container : containers_of_default<T>()) {
    absent.erase(container);
    nulls[container] = nullptr;
  }
  EXPECT_EQ(round_trip_of<T>(absent), as_default) << name << ": absent lists come back as []";
  EXPECT_EQ(round_trip_of<T>(nulls), as_default) << name << ": null lists come back as []";

  // Every member null: what a default T writes (required scalars keep their defaults).
  json all_null = as_default;
  for (auto& [member, value] : all_null.items())
    value = nullptr;
  EXPECT_EQ(round_trip_of<T>(all_null), as_default) << name;
  EXPECT_EQ(round_trip_of<T>(json::object()), as_default) << name;
}

TEST(NullAbsentEmpty, EveryModelType) {
#define PARADIGM_EXPECT_RULES(Type) expect_rules_hold<Type>(#Type);
  PARADIGM_MODEL_TYPES(PARADIGM_EXPECT_RULES)
#undef PARADIGM_EXPECT_RULES
}

TEST(NullAbsentEmpty, ListsOfAToolResult) {
  // The lists a tool result had but left empty were dropped before.
  const json empty = json::parse(R"({"text": "t", "file_artifacts": [], "web_sources": [],
      "chunk_sources": [], "document_sources": [], "timings": {}})");
  EXPECT_EQ(round_trip_of<ToolCallResult>(empty), empty);
  EXPECT_EQ(round_trip_of<ToolCallResult>(json::parse(R"({"text": "t"})")), empty);
  EXPECT_EQ(round_trip_of<ToolCallResult>(json::parse(R"({"text": "t", "web_sources": null,
      "file_artifacts": null, "chunk_sources": null, "document_sources": null, "timings": null})")),
            empty);
  EXPECT_EQ(json::parse(to_json(ToolCall{}))["steps"], json::array());
}

TEST(NullAbsentEmpty, OptionalListsKeepTheirPresence) {
  const json absent = json::parse(R"({"id": "t", "name": "n"})");
  const json empty = json::parse(R"({"id": "t", "name": "n", "accepted_file_types": []})");
  EXPECT_EQ(round_trip_of<Tool>(absent), absent);
  EXPECT_EQ(round_trip_of<Tool>(empty), empty);
  EXPECT_EQ(round_trip_of<Tool>(json::parse(R"({"id": "t", "name": "n", "accepted_file_types": null})")),
            absent);
  EXPECT_FALSE(from_json<Tool>(absent.dump()).accepted_file_types);
  EXPECT_TRUE(from_json<Tool>(empty.dump()).accepted_file_types.value().empty());

  TurnRequest request;
  request.query = "q";
  request.tag_ids = std::vector<std::int64_t>{};
  EXPECT_EQ(json::parse(to_json(request)), json::parse(R"({"query": "q", "tag_ids": []})"));
}

TEST(NullAbsentEmpty, NullsComeBackAbsent) {
  const Turn turn = from_json<Turn>(R"({"id": "t", "thread": "th", "liked": null, "error": null,
      "messages": [], "created_at": null, "object": null})");
  EXPECT_FALSE(turn.liked);
  EXPECT_EQ(json::parse(to_json(turn)), json::parse(R"({"id": "t", "thread": "th", "messages": []})"));
  // A null free-form value is left out too; any other JSON is kept as is.
  EXPECT_EQ(round_trip_of<ToolCall>(json::parse(R"({"id": "c", "tool_args": null})")),
            json::parse(R"({"id": "c", "tool": {"id": "", "name": ""}, "steps": []})"));
  const json kept = json::parse(R"({"id": "c", "tool": {"id": "", "name": ""}, "steps": [],
      "tool_args": {"k": [null, {}, []]}})");
  EXPECT_EQ(round_trip_of<ToolCall>(kept), kept);
}

TEST(NullAbsentEmpty, UnknownMembersComeBackAsReceived) {
  const json document = json::parse(R"({"id": "t", "thread": "th", "messages": [],
      "future_null": null, "future_list": [], "future_object": {"a": null}})");
  EXPECT_EQ(round_trip_of<Turn>(document), document);
}

}  // namespace
}  // namespace paradigm::test
