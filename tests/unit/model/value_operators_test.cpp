// Every value type of the public headers compares field by field (`extra`
// too) and prints as JSON, never as bytes: `EXPECT_EQ(turn, expected)`
// compiles and a failed EXPECT_CALL shows the request. Driven by the field
// descriptions and the type lists, and the lists are checked against the
// headers, so that a type or a field added later cannot be forgotten.

#include <paradigm/download.hpp>
#include <paradigm/model_types.hpp>
#include <paradigm/progress.hpp>
#include <paradigm/stream.hpp>

#include "json/model_fields.hpp"
#include "json/value_fields.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>

namespace paradigm::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::PrintToString;

// Visits nothing: what `fields(...)` is tried with to tell a described struct.
struct NoField {
  template <class Field>
  bool operator()(const char*, Field&&) const {
    return false;
  }
};

// Makes a value differ from its default, whatever its type; an optional is
// set and its value changed, a described struct changes its first field. The
// templates call each other: all are declared first.
template <class E>
void change(OpenEnum<E>& value);
template <class T>
void change(std::optional<T>& value);
template <class T>
void change(std::vector<T>& values);
template <class Kind, class T>
void change(detail::Marked<Kind, T> marked);
template <class T>
auto change(T& value) -> decltype(fields(std::declval<NoField>(), value, detail::Of<T>{}), void());
inline void change(std::string& value) {
  value = "changed";
}
inline void change(std::int64_t& value) {
  value = 41;
}
inline void change(std::uint64_t& value) {
  value = 42;
}
inline void change(int& value) {
  value = 4;
}
inline void change(double& value) {
  value = 0.25;
}
inline void change(bool& value) {
  value = !value;
}
inline void change(Timestamp& value) {
  value = Timestamp::parse("2026-02-03T04:05:06Z");
}
inline void change(JsonValue& value) {
  value = JsonValue::object().set("changed", 1);
}
inline void change(std::map<std::string, double>& value) {
  value["changed"] = 1.5;
}
inline void change(QueryParams& value) {
  value.emplace_back("changed", "yes");
}
inline void change(TurnProgress::Kind& value) {
  value = TurnProgress::Kind::tool_step;
}
template <class E>
void change(OpenEnum<E>& value) {
  value = OpenEnum<E>::from_text("changed");
}
template <class T>
void change(std::optional<T>& value) {
  change(value.emplace());
}
template <class T>
void change(std::vector<T>& values) {
  values.emplace_back();
}
template <class Kind, class T>
void change(detail::Marked<Kind, T> marked) {
  change(marked.target);
}
// Changes the n-th field of a description.
class ChangeNth {
 public:
  explicit ChangeNth(std::size_t n) : n_(n) {}
  template <class Field>
  bool operator()(const char* name, Field&& field) {
    if (index_++ != n_) return false;
    change(field);
    name_ = name;
    return true;
  }
  const std::string& name() const { return name_; }

 private:
  std::size_t n_;
  std::size_t index_ = 0;
  std::string name_;
};

// A struct member (e.g. ToolCall::tool): its first field changes.
template <class T>
auto change(T& value) -> decltype(fields(std::declval<NoField>(), value, detail::Of<T>{}), void()) {
  ChangeNth first(0);
  fields(first, value, detail::Of<T>{});
}

template <class T>
std::size_t field_count() {
  std::size_t count = 0;
  const T value{};
  fields(
      [&count](const char*, const auto&) {
        ++count;
        return false;
      },
      value, detail::Of<T>{});
  return count;
}

template <class T, class = void>
struct HasExtra : std::false_type {};
template <class T>
struct HasExtra<T, std::void_t<decltype(std::declval<T&>().extra)>> : std::true_type {};

template <class T>
void expect_compared_and_printed(const char* name) {
  const T empty{};
  EXPECT_TRUE(empty == T{}) << name;
  EXPECT_FALSE(empty != T{}) << name;
  EXPECT_THAT(PrintToString(empty), Not(HasSubstr("-byte object"))) << name;
  const std::size_t count = field_count<T>();
  EXPECT_GT(count, 0u) << name;
  for (std::size_t n = 0; n < count; ++n) {
    T changed{};
    ChangeNth change_nth(n);
    fields(change_nth, changed, detail::Of<T>{});
    const T copy = changed;
    EXPECT_TRUE(changed != empty) << name << "::" << change_nth.name() << " is not compared";
    EXPECT_FALSE(changed == empty) << name << "::" << change_nth.name();
    EXPECT_EQ(changed, copy) << name << "::" << change_nth.name();
    EXPECT_THAT(PrintToString(changed), HasSubstr("\"" + change_nth.name() + "\""))
        << name << "::" << change_nth.name() << " is not printed";
  }
  T with_extra{};
  if constexpr (HasExtra<T>::value) {
    with_extra.extra = JsonValue::object().set("zz_future", 1);
  } else if constexpr (is_request_type_v<T>) {
    with_extra.extra_body = JsonValue::object().set("zz_future", 1);
  } else {
    return;
  }
  EXPECT_NE(with_extra, empty) << name << ": extra is not compared";
  EXPECT_THAT(PrintToString(with_extra), HasSubstr("zz_future")) << name << ": extra is not printed";
}

std::set<std::string>& listed() {
  static std::set<std::string> names;
  return names;
}

TEST(ValueOperators, EveryListedTypeComparesEveryFieldAndPrintsIt) {
#define PARADIGM_EXPECT_OPERATORS(Type)     \
  expect_compared_and_printed<Type>(#Type); \
  listed().insert(#Type);
  PARADIGM_MODEL_TYPES(PARADIGM_EXPECT_OPERATORS)
  PARADIGM_REQUEST_TYPES(PARADIGM_EXPECT_OPERATORS)
  PARADIGM_VALUE_TYPES(PARADIGM_EXPECT_OPERATORS)
#undef PARADIGM_EXPECT_OPERATORS
  EXPECT_GE(listed().size(), 31u + 3u + 10u);  // the lists are not empty
}

std::string header_text(const std::string& name) {
  std::ifstream file(std::string(PARADIGM_TEST_DATA_DIR) + "/../../include/paradigm/" + name + ".hpp");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The structs of the model's headers are all in the lists (the listing's
// option types have no `PARADIGM_API`-less exceptions to hide behind).
TEST(ValueOperators, TheListsHoldEveryStructOfTheModelHeaders) {
  std::set<std::string> in_lists;
#define PARADIGM_NAME(Type) in_lists.insert(#Type);
  PARADIGM_MODEL_TYPES(PARADIGM_NAME)
  PARADIGM_REQUEST_TYPES(PARADIGM_NAME)
  PARADIGM_VALUE_TYPES(PARADIGM_NAME)
#undef PARADIGM_NAME
  const std::regex declaration(R"(\nstruct (?:PARADIGM_API )?(\w+)(?: : \w+)? \{)");
  std::set<std::string> declared;
  for (const char* header : {"turn", "thread", "agent", "tool", "source", "artifact", "page", "download",
                             "progress", "requests", "stream"}) {
    const std::string text = header_text(header);
    ASSERT_FALSE(text.empty()) << header;
    for (std::sregex_iterator it(text.begin(), text.end(), declaration), end; it != end; ++it)
      declared.insert((*it)[1]);
  }
  EXPECT_EQ(declared.count("Page"), 1u);
  declared.erase("Page");  // listed by instance: Page<Turn>, ...
  for (const auto& name : declared)
    EXPECT_EQ(in_lists.count(name), 1u) << name << " has no ==, != and <<";
}

TEST(ValueOperators, ATurnComparesDeeply) {
  Turn a;
  a.id = "u1";
  a.messages.emplace_back().parts.emplace_back().text = "Paris";
  Turn b = a;
  EXPECT_EQ(a, b);
  b.messages[0].parts[0].text = "Lyon";
  EXPECT_NE(a, b);
  EXPECT_THAT(PrintToString(b), HasSubstr("Lyon"));
}

TEST(ValueOperators, AFailedExpectationShowsTheTurnAsJson) {
  Turn expected;
  expected.id = "u1";
  expected.status = TurnStatus::completed;
  Turn actual = expected;
  actual.status = TurnStatus::failed;
  const std::string shown = PrintToString(actual);
  EXPECT_THAT(shown, HasSubstr(R"("status":"failed")"));
  EXPECT_THAT(shown, HasSubstr(R"("id":"u1")"));
}

TEST(ValueOperators, ARequestPrintsAsTheBodySentAndNeverThrows) {
  TurnRequest ask;
  ask.query = "What is the capital of France?";
  ask.extra_body = JsonValue::array();  // not an object: the body cannot be made, the value prints
  EXPECT_THAT(PrintToString(ask), HasSubstr(R"("query":"What is the capital of France?")"));
  ask.query = std::string("bad \xff utf-8");
  EXPECT_THAT(PrintToString(ask), HasSubstr("bad"));
}

TEST(ValueOperators, DownloadedBytesPrintTheirSizeAndAStart) {
  ArtifactContent content;
  content.bytes = std::string(100000, 'x');
  const std::string shown = PrintToString(content);
  EXPECT_THAT(shown, HasSubstr(R"("size":100000)"));
  EXPECT_LT(shown.size(), 400u);
}

TEST(ValueOperators, EnumsTimestampsAndJsonPrintAsText) {
  EXPECT_EQ(PrintToString(TurnStatus::completed), "completed");
  EXPECT_EQ(PrintToString(OpenEnum<TurnStatus>(TurnStatus::failed)), "failed");
  EXPECT_EQ(PrintToString(OpenEnum<TurnStatus>::from_text("paused")), "paused");
  EXPECT_EQ(PrintToString(OpenEnum<TurnStatus>()), "unknown");
  EXPECT_EQ(PrintToString(TurnProgress::Kind::tool_step), "tool_step");
  EXPECT_EQ(PrintToString(Timestamp::parse("2025-12-16T16:01:53.806331Z")), "2025-12-16T16:01:53.806331Z");
  EXPECT_EQ(PrintToString(JsonValue::object().set("a", 1)), R"({"a":1})");
}

}  // namespace
}  // namespace paradigm::test
