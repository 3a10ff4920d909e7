// Structured answers: a turn asked with a `response_format` (a JSON Schema)
// ends with JSON text that validates against it, as an answer guided by the
// schema would. Checked with a validator of the test's own, and through the
// SDK's public structured API for the schemas the SDK generates.
#include <paradigm/structured.hpp>
#include <paradigm/testing/mock_server.hpp>

#include "schema_validator.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace structured_answer_test {

enum class Continent { europe, asia, africa };
PARADIGM_STRUCTURED_ENUM(Continent, europe, asia, africa)

struct Landmark {
  std::string name;
  Continent continent = Continent::asia;
  std::optional<double> height_m;
};
PARADIGM_STRUCTURED(Landmark, name, continent, height_m)

struct City {
  std::string capital;
  std::string country;
  Continent continent = Continent::asia;
  std::int64_t population = 0;
  std::int8_t tiny = 0;
  std::uint16_t districts = 0;
  std::uint64_t visitors = 0;
  std::int32_t founded = 0;
  double area_km2 = 0;
  bool coastal = false;
  paradigm::JsonValue extra;
  std::vector<std::string> neighbours;
  std::vector<Landmark> landmarks;
  std::optional<std::vector<Continent>> trade_partners;
  std::optional<Landmark> tallest;
};
PARADIGM_STRUCTURED(City, capital, country, continent, population, tiny, districts, visitors, founded,
                    area_km2, coastal, extra, neighbours, landmarks, trade_partners, tallest)
PARADIGM_DESCRIBE(City, population, "Inhabitants of the city proper")

struct Wrapper {
  std::vector<std::vector<Landmark>> grid;
  std::optional<std::int16_t> level;
};
PARADIGM_STRUCTURED(Wrapper, grid, level)

}  // namespace structured_answer_test

namespace paradigm::mock::structured_answers {
namespace {

using nlohmann::json;
using ::structured_answer_test::City;
using ::structured_answer_test::Continent;
using ::structured_answer_test::Wrapper;

class StructuredAnswers : public ::testing::Test {
 protected:
  StructuredAnswers() : http("127.0.0.1", server.port()) {
    http.set_default_headers({{"Authorization", "Bearer test-key"}});
    http.set_read_timeout(std::chrono::seconds(30));
  }

  // The final text of a synchronous turn asked with this response_format.
  std::string answer_for(const json& response_format, const std::string& query = "Tell me about Paris") {
    const json body = {{"query", query}, {"response_format", response_format}};
    auto res = http.Post("/api/v3/threads/turns", body.dump(), "application/json");
    if (!res || res->status != 200) return "no answer";
    const json turn = json::parse(res->body);
    return turn["messages"][1]["parts"].back()["text"];
  }

  // Validation errors of the answer to `schema` (empty: it validates).
  std::vector<std::string> errors_for(const json& schema) {
    const std::string text = answer_for(schema);
    const json answer = json::parse(text, nullptr, false);
    if (answer.is_discarded()) return {"not JSON: " + text};
    auto errors = test_support::SchemaValidator(schema).errors(answer);
    if (!errors.empty()) errors.push_back("answer: " + text);
    return errors;
  }

  MockServer server;
  httplib::Client http;
};

using Errors = std::vector<std::string>;

TEST_F(StructuredAnswers, TheDocumentedExampleGetsItsCapital) {
  const json schema = json::parse(R"({"type": "object", "properties": {"capital": {"type": "string"},
    "country": {"type": "string"}}, "required": ["capital", "country"]})");
  EXPECT_EQ(json::parse(answer_for(schema)), json::parse(R"({"capital": "Paris", "country": "France"})"));
}

TEST_F(StructuredAnswers, EnumsAndConstsTakeAListedValue) {
  EXPECT_EQ(errors_for(json::parse(R"({"type": "object", "required": ["continent", "code", "level", "kind"],
    "properties": {"continent": {"type": "string", "enum": ["europe", "asia"]},
                   "code": {"enum": [3, 5]},
                   "level": {"type": ["string", "null"], "enum": [null, "high"]},
                   "kind": {"const": "city"}}})")),
            Errors{});
}

TEST_F(StructuredAnswers, NumbersStayWithinTheirBounds) {
  EXPECT_EQ(errors_for(json::parse(R"({"type": "object", "properties": {
    "small": {"type": "integer", "minimum": 5, "maximum": 9},
    "negative": {"type": "integer", "maximum": -3},
    "above": {"type": "integer", "exclusiveMinimum": 0},
    "below": {"type": "number", "exclusiveMaximum": -1.5},
    "unit": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
    "draft4": {"type": "integer", "minimum": 10, "exclusiveMinimum": true, "maximum": 12},
    "even": {"type": "integer", "minimum": 3, "multipleOf": 2},
    "huge": {"type": "integer", "minimum": 9007199254740993},
    "u64": {"type": "integer", "minimum": 0, "maximum": 9223372036854775807}}})")),
            Errors{});
}

TEST_F(StructuredAnswers, StringsKeepTheirLengthsInCodePoints) {
  EXPECT_EQ(errors_for(json::parse(R"({"type": "object", "properties": {
    "long": {"type": "string", "minLength": 40},
    "short": {"type": "string", "maxLength": 3},
    "exact": {"type": "string", "minLength": 7, "maxLength": 7},
    "empty": {"type": "string", "maxLength": 0},
    "ville_été": {"type": "string", "maxLength": 8},
    "when": {"type": "string", "format": "date-time"}}})")),
            Errors{});
}

TEST_F(StructuredAnswers, ArraysHoldValidItemsWithinTheirCounts) {
  EXPECT_EQ(errors_for(json::parse(R"({"type": "object", "properties": {
    "cities": {"type": "array", "minItems": 3, "maxItems": 5, "items": {"type": "object",
      "properties": {"name": {"type": "string"}, "continent": {"enum": ["europe", "asia"]}},
      "required": ["name", "continent"]}},
    "none": {"type": "array", "maxItems": 0, "items": {"type": "string"}},
    "tuple": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "boolean"}], "minItems": 2},
    "draft4_tuple": {"type": "array", "items": [{"type": "string"}, {"type": "null"}], "minItems": 2},
    "distinct": {"type": "array", "minItems": 3, "uniqueItems": true, "items": {"type": "string", "maxLength": 12}},
    "distinct_enum": {"type": "array", "minItems": 2, "uniqueItems": true, "items": {"enum": ["a", "b"]}},
    "distinct_numbers": {"type": "array", "minItems": 3, "uniqueItems": true,
      "items": {"type": "integer", "minimum": 1, "maximum": 3}}},
    "required": ["cities", "none", "tuple", "draft4_tuple", "distinct", "distinct_enum", "distinct_numbers"]})")),
            Errors{});
  const json answer = json::parse(answer_for(json::parse(
      R"({"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}})")));
  EXPECT_FALSE(answer["tags"].empty()) << "an array shows what its items look like";
}

TEST_F(StructuredAnswers, BooleansNullsAndTypeListsAreAnswered) {
  EXPECT_EQ(
      errors_for(json::parse(R"({"type": "object", "required": ["flag", "nothing", "maybe", "number_or_null"],
    "properties": {"flag": {"type": "boolean"}, "nothing": {"type": "null"},
                   "maybe": {"type": ["string", "null"], "minLength": 2},
                   "number_or_null": {"type": ["null", "integer"], "minimum": 4}}})")),
      Errors{});
}

TEST_F(StructuredAnswers, CombinatorsTakeAValidBranch) {
  EXPECT_EQ(errors_for(json::parse(R"({"type": "object", "required": ["any", "one", "all", "nullable_object"],
    "properties": {
      "any": {"anyOf": [{"type": "integer", "minimum": 10}, {"type": "string"}]},
      "one": {"oneOf": [
        {"type": "object", "properties": {"kind": {"const": "circle"}, "r": {"type": "number"}},
         "required": ["kind", "r"]},
        {"type": "object", "properties": {"kind": {"const": "square"}}, "required": ["kind"]}]},
      "all": {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
                        {"properties": {"b": {"type": "integer", "minimum": 2}}, "required": ["b"]}]},
      "nullable_object": {"anyOf": [{"type": "null"},
        {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]}]}}})")),
            Errors{});
}

TEST_F(StructuredAnswers, RefsResolveIntoDefsAndDefinitions) {
  EXPECT_EQ(errors_for(json::parse(R"({"type": "object", "required": ["home", "route", "tree"],
    "properties": {"home": {"$ref": "#/$defs/place"},
                   "route": {"type": "array", "minItems": 2, "items": {"$ref": "#/definitions/stop"}},
                   "tree": {"$ref": "#/$defs/node"}},
    "$defs": {"place": {"type": "object", "properties": {"continent": {"$ref": "#/$defs/continent"}},
                        "required": ["continent"]},
              "continent": {"type": "string", "enum": ["europe", "asia"]},
              "node": {"type": "object", "properties": {"label": {"type": "string"},
                        "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
                       "required": ["label", "children"]}},
    "definitions": {"stop": {"type": "object", "properties": {"order": {"type": "integer", "minimum": 1}},
                             "required": ["order"]}}})")),
            Errors{});
}

TEST_F(StructuredAnswers, AnOpenAiStyleWrapperIsUnwrapped) {
  const json inner = json::parse(R"({"type": "object", "properties": {"continent": {"enum": ["europe"]}},
    "required": ["continent"]})");
  const json wrapped = {{"type", "json_schema"}, {"json_schema", {{"name", "place"}, {"schema", inner}}}};
  EXPECT_EQ(json::parse(answer_for(wrapped)), json::parse(R"({"continent": "europe"})"));
}

TEST_F(StructuredAnswers, AStreamedTurnEndsWithTheSameValidAnswer) {
  const json schema = json::parse(R"({"type": "object", "properties": {"continent": {"enum": ["asia"]},
    "size": {"type": "integer", "minimum": 7}}, "required": ["continent", "size"]})");
  const std::string thread = json::parse(http.Post("/api/v3/threads", "{}", "application/json")->body)["id"];
  const json body = {{"query", "Where?"}, {"response_format", schema}, {"stream", true}};
  auto res = http.Post(("/api/v3/threads/" + thread + "/turns").c_str(), body.dump(), "application/json");
  ASSERT_TRUE(res);
  std::string text;  // the deltas, put together
  for (std::size_t at = res->body.find("event: part.delta\ndata: "); at != std::string::npos;
       at = res->body.find("event: part.delta\ndata: ", at + 1)) {
    const std::size_t data = at + std::string("event: part.delta\ndata: ").size();
    text +=
        json::parse(res->body.substr(data, res->body.find('\n', data) - data))["delta"].get<std::string>();
  }
  EXPECT_EQ(test_support::SchemaValidator(schema).errors(json::parse(text)), Errors{}) << text;
}

TEST_F(StructuredAnswers, TheOffSchemaMarkerAnswersPlaceholdersThatDoNotValidate) {
  const json schema = json::parse(
      R"({"type": "object", "properties": {"continent": {"type": "string", "enum": ["europe", "asia"]},
    "tags": {"type": "array", "minItems": 1, "items": {"type": "string"}}}, "required": ["continent", "tags"]})");
  const json answer = json::parse(answer_for(schema, "Where is Paris? [off_schema]"));
  EXPECT_EQ(answer["continent"], "mock continent");
  EXPECT_EQ(answer["tags"], json::array());
  EXPECT_FALSE(test_support::SchemaValidator(schema).errors(answer).empty());
}

// The schemas the SDK generates (schema_of<T>()), read back with its public
// parser: a struct with an enum, nested and repeated structs, every integer width.
TEST_F(StructuredAnswers, EverySchemaTheSdkGeneratesIsAnsweredSoThatItParses) {
  const json city_schema = json::parse(paradigm::schema_of<City>().dump());
  const std::string city_text = answer_for(city_schema, "What is the capital of France?");
  EXPECT_EQ(test_support::SchemaValidator(city_schema).errors(json::parse(city_text)), Errors{}) << city_text;
  City city;
  ASSERT_NO_THROW(city = paradigm::parse<City>(city_text)) << city_text;
  EXPECT_EQ(city.capital, "Paris");
  EXPECT_EQ(city.continent, Continent::europe);  // the first listed value
  ASSERT_EQ(city.landmarks.size(), 1u);
  EXPECT_EQ(city.landmarks[0].continent, Continent::europe);
  ASSERT_TRUE(city.trade_partners);
  EXPECT_EQ(city.trade_partners->size(), 1u);

  const json wrapper_schema = json::parse(paradigm::schema_of<Wrapper>().dump());
  const std::string wrapper_text = answer_for(wrapper_schema);
  EXPECT_EQ(test_support::SchemaValidator(wrapper_schema).errors(json::parse(wrapper_text)), Errors{});
  EXPECT_NO_THROW(paradigm::parse<Wrapper>(wrapper_text)) << wrapper_text;
}

}  // namespace
}  // namespace paradigm::mock::structured_answers
