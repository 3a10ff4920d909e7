#pragma once

// What the listings share: page-number query parameters, extra query
// parameters, and answers that are a bare array or a page of `results`.

#include "json/codec.hpp"
#include "workflow/fetch.hpp"
#include "workflow/request.hpp"
#include "workflow/routes.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace paradigm::detail {

/// `page` and `<size_name>` (1 to `max_size`). Throws InvalidRequestError for values out of range.
void add_page(QueryParams& query, const std::optional<int>& page, const std::optional<int>& page_size,
              const char* size_name, int max_size);

/// The caller's extra query parameters, after the SDK's own.
void append_query(QueryParams& query, const QueryParams& extra);

/// The items of a listing, whether the server answers a bare array or a page
/// object with `results`. A DecodeError names `where` (the request).
template <class Item>
std::vector<Item> decode_items(const Answer& answer, const std::string& where) {
  try {
    nlohmann::json json = parse_json(answer.body);
    if (json.is_object() && json.contains("results")) json = std::move(json["results"]);
    if (!json.is_array()) throw DecodeError("expected an array or an object with `results`", "", answer.body);
    std::vector<Item> items;
    items.reserve(json.size());
    for (auto& item : json)
      items.push_back(decode<Item>(std::move(item)));
    return items;
  } catch (const DecodeError& e) {
    throw DecodeError(where + ": " + e.what(), e.path(), answer.body);
  }
}

/// A page of any model type: a page object, or (tolerated) a bare array, as one page.
template <class Item>
Page<Item> decode_page(const Answer& answer, const std::string& where) {
  try {
    Json json = parse_json(answer.body);
    Page<Item> page;
    if (json.is_array()) {
      read(json, JsonPath(), page.results);
    } else {
      if (!json.is_object()) throw DecodeError("expected a page object or an array", "", answer.body);
      read(json, JsonPath(), page);
    }
    return page;
  } catch (const DecodeError& e) {
    throw DecodeError(where + ": " + e.what(), e.path(), answer.body);
  }
}

/// Sends `spec` and decodes its answer as a page.
template <class Item>
void fetch_page(const CallPtr& call, RequestSpec spec, Callback<Page<Item>> done) {
  std::string where = call->context().describe(spec);
  fetch_answer(call, std::move(spec),
               [where = std::move(where), done = std::move(done)](Result<Answer> answer) {
                 if (forward_error(answer, done)) return;
                 done(capture([&] { return decode_page<Item>(answer.value(), where); }));
               });
}

/// Sends `spec` and decodes the items of its answer.
template <class Item>
void fetch_items(const CallPtr& call, RequestSpec spec, Callback<std::vector<Item>> done) {
  std::string where = call->context().describe(spec);
  fetch_answer(call, std::move(spec),
               [where = std::move(where), done = std::move(done)](Result<Answer> answer) {
                 if (forward_error(answer, done)) return;
                 done(capture([&] { return decode_items<Item>(answer.value(), where); }));
               });
}

}  // namespace paradigm::detail
