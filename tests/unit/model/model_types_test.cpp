// Every type of PARADIGM_MODEL_TYPES converts both ways through both APIs
// (paradigm::to_json / from_json<T>, and nlohmann's `json j = x; j.get<T>()`),
// with every field of its description set, and the requests convert to JSON
// through both. Driven by the lists themselves, so a type added to them
// cannot be forgotten here.

#include <paradigm/json.hpp>
#include <paradigm/model_types.hpp>

#include "filled.hpp"
#include "model_test_util.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace paradigm::test {
namespace {

std::set<std::string> keys_of(const nlohmann::json& object) {
  std::set<std::string> keys;
  for (const auto& member : object.items())
    keys.insert(member.key());
  return keys;
}

template <class T>
std::set<std::string> distinct_field_names(const char* name) {
  const auto names = field_names<T>();
  const std::set<std::string> distinct(names.begin(), names.end());
  EXPECT_EQ(distinct.size(), names.size()) << name << " names a field twice";
  return distinct;
}

template <class T>
void expect_converts_both_ways(const char* name) {
  static_assert(is_model_type_v<T> && !is_request_type_v<T>);
  const T value = filled<T>();

  // The writer writes every field, the reader reads every field back.
  const std::string text = to_json(value);
  std::set<std::string> expected = distinct_field_names<T>(name);
  expected.insert("zz_future");
  EXPECT_EQ(keys_of(nlohmann::json::parse(text)), expected) << name;
  const T from_text = from_json<T>(text);
  EXPECT_EQ(from_text.extra.keys(), std::vector<std::string>{"zz_future"}) << name;
  EXPECT_EQ(to_json(from_text), text) << name;

  const nlohmann::json json = value;
  EXPECT_EQ(json, nlohmann::json::parse(text)) << name << ": both APIs write the same JSON";
  const T from_nlohmann = json.get<T>();
  EXPECT_EQ(to_json(from_nlohmann), text) << name;
}

template <class T>
void expect_converts_to_json(const char* name) {
  static_assert(is_request_type_v<T> && !is_model_type_v<T>);
  T request = filled<T>();
  const nlohmann::json json = request;
  EXPECT_EQ(json, nlohmann::json::parse(to_json(request))) << name;
  EXPECT_EQ(keys_of(json), distinct_field_names<T>(name)) << name;
  request.extra_body = JsonValue::object().set("zz_future", 1);
  EXPECT_EQ(nlohmann::json(request).at("zz_future"), 1) << name;
}

TEST(ModelTypes, EveryModelTypeConvertsBothWaysThroughBothApis) {
  int count = 0;
#define PARADIGM_EXPECT_CONVERTS(Type)    \
  expect_converts_both_ways<Type>(#Type); \
  ++count;
  PARADIGM_MODEL_TYPES(PARADIGM_EXPECT_CONVERTS)
#undef PARADIGM_EXPECT_CONVERTS
  EXPECT_EQ(count, 31);
}

TEST(ModelTypes, EveryRequestConvertsToJsonThroughBothApis) {
#define PARADIGM_EXPECT_CONVERTS(Type) expect_converts_to_json<Type>(#Type);
  PARADIGM_REQUEST_TYPES(PARADIGM_EXPECT_CONVERTS)
#undef PARADIGM_EXPECT_CONVERTS
}

// The conversions that did not compile before the list existed.
TEST(ModelTypes, NestedTypesConvertThroughNlohmann) {
  const Turn turn = from_json<Turn>(load_fixture("turn_all_parts.json"));
  const Part& part = turn.messages.at(0).parts.at(1);
  const nlohmann::json document = *part.document;
  EXPECT_EQ(document, nlohmann::json::parse(to_json(part.document.value())));
  EXPECT_EQ(document.get<DocumentPart>().id, "doc-42");
  const nlohmann::json workspace = turn.messages.at(0).parts.at(2).workspace.value();
  EXPECT_EQ(workspace.at("name"), "Finance");
}

static_assert(!is_model_type_v<JsonValue> && !is_model_type_v<TurnRequest>);
static_assert(!is_request_type_v<Turn>);

}  // namespace
}  // namespace paradigm::test
