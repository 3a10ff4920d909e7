// Agents and sources: what a turn can be scoped to.

#include <paradigm/client.hpp>

#include "client/decode_response.hpp"
#include "client/paths.hpp"

#include <nlohmann/json.hpp>

namespace paradigm {

using detail::add_param;
using detail::fetch;
using detail::get_request;
namespace paths = detail::paths;

namespace {

template <class T>
std::string join(const std::vector<T>& values) {
  std::string joined;
  for (const auto& value : values) {
    if (!joined.empty()) joined += ',';
    if constexpr (std::is_same_v<T, std::string>) {
      joined += value;
    } else {
      joined += std::to_string(value);
    }
  }
  return joined;
}

void add_page(QueryParams& query, const std::optional<int>& page, const std::optional<int>& page_size,
              const char* size_name, int max_size) {
  if (page && *page < 1) throw InvalidRequestError("page must be at least 1");
  if (page_size && (*page_size < 1 || *page_size > max_size)) {
    throw InvalidRequestError(std::string(size_name) + " must be between 1 and " + std::to_string(max_size));
  }
  add_param(query, "page", page);
  add_param(query, size_name, page_size);
}

void append(QueryParams& query, const QueryParams& extra) {
  query.insert(query.end(), extra.begin(), extra.end());
}

}  // namespace

Page<Agent> ThreadsClient::list_agents(const AgentFilter& filter, const CallOptions& call) {
  QueryParams query;
  add_param(query, "is_default", filter.is_default);
  add_param(query, "name", filter.name);
  add_param(query, "company_id", filter.company_id);
  add_param(query, "group_id", filter.group_id);
  add_param(query, "is_current_user_favorite", filter.is_current_user_favorite);
  add_page(query, filter.page, filter.page_size, "page_size", 1000);
  append(query, filter.extra_query);
  return fetch<Page<Agent>>(*core_, get_request(paths::kAgents, std::move(query)), call);
}

Agent ThreadsClient::get_agent(std::int64_t agent_id, const CallOptions& call) {
  return fetch<Agent>(*core_, get_request(paths::agent(agent_id)), call);
}

Agent ThreadsClient::default_agent(const CallOptions& call) {
  AgentFilter filter;
  filter.is_default = true;
  Page<Agent> page = list_agents(filter, call);
  for (auto& agent : page.results) {
    if (agent.is_default.value_or(true)) return std::move(agent);
  }
  ApiErrorDetails details;
  details.status = 404;
  details.detail = "no default agent is visible to this API key";
  details.method = "GET";
  details.path = paths::kAgents + "?is_default=true";
  throw NotFoundError(details.method + " " + details.path + ": " + details.detail, details);
}

Page<AgentFile> ThreadsClient::list_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                                const CallOptions& call) {
  QueryParams query;
  add_param(query, "search", filter.search);
  add_param(query, "filename", filter.filename);
  if (!filter.extensions.empty()) query.emplace_back("extension", join(filter.extensions));
  if (!filter.group_ids.empty()) query.emplace_back("group_id", join(filter.group_ids));
  add_page(query, filter.page, filter.page_size, "page_size", 1000);
  append(query, filter.extra_query);
  return fetch<Page<AgentFile>>(*core_, get_request(paths::agent(agent_id) + "/files", std::move(query)),
                                call);
}

std::vector<AgentTag> ThreadsClient::list_agent_tags(std::int64_t agent_id, const AgentTagFilter& filter,
                                                     const CallOptions& call) {
  QueryParams query;
  add_param(query, "auto_assign", filter.auto_assign);
  add_param(query, "tag", filter.tag);
  append(query, filter.extra_query);
  const auto spec = get_request(paths::agent(agent_id) + "/tags", std::move(query));
  const auto response = core_->send(spec, call);
  try {
    nlohmann::json json = detail::parse_json(response.body);
    // Documented as a bare array; a paginated object is accepted too.
    if (json.is_object() && json.contains("results")) json = std::move(json["results"]);
    return detail::decode<std::vector<AgentTag>>(std::move(json));
  } catch (const DecodeError& e) {
    throw DecodeError(spec.method + " " + spec.path + ": " + e.what(), e.path(), response.body);
  }
}

AgentTools ThreadsClient::list_agent_tools(std::int64_t agent_id, const CallOptions& call) {
  return fetch<AgentTools>(*core_, get_request(paths::agent(agent_id) + "/tools"), call);
}

SourceList ThreadsClient::list_sources(const SourceFilter& filter, const CallOptions& call) {
  QueryParams query;
  add_param(query, "id", filter.id);
  add_param(query, "source_type", filter.source_type);
  add_param(query, "thread_id", filter.thread_id);
  add_param(query, "turn_id", filter.turn_id);
  add_param(query, "tool_call_id", filter.tool_call_id);
  add_page(query, filter.page, filter.per_page, "per_page", 100);
  append(query, filter.extra_query);
  return fetch<SourceList>(*core_, get_request(paths::kSources, std::move(query)), call);
}

}  // namespace paradigm
