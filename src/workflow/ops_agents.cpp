// Agents and sources, what a turn can be scoped to: GET /api/v3/agents[/{id}],
// /api/v3/agents/{id}/files, /tags, /tools, and GET /api/v3/sources.

#include "workflow/operations.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

#include <nlohmann/json.hpp>

#include <type_traits>

namespace paradigm::detail::ops {

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

std::exception_ptr no_default_agent() {
  ApiErrorDetails details;
  details.status = 404;
  details.detail = "no default agent is visible to this API key";
  details.method = "GET";
  details.path = paths::kAgents + "?is_default=true";
  return std::make_exception_ptr(
      NotFoundError(details.method + " " + details.path + ": " + details.detail, std::move(details)));
}

// Documented as a bare array; a paginated object is accepted too.
std::vector<AgentTag> decode_tags(const Answer& answer, const std::string& where) {
  try {
    nlohmann::json json = parse_json(answer.body, answer.parse_budget);
    if (json.is_object() && json.contains("results")) json = std::move(json["results"]);
    return decode<std::vector<AgentTag>>(std::move(json));
  } catch (const DecodeError& e) {
    throw DecodeError(where + ": " + e.what(), e.path(), answer.body);
  }
}

}  // namespace

void list_agents(const CallPtr& call, const AgentFilter& filter, Callback<Page<Agent>> done) {
  QueryParams query;
  add_param(query, "is_default", filter.is_default);
  add_param(query, "name", filter.name);
  add_param(query, "company_id", filter.company_id);
  add_param(query, "group_id", filter.group_id);
  add_param(query, "is_current_user_favorite", filter.is_current_user_favorite);
  add_page(query, filter.page, filter.page_size, "page_size", 1000);
  append(query, filter.extra_query);
  fetch<Page<Agent>>(call, get_request(paths::kAgents, std::move(query)), std::move(done));
}

void get_agent(const CallPtr& call, std::int64_t agent_id, Callback<Agent> done) {
  fetch<Agent>(call, get_request(paths::agent(agent_id)), std::move(done));
}

void default_agent(const CallPtr& call, Callback<Agent> done) {
  AgentFilter filter;
  filter.is_default = true;
  list_agents(call, filter, [done = std::move(done)](Result<Page<Agent>> page) {
    if (forward_error(page, done)) return;
    for (auto& agent : page.value().results) {
      if (agent.is_default.value_or(true)) return done(std::move(agent));
    }
    done(no_default_agent());
  });
}

void list_agent_files(const CallPtr& call, std::int64_t agent_id, const AgentFileFilter& filter,
                      Callback<Page<AgentFile>> done) {
  QueryParams query;
  add_param(query, "search", filter.search);
  add_param(query, "filename", filter.filename);
  if (!filter.extensions.empty()) query.emplace_back("extension", join(filter.extensions));
  if (!filter.group_ids.empty()) query.emplace_back("group_id", join(filter.group_ids));
  add_page(query, filter.page, filter.page_size, "page_size", 1000);
  append(query, filter.extra_query);
  fetch<Page<AgentFile>>(call, get_request(paths::agent(agent_id) + "/files", std::move(query)), std::move(done));
}

void list_agent_tags(const CallPtr& call, std::int64_t agent_id, const AgentTagFilter& filter,
                     Callback<std::vector<AgentTag>> done) {
  QueryParams query;
  add_param(query, "auto_assign", filter.auto_assign);
  add_param(query, "tag", filter.tag);
  append(query, filter.extra_query);
  RequestSpec spec = get_request(paths::agent(agent_id) + "/tags", std::move(query));
  std::string where = spec.describe();
  fetch_answer(call, std::move(spec), [where = std::move(where), done = std::move(done)](Result<Answer> answer) {
    if (forward_error(answer, done)) return;
    done(capture([&] { return decode_tags(answer.value(), where); }));
  });
}

void list_agent_tools(const CallPtr& call, std::int64_t agent_id, Callback<AgentTools> done) {
  fetch<AgentTools>(call, get_request(paths::agent(agent_id) + "/tools"), std::move(done));
}

void list_sources(const CallPtr& call, const SourceFilter& filter, Callback<SourceList> done) {
  QueryParams query;
  add_param(query, "id", filter.id);
  add_param(query, "source_type", filter.source_type);
  add_param(query, "thread_id", filter.thread_id);
  add_param(query, "turn_id", filter.turn_id);
  add_param(query, "tool_call_id", filter.tool_call_id);
  add_page(query, filter.page, filter.per_page, "per_page", 100);
  append(query, filter.extra_query);
  fetch<SourceList>(call, get_request(paths::kSources, std::move(query)), std::move(done));
}

}  // namespace paradigm::detail::ops
