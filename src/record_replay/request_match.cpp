#include "record_replay/request_match.hpp"

#include "core/text.hpp"
#include "json/model_json.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace paradigm::detail {

namespace {

bool same_body(const std::optional<std::string>& live, const std::optional<std::string>& recorded,
               BodyMatch match) {
  if (match == BodyMatch::ignore) return true;
  if (!live || !recorded) return live.has_value() == recorded.has_value();
  if (*live == *recorded) return true;
  if (match == BodyMatch::exact) return false;
  // As values: nlohmann::json objects compare without regard to member order.
  const auto a = detail::try_parse_json(*live);
  const auto b = detail::try_parse_json(*recorded);
  return !a.is_discarded() && !b.is_discarded() && a == b;
}

}  // namespace

std::string Agreement::differences() const {
  std::vector<std::string> parts;
  if (!method) parts.emplace_back("method");
  if (!path) parts.emplace_back("path");
  if (!query) parts.emplace_back("query");
  if (!body) parts.emplace_back("body");
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i)
    text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return text;
}

Agreement compare(const ReplayedRequest& request, const RecordedExchange& recorded,
                  const ReplayOptions& options) {
  Agreement agreement;
  agreement.method = request.method == recorded.method;
  agreement.path = request.path == recorded.path;
  agreement.query = !options.match_query || request.query == recorded.query;
  agreement.body = same_body(request.body, recorded.request_body, options.body);
  return agreement;
}

std::string describe(const std::string& method, const std::string& path, const std::string& query,
                     const std::optional<std::string>& body) {
  std::string text = method + " " + path;
  if (!query.empty()) text += "?" + query;
  if (body) text += " " + truncate_for_message(*body, 300);
  return text;
}

}  // namespace paradigm::detail
