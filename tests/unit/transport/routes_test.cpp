#include "workflow/routes.hpp"
#include "workflow/paths.hpp"

#include <paradigm/errors.hpp>

#include <gtest/gtest.h>

namespace paradigm::detail {
namespace {

TEST(Routes, OrdinaryIdsStayReadable) {
  EXPECT_EQ(paths::turn("783b089b-0ecc-496b", "9339cf12_x.y~z"),
            "/api/v3/threads/783b089b-0ecc-496b/turns/9339cf12_x.y~z");
  EXPECT_EQ(paths::agent(42), "/api/v3/agents/42");
  EXPECT_EQ(paths::artifact_content("a1"), "/api/v3/artifacts/a1/content");
}

TEST(Routes, IdsCannotChangeTheRoute) {
  EXPECT_EQ(paths::thread("../x"), "/api/v3/threads/..%2Fx");
  EXPECT_EQ(paths::thread(".."), "/api/v3/threads/%2E%2E");
  EXPECT_EQ(paths::thread("."), "/api/v3/threads/%2E");
  EXPECT_EQ(paths::thread("a/b"), "/api/v3/threads/a%2Fb");
  EXPECT_EQ(paths::thread("a?b=c#d"), "/api/v3/threads/a%3Fb%3Dc%23d");
  EXPECT_EQ(paths::thread("a b"), "/api/v3/threads/a%20b");
  EXPECT_EQ(paths::thread(std::string("a\0b", 3)), "/api/v3/threads/a%00b");
  EXPECT_EQ(paths::thread("é"), "/api/v3/threads/%C3%A9");
}

TEST(Routes, EmptyIdsAreRefusedBeforeSending) {
  EXPECT_THROW(paths::thread(""), InvalidRequestError);
  try {
    paths::turn("t", "");
    FAIL();
  } catch (const InvalidRequestError& e) {
    EXPECT_NE(std::string(e.what()).find("turn_id"), std::string::npos);
  }
}

TEST(Routes, QueryStringEncodesKeysAndValues) {
  EXPECT_EQ(query_string({}), "");
  EXPECT_EQ(query_string({{"limit", "1"}, {"starting_after", "a&b=c"}}), "?limit=1&starting_after=a%26b%3Dc");
}

TEST(Routes, BaseUrlAcceptsBothDocumentedForms) {
  EXPECT_EQ(normalize_base_url("https://paradigm.lighton.ai"), "https://paradigm.lighton.ai");
  EXPECT_EQ(normalize_base_url("https://paradigm.lighton.ai/"), "https://paradigm.lighton.ai");
  EXPECT_EQ(normalize_base_url("https://paradigm.lighton.ai/api/v3"), "https://paradigm.lighton.ai");
  EXPECT_EQ(normalize_base_url("https://paradigm.lighton.ai/api/v3/"), "https://paradigm.lighton.ai");
  EXPECT_EQ(normalize_base_url(" http://127.0.0.1:8080/prefix/api/v3 "), "http://127.0.0.1:8080/prefix");
}

TEST(Routes, MalformedBaseUrlsAreRefused) {
  for (const char* bad : {"", "paradigm.lighton.ai", "ftp://host", "https://", "https:///path",
                          "http://h/x?y=1", "http://h/#f"}) {
    EXPECT_THROW(normalize_base_url(bad), InvalidRequestError) << bad;
  }
}

TEST(Routes, OptionalParametersAreAddedOnlyWhenSet) {
  QueryParams query;
  add_param(query, "a", std::optional<bool>{});
  add_param(query, "b", std::optional<bool>{true});
  add_param(query, "c", std::optional<int>{3});
  add_param(query, "d", std::optional<std::string>{"x"});
  add_param(query, "e", std::optional<std::int64_t>{-7});
  EXPECT_EQ(query_string(query), "?b=true&c=3&d=x&e=-7");
}

}  // namespace
}  // namespace paradigm::detail
