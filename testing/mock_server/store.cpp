#include "store.hpp"

#include "mock_util.hpp"

namespace paradigm::mock {

namespace {

json tool(const std::string& name, bool require_document) {
  return {{"id", new_uuid()},
          {"object", "tool"},
          {"name", name},
          {"type", "native"},
          {"mcp_server_name", nullptr},
          {"require_document", require_document},
          {"accepted_file_types", require_document ? json{"pdf", "docx", "txt"} : json(nullptr)}};
}

json agent(int id, const std::string& name, bool is_default, const json& workspaces, const json& tools) {
  return {{"id", id},
          {"name", name},
          {"description", name + " of the mock company"},
          {"instructions", "Answer precisely."},
          {"company",
           {{"id", 1}, {"name", "Mock Corp"}, {"allow_ephemeral_mode", true}, {"is_sharing_enabled", true}}},
          {"group", {{"id", is_default ? 1 : 2}, {"name", is_default ? "Everyone" : "Research"}}},
          {"workspaces", workspaces},
          {"tools", tools},
          {"is_default", is_default},
          {"scope_workspaces_by_group", !is_default},
          {"is_current_user_favorite", false},
          {"created_at", "2026-01-05T09:00:00.000000Z"},
          {"updated_at", "2026-02-01T09:00:00.000000Z"}};
}

json file(int id, const std::string& filename, int workspace, const std::string& workspace_name, int tag) {
  const auto dot = filename.rfind('.');
  return {
      {"id", id},
      {"filename", filename},
      {"title", filename.substr(0, dot)},
      {"extension", filename.substr(dot + 1)},
      {"workspace", {{"id", workspace}, {"name", workspace_name}, {"workspace_type", "company"}}},
      {"summaries", json::array({{{"summary", "About " + filename}, {"language", "en"}}})},
      {"uploaded_at", "2026-01-10T10:00:00.000000Z"},
      {"updated_at", "2026-01-10T10:05:00.000000Z"},
      {"total_pages", 12},
      {"tags",
       json::array({{{"id", tag}, {"name", tag == 4 ? "finance" : "meetings"}, {"auto_assigned", false}}})},
      {"upload_session_uuid", new_uuid()},
      {"signature", "sha256:" + std::to_string(id * 7919)},
      {"search_details", nullptr},
      {"external_metadata", {{"external_id", nullptr}, {"doc_type", "report"}, {"additional_metadata", {}}}},
      {"status", "embedded"},
      {"status_vision", "embedded"},
      {"parser", "default"}};
}

}  // namespace

Store::Store() {
  seed();
}

void Store::seed() {
  const json workspaces = json::array({{{"id", 1},
                                        {"name", "Company"},
                                        {"category", "company"},
                                        {"file_count", 2},
                                        {"summaries", json::array()}},
                                       {{"id", 2},
                                        {"name", "Finance"},
                                        {"category", "custom"},
                                        {"file_count", 1},
                                        {"summaries", json::array()}}});
  const json natives = json::array({tool("document_search", true), tool("document_analysis", true),
                                    tool("code_execution", false), tool("web_search", false)});
  const json mcp = json::array({{{"id", new_uuid()},
                                 {"name", "websearch-linkup"},
                                 {"authentication_method", "api_key"},
                                 {"has_credentials", true},
                                 {"enabled", true},
                                 {"availability_scope", "company"},
                                 {"is_global", false},
                                 {"object", "mcp_server"},
                                 {"url", "https://mcp.example.com/linkup"},
                                 {"company_id", 1},
                                 {"group_id", nullptr}}});
  tools = {{"native", natives}, {"mcp_servers", mcp}};
  json brief_tools = {{"native", json::array()}, {"mcp_servers", json::array()}};
  for (const auto& t : natives)
    brief_tools["native"].push_back({{"id", t["id"]}, {"name", t["name"]}, {"object", "tool"}});
  for (const auto& m : mcp)
    brief_tools["mcp_servers"].push_back({{"id", m["id"]}, {"name", m["name"]}, {"object", "mcp_server"}});

  agents.push_back(agent(1, "Default agent", true, workspaces, brief_tools));
  agents.push_back(agent(2, "Research assistant", false, json::array({workspaces[1]}), brief_tools));
  agents.push_back(agent(3, "Support bot", false, json::array({workspaces[0]}), brief_tools));

  files.push_back(file(8, "q3-meeting-notes.pdf", 1, "Company", 5));
  files.push_back(file(9, "q4-meeting-notes.docx", 1, "Company", 5));
  files.push_back(file(10, "revenue-2025.pdf", 2, "Finance", 4));

  for (const auto& [id, name] :
       std::vector<std::pair<int, std::string>>{{4, "finance"}, {5, "meetings"}, {6, "hr"}}) {
    tags.push_back({{"id", id},
                    {"name", name},
                    {"description", "Documents about " + name},
                    {"auto_assign", id != 6},
                    {"created_at", "2026-01-02T08:00:00.000000Z"},
                    {"updated_at", "2026-01-02T08:00:00.000000Z"},
                    {"document_count", id == 6 ? 0 : 2}});
  }
}

std::string Store::turn_status(const TurnRecord& turn, SteadyTime now,
                               std::chrono::milliseconds cancel_delay) const {
  const bool due = turn.forced_done || now - turn.started >= turn.duration;
  if (turn.cancel_requested && !due) {
    return now - *turn.cancel_requested >= cancel_delay ? "cancelled" : "cancelling";
  }
  return due ? turn.final_status : "running";
}

json Store::turn_json(const TurnRecord& turn, SteadyTime now, std::chrono::milliseconds cancel_delay,
                      bool just_created) const {
  const std::string status = turn_status(turn, now, cancel_delay);
  json messages = json::array({turn.user_message});
  if (status == "completed" || status == "failed") {
    messages.push_back(turn.assistant_message);
  } else if (!just_created && !turn.running_assistant_message.is_null()) {
    messages.push_back(turn.running_assistant_message);
  }
  json out = {{"id", turn.id},    {"object", "turn"},     {"thread", turn.thread_id},
              {"status", status}, {"messages", messages}, {"created_at", turn.created_at}};
  out["error"] = status == "failed" ? turn.error : json(nullptr);
  out["liked"] = turn.liked ? json(*turn.liked) : json(nullptr);
  return out;
}

json Store::thread_json(bool legacy, const ThreadRecord& thread, SteadyTime now,
                        std::chrono::milliseconds cancel_delay) const {
  json out = thread.thread;
  if (legacy) {
    // Before Wise Wolf a thread named its chat setting, not its agent.
    out["chat_setting"] = out["agent_id"];
    out.erase("agent_id");
    out.erase("agent_name");
    out.erase("legacy");
  }
  out["status"] = "completed";
  if (!thread.turn_ids.empty()) {
    out["status"] = turn_status(turns.at(thread.turn_ids.back()), now, cancel_delay);
  }
  return out;
}

ThreadRecord& Store::create_thread(const json& body) {
  const std::string id = new_uuid();
  const auto agent_id = body.contains("agent_id") ? body["agent_id"] : json(1);
  std::string agent_name = "Default agent";
  for (const auto& a : agents) {
    if (a["id"] == agent_id) agent_name = a["name"];
  }
  const std::string now = iso_now();
  ThreadRecord record;
  record.thread = {{"id", id},
                   {"object", "thread"},
                   {"name", body.value("name", std::string("New conversation"))},
                   {"ml_model", body.contains("ml_model") ? body["ml_model"] : json(nullptr)},
                   {"ml_model_name", nullptr},
                   {"agent_id", agent_id},
                   {"agent_name", agent_name},
                   {"creation_source", "api"},
                   {"is_read", true},
                   {"created_at", now},
                   {"updated_at", now},
                   {"is_ephemeral", body.value("is_ephemeral", false)},
                   {"is_archived", false},
                   {"legacy", false}};
  thread_order.push_back(id);
  return threads[id] = std::move(record);
}

std::string Store::add_artifact(ArtifactRecord artifact) {
  if (artifact.id.empty()) artifact.id = new_uuid();
  if (artifact.created_at.empty()) artifact.created_at = iso_now();
  const std::string id = artifact.id;
  artifacts[id] = std::move(artifact);
  return id;
}

bool Store::complete(const std::string& thread_id, const std::string& turn_id) {
  auto it = turns.find(turn_id);
  if (it == turns.end() || it->second.thread_id != thread_id) return false;
  it->second.forced_done = true;
  changed.notify_all();
  return true;
}

std::vector<CreatedTurn> Store::created_turns(SteadyTime now, std::chrono::milliseconds cancel_delay) const {
  std::vector<CreatedTurn> created;
  created.reserve(turn_order.size());
  for (const auto& id : turn_order) {
    const TurnRecord& turn = turns.at(id);
    created.push_back({turn.thread_id, turn.id, turn.query, turn.idempotency_key, turn.request_id,
                       turn_status(turn, now, cancel_delay), turn.replays});
  }
  return created;
}

}  // namespace paradigm::mock
