#include "workflow/routes.hpp"

#include <paradigm/errors.hpp>

#include "core/text.hpp"
#include "http/percent_encode.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {

bool only_dots(std::string_view text) {
  return text.find_first_not_of('.') == std::string_view::npos;
}

}  // namespace

std::string encode_segment(std::string_view id, std::string_view what) {
  if (id.empty()) throw InvalidRequestError(std::string(what) + " is empty");
  if (only_dots(id)) {
    // libcurl would resolve "." and ".." segments; encoded, they stay an id.
    std::string encoded;
    for (std::size_t i = 0; i < id.size(); ++i)
      encoded += "%2E";
    return encoded;
  }
  return percent_encode(id);
}

std::string encode_query_component(std::string_view text) {
  return percent_encode(text);
}

std::string query_string(const QueryParams& params) {
  std::string query;
  for (const auto& [key, value] : params) {
    query += query.empty() ? '?' : '&';
    query += percent_encode(key);
    query += '=';
    query += percent_encode(value);
  }
  return query;
}

std::string normalize_base_url(std::string_view base_url) {
  std::string_view url = trim(base_url);
  const bool http = url.rfind("http://", 0) == 0;
  const bool https = url.rfind("https://", 0) == 0;
  const std::size_t host_start = http ? 7 : (https ? 8 : 0);
  if (host_start == 0 || url.size() == host_start || url[host_start] == '/') {
    throw InvalidRequestError("base_url must look like https://host[:port]; got \"" +
                              truncate_for_message(url, 200) + "\"");
  }
  const auto forbidden = std::find_if(url.begin(), url.end(), [](char c) {
    return c == '?' || c == '#' || static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
  });
  if (forbidden != url.end()) {
    throw InvalidRequestError("base_url must not contain a query, a fragment, spaces or control characters");
  }
  const auto strip_slashes = [&] {
    while (url.size() > host_start && url.back() == '/')
      url.remove_suffix(1);
  };
  // Only a path "/api/v3" is the API suffix: in "http://api/v3" it is the host.
  // Stripping it until none is left makes normalising twice change nothing.
  constexpr std::string_view kApiSuffix = "/api/v3";
  const auto ends_with_api_path = [&] {
    const std::size_t path_start = url.find('/', host_start);
    return path_start != std::string_view::npos && url.size() - path_start >= kApiSuffix.size() &&
           url.substr(url.size() - kApiSuffix.size()) == kApiSuffix;
  };
  for (strip_slashes(); ends_with_api_path(); strip_slashes())
    url.remove_suffix(kApiSuffix.size());
  return std::string(url);
}

void add_param(QueryParams& params, std::string_view name, const std::optional<std::string>& value) {
  if (value) params.emplace_back(std::string(name), *value);
}

void add_param(QueryParams& params, std::string_view name, const std::optional<std::int64_t>& value) {
  if (value) params.emplace_back(std::string(name), std::to_string(*value));
}

void add_param(QueryParams& params, std::string_view name, const std::optional<int>& value) {
  if (value) params.emplace_back(std::string(name), std::to_string(*value));
}

void add_param(QueryParams& params, std::string_view name, const std::optional<bool>& value) {
  if (value) params.emplace_back(std::string(name), *value ? "true" : "false");
}

}  // namespace paradigm::detail
