// Reading answers into described types: every kind of member, and errors that
// name the offending member and keep the text.
#include "structured_types.hpp"

#include <paradigm/serialize.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace structured_test {
namespace {

using paradigm::DecodeError;
using paradigm::parse;
using paradigm::StructuredOutputError;

const char* const kFrance = R"({
  "name": "France", "landlocked": false, "founded": 843, "regions": 18, "visitors": 100000000,
  "area": 551695.5, "flag": "blue", "languages": ["French", "Occitan"],
  "cities": [{"name": "Lyon", "population": 522000, "districts": [{"name": "Presqu'ile", "area_km2": 2.5}]}],
  "capital": {"name": "Paris", "population": 2100000, "districts": []},
  "extra": {"anything": [1, 2]}, "unknown_member": "ignored"
})";

// The error `text` gives when read as a T (fails the test if none).
template <class T>
DecodeError error_of(const std::string& text) {
  try {
    parse<T>(text);
  } catch (const DecodeError& e) {
    return e;
  }
  ADD_FAILURE() << "no DecodeError for " << text;
  return DecodeError("none");
}

TEST(Parse, EveryKindOfMemberIsRead) {
  const Country france = parse<Country>(kFrance);
  EXPECT_EQ(france.name, "France");
  EXPECT_FALSE(france.landlocked);
  EXPECT_EQ(france.founded, 843);
  EXPECT_EQ(france.regions, 18);
  EXPECT_EQ(france.visitors, 100000000u);
  EXPECT_FLOAT_EQ(france.area, 551695.5f);
  EXPECT_EQ(france.flag, Color::blue);
  EXPECT_EQ(france.languages, (std::vector<std::string>{"French", "Occitan"}));
  ASSERT_EQ(france.cities.size(), 1u);
  EXPECT_EQ(france.cities[0].population, 522000);
  ASSERT_EQ(france.cities[0].districts.size(), 1u);
  EXPECT_EQ(france.cities[0].districts[0].area_km2, 2.5);
  ASSERT_TRUE(france.capital);
  EXPECT_EQ(france.capital->name, "Paris");
  EXPECT_FALSE(france.motto);
  EXPECT_EQ(france.extra["anything"][1].as_int(), 2);
}

TEST(Parse, AnOptionalMemberMayBeAbsentOrNull) {
  const District absent = parse<District>(R"({"name": "Marais"})");
  EXPECT_FALSE(absent.area_km2);
  const District null = parse<District>(R"({"name": "Marais", "area_km2": null})");
  EXPECT_FALSE(null.area_km2);
}

TEST(Parse, AnIntegerWrittenWithAFractionOfZeroIsAnInteger) {
  EXPECT_EQ(parse<City>(R"({"name": "Lyon", "population": 5.0, "districts": []})").population, 5);
}

TEST(Parse, AJsonCodeFenceAroundTheAnswerIsAccepted) {
  EXPECT_EQ(parse<District>("```json\n{\"name\": \"Marais\"}\n```\n").name, "Marais");
}

TEST(Parse, AWrongTypeNamesTheMemberAndKeepsTheText) {
  const std::string text = R"({"name": "Lyon", "population": "half a million", "districts": []})";
  const DecodeError e = error_of<City>(text);
  EXPECT_EQ(e.path(), "population");
  EXPECT_EQ(e.raw(), text);
  EXPECT_NE(std::string(e.what()).find("expected integer, got string"), std::string::npos) << e.what();
}

TEST(Parse, APathReachesIntoArraysAndNestedStructs) {
  const DecodeError e = error_of<Country>(
      std::string(kFrance).replace(std::string(kFrance).find(R"("name": "Presqu'ile")"), 20, R"("name": 7)"));
  EXPECT_EQ(e.path(), "cities[0].districts[0].name");
}

TEST(Parse, AMissingRequiredMemberIsNamed) {
  const DecodeError e = error_of<City>(R"({"name": "Lyon", "districts": []})");
  EXPECT_EQ(e.path(), "population");
  EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos);
}

TEST(Parse, AnEnumValueOutsideTheNamesIsRefused) {
  const DecodeError e = error_of<Color>(R"("purple")");
  EXPECT_EQ(e.path(), "");
  EXPECT_NE(std::string(e.what()).find(R"(expected one of "red", "green", "blue", got "purple")"),
            std::string::npos)
      << e.what();
}

TEST(Parse, AnIntegerOutOfTheMembersRangeIsRefused) {
  std::string text = kFrance;
  text.replace(text.find("\"regions\": 18"), 13, "\"regions\": 70000");
  EXPECT_EQ(error_of<Country>(text).path(), "regions");
}

TEST(Parse, NullForARequiredMemberIsAMismatch) {
  EXPECT_EQ(error_of<District>(R"({"name": null})").path(), "name");
}

TEST(Parse, TextThatIsNotJsonIsADecodeErrorWithTheText) {
  const DecodeError e = error_of<City>("Paris, of course.");
  EXPECT_EQ(e.path(), "");
  EXPECT_EQ(e.raw(), "Paris, of course.");
  EXPECT_NE(std::string(e.what()).find("not JSON"), std::string::npos);
}

paradigm::Turn turn_answering(const std::string& status, const std::string& answer) {
  nlohmann::json parts = nlohmann::json::array();
  if (!answer.empty()) parts.push_back({{"type", "text"}, {"text", answer}});
  const nlohmann::json turn = {
      {"id", "u1"},
      {"thread", "t1"},
      {"status", status},
      {"messages",
       {{{"id", "m1"}, {"role", "user"}, {"parts", {{{"type", "text"}, {"text", "Marais?"}}}}},
        {{"id", "m2"}, {"role", "assistant"}, {"parts", parts}}}}};
  return paradigm::from_json<paradigm::Turn>(turn.dump());
}

TEST(ParseTurn, TheFinalAnswerOfACompletedTurnIsRead) {
  const auto turn = turn_answering("completed", R"({"name": "Marais"})");
  EXPECT_EQ(parse<District>(turn).name, "Marais");
}

TEST(ParseTurn, AMismatchKeepsTheTurnReachable) {
  const auto turn = turn_answering("completed", R"({"name": ["Marais"]})");
  try {
    parse<District>(turn);
    FAIL() << "no StructuredOutputError";
  } catch (const StructuredOutputError& e) {
    EXPECT_EQ(e.path(), "name");
    EXPECT_EQ(e.raw(), R"({"name": ["Marais"]})");
    EXPECT_EQ(e.turn().id, "u1");
    EXPECT_NE(std::string(e.what()).find("turn u1"), std::string::npos);
  }
}

TEST(ParseTurn, ATurnThatDidNotCompleteHasNoAnswerToRead) {
  const auto turn = turn_answering("failed", "");
  try {
    parse<District>(turn);
    FAIL() << "no StructuredOutputError";
  } catch (const StructuredOutputError& e) {
    EXPECT_EQ(e.turn().status, paradigm::TurnStatus::failed);
    EXPECT_NE(std::string(e.what()).find("is failed"), std::string::npos);
  }
}

// parse_checked: the same reading for a schema known only at run time.
const char* const kDistrictSchema =
    R"({"type": "object", "properties": {"name": {"type": "string"}, "motto": {"type": "string"}},
        "required": ["name"]})";

TEST(ParseChecked, ReadsTextAgainstARunTimeSchemaWithTheSameLeniency) {
  const auto schema = paradigm::JsonValue::parse(kDistrictSchema);
  const auto value = paradigm::parse_checked("```json\n{\"name\": \"Marais\", \"motto\": null}\n```", schema);
  EXPECT_EQ(value, paradigm::JsonValue::parse(R"({"name": "Marais", "motto": null})"));
  try {
    paradigm::parse_checked(R"({"motto": "Fluctuat"})", schema);
    FAIL() << "no DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.raw(), R"({"motto": "Fluctuat"})");
    EXPECT_NE(std::string(e.what()).find("name"), std::string::npos) << e.what();
  }
}

TEST(ParseChecked, ReadsTheAnswerOfACompletedTurnOnly) {
  const auto schema = paradigm::JsonValue::parse(kDistrictSchema);
  EXPECT_EQ(paradigm::parse_checked(turn_answering("completed", R"({"name": "Marais"})"), schema),
            paradigm::JsonValue::parse(R"({"name": "Marais"})"));
  EXPECT_THROW(paradigm::parse_checked(turn_answering("running", ""), schema), StructuredOutputError);
  EXPECT_THROW(paradigm::parse_checked(turn_answering("completed", R"({"name": 3})"), schema),
               StructuredOutputError);
}

TEST(StructuredResult, HoldsTheValueOnlyOnceTheTurnCompleted) {
  const auto done =
      paradigm::detail::structured<District>(turn_answering("completed", R"({"name": "Marais"})"));
  ASSERT_TRUE(done.value);
  EXPECT_EQ(done.value->name, "Marais");
  EXPECT_FALSE(paradigm::detail::structured<District>(turn_answering("running", "")).value);
  EXPECT_FALSE(paradigm::detail::structured<District>(turn_answering("cancelled", "")).value);
}

TEST(StructuredRequest, TheSchemaIsSentUnlessTheRequestHasOne) {
  paradigm::TurnRequest request;
  request.query = "Lyon?";
  EXPECT_EQ(paradigm::detail::with_response_format<District>(request).response_format,
            paradigm::schema_of<District>());
  request.response_format = paradigm::JsonValue::parse(R"({"type": "object", "maxProperties": 2})");
  EXPECT_EQ(paradigm::detail::with_response_format<District>(request).response_format,
            request.response_format);
}

}  // namespace
}  // namespace structured_test
