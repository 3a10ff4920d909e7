// Every type of PARADIGM_MODEL_TYPES converts both ways through both APIs
// (paradigm::to_json / from_json<T>, and nlohmann's `json j = x; j.get<T>()`),
// and the requests convert to JSON through both. Driven by the lists
// themselves, so a type added to them cannot be forgotten here.

#include <paradigm/json.hpp>
#include <paradigm/model_types.hpp>

#include "model_test_util.hpp"

#include <gtest/gtest.h>

#include <string>

namespace paradigm::test {
namespace {

// A value with a member this SDK does not know, which both APIs must keep.
template <class T>
T with_future_member() {
  T value{};
  value.extra = JsonValue::object().set("zz_future", JsonValue::array().push_back(1));
  return value;
}

template <class T>
void expect_converts_both_ways(const char* name) {
  static_assert(is_model_type_v<T> && !is_request_type_v<T>);
  const T value = with_future_member<T>();

  const std::string text = to_json(value);
  const T from_text = from_json<T>(text);
  EXPECT_EQ(to_json(from_text), text) << name;

  const nlohmann::json json = value;
  EXPECT_EQ(json, nlohmann::json::parse(text)) << name << ": both APIs write the same JSON";
  EXPECT_EQ(json.at("zz_future"), nlohmann::json::array({1})) << name;
  const T from_nlohmann = json.get<T>();
  EXPECT_EQ(to_json(from_nlohmann), text) << name;
}

template <class T>
void expect_converts_to_json(const char* name) {
  static_assert(is_request_type_v<T> && !is_model_type_v<T>);
  T request{};
  request.extra_body = JsonValue::object().set("zz_future", 1);
  const nlohmann::json json = request;
  EXPECT_EQ(json, nlohmann::json::parse(to_json(request))) << name;
  EXPECT_EQ(json, nlohmann::json::parse(R"({"zz_future": 1})")) << name;
}

TEST(ModelTypes, EveryModelTypeConvertsBothWaysThroughBothApis) {
  int count = 0;
#define PARADIGM_EXPECT_CONVERTS(Type) \
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
