// Agents and sources, what a turn can be scoped to: GET /api/v3/agents[/{id}],
// /api/v3/agents/{id}/files, /tags, /tools, and GET /api/v3/sources.

#include "workflow/error_mapping.hpp"
#include "workflow/listing.hpp"
#include "workflow/operations.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

#include <type_traits>

namespace paradigm::detail {

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

std::exception_ptr no_default_agent(const CallPtr& call) {
  return concluded_not_found("GET", paths::kAgents, call->context().url_for_message(paths::kAgents),
                             "no default agent is visible to this API key");
}

}  // namespace

void start_operation(const CallPtr& call, const ops::ListAgents& op, Callback<Page<Agent>> done) {
  const AgentFilter& filter = op.filter;
  QueryParams query;
  add_param(query, "is_default", filter.is_default);
  add_param(query, "name", filter.name);
  add_param(query, "company_id", filter.company_id);
  add_param(query, "group_id", filter.group_id);
  add_param(query, "is_current_user_favorite", filter.is_current_user_favorite);
  add_page(query, filter.page, filter.page_size, "page_size", 1000);
  append_query(query, filter.extra_query);
  fetch<Page<Agent>>(call, get_request(paths::kAgents, std::move(query)), std::move(done));
}

void start_operation(const CallPtr& call, const ops::GetAgent& op, Callback<Agent> done) {
  fetch<Agent>(call, get_request(paths::agent(op.agent_id)), std::move(done));
}

void start_operation(const CallPtr& call, const ops::DefaultAgent&, Callback<Agent> done) {
  ops::ListAgents list;
  list.filter.is_default = true;
  start_operation(call, list, [call, done = std::move(done)](Result<Page<Agent>> page) {
    if (forward_error(page, done)) return;
    for (auto& agent : page.value().results) {
      if (agent.is_default.value_or(true)) return done(std::move(agent));
    }
    done(no_default_agent(call));
  });
}

void start_operation(const CallPtr& call, const ops::ListAgentFiles& op, Callback<Page<AgentFile>> done) {
  const AgentFileFilter& filter = op.filter;
  QueryParams query;
  add_param(query, "search", filter.search);
  add_param(query, "filename", filter.filename);
  if (!filter.extensions.empty()) query.emplace_back("extension", join(filter.extensions));
  if (!filter.group_ids.empty()) query.emplace_back("group_id", join(filter.group_ids));
  add_page(query, filter.page, filter.page_size, "page_size", 1000);
  append_query(query, filter.extra_query);
  fetch<Page<AgentFile>>(call, get_request(paths::agent(op.agent_id) + "/files", std::move(query)),
                         std::move(done));
}

void start_operation(const CallPtr& call, const ops::ListAgentTags& op,
                     Callback<std::vector<AgentTag>> done) {
  const AgentTagFilter& filter = op.filter;
  QueryParams query;
  add_param(query, "auto_assign", filter.auto_assign);
  add_param(query, "tag", filter.tag);
  append_query(query, filter.extra_query);
  // Documented as a bare array; a paginated object is accepted too.
  fetch_items<AgentTag>(call, get_request(paths::agent(op.agent_id) + "/tags", std::move(query)),
                        std::move(done));
}

void start_operation(const CallPtr& call, const ops::ListAgentTools& op, Callback<AgentTools> done) {
  fetch<AgentTools>(call, get_request(paths::agent(op.agent_id) + "/tools"), std::move(done));
}

void start_operation(const CallPtr& call, const ops::ListSources& op, Callback<SourceList> done) {
  const SourceFilter& filter = op.filter;
  QueryParams query;
  add_param(query, "id", filter.id);
  add_param(query, "source_type", filter.source_type);
  add_param(query, "thread_id", filter.thread_id);
  add_param(query, "turn_id", filter.turn_id);
  add_param(query, "tool_call_id", filter.tool_call_id);
  add_page(query, filter.page, filter.per_page, "per_page", 100);
  append_query(query, filter.extra_query);
  fetch<SourceList>(call, get_request(paths::kSources, std::move(query)), std::move(done));
}

}  // namespace paradigm::detail
