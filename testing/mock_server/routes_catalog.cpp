// Artifacts, agents (files, tags, tools), the catalogue (native tools, MCP
// servers and their tools, tags) and sources.
#include "context.hpp"
#include "mock_util.hpp"

#include <algorithm>

namespace paradigm::mock {

namespace {

bool contains_ci(const std::string& haystack, const std::string& needle) {
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

// The API's boolean query strings: 'true', 'false', '1', '0', 'yes', 'no'.
std::optional<bool> bool_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  const std::string value = lower(req.get_param_value(name));
  if (value == "true" || value == "1" || value == "yes") return true;
  if (value == "false" || value == "0" || value == "no") return false;
  return std::nullopt;
}

int int_param(const httplib::Request& req, const char* name, int fallback) {
  if (!req.has_param(name)) return fallback;
  try {
    return std::stoi(req.get_param_value(name));
  } catch (...) {
    return -1;
  }
}

// DRF page-number pagination with full-URL next/previous.
void number_page(Context& context, const httplib::Request& req, httplib::Response& res, const json& items,
                 const char* size_name) {
  const int page = int_param(req, "page", 1);
  const int size = int_param(req, size_name, 10);
  const int count = static_cast<int>(items.size());
  if (size < 1 || page < 1 || (page > 1 && (page - 1) * size >= count))
    return send_detail(res, 404, "Invalid page.");
  json results = json::array();
  for (int i = (page - 1) * size; i < std::min(count, page * size); ++i)
    results.push_back(items[static_cast<std::size_t>(i)]);
  auto link = [&](int target) {
    std::string url = context.base_url() + req.path + "?page=" + std::to_string(target);
    if (req.has_param(size_name)) url += std::string("&") + size_name + "=" + std::to_string(size);
    return json(url);
  };
  send_json(res, 200,
            {{"count", count},
             {"next", page * size < count ? link(page + 1) : json(nullptr)},
             {"previous", page > 1 ? link(page - 1) : json(nullptr)},
             {"results", results}});
}

const json* find_agent(const Store& store, const std::string& id) {
  for (const auto& agent : store.agents) {
    if (std::to_string(agent["id"].get<int>()) == id) return &agent;
  }
  return nullptr;
}

void artifact_content(Context& context, const httplib::Request& req, httplib::Response& res) {
  ArtifactRecord artifact;
  {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    const auto it = context.store.artifacts.find(req.matches[1]);
    if (it == context.store.artifacts.end()) return send_detail(res, 404, "Not found.");
    artifact = it->second;
  }
  res.set_header("Content-Disposition", "attachment; filename=\"" + artifact.filename + "\"");
  if (!artifact.generated) return res.set_content(artifact.bytes, artifact.content_type);
  // Produced on the fly in constant memory, so a benchmark can serve a 1 GiB file.
  res.set_content_provider(artifact.size(), artifact.content_type,
                           [](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             char buffer[1 << 16];
                             const std::size_t n = std::min(length, sizeof(buffer));
                             for (std::size_t i = 0; i < n; ++i)
                               buffer[i] = static_cast<char>((offset + i) * 31 + 7);
                             return sink.write(buffer, n);
                           });
}

void agent_files(Context& context, const httplib::Request& req, httplib::Response& res) {
  json files = json::array();
  {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    if (!find_agent(context.store, req.matches[1])) return send_detail(res, 404, "Not found.");
    const std::string extensions = "," + req.get_param_value("extension") + ",";
    for (const auto& file : context.store.files) {
      if (req.has_param("filename") && !contains_ci(file["filename"], req.get_param_value("filename")))
        continue;
      if (req.has_param("search") &&
          !contains_ci(file["filename"].get<std::string>() + " " + file["title"].get<std::string>(),
                       req.get_param_value("search"))) {
        continue;
      }
      if (req.has_param("extension") &&
          extensions.find("," + file["extension"].get<std::string>() + ",") == std::string::npos) {
        continue;
      }
      files.push_back(file);
    }
  }
  number_page(context, req, res, files, "page_size");
}

void agent_tags(Context& context, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard<std::mutex> lock(context.store.mutex);
  if (!find_agent(context.store, req.matches[1])) return send_detail(res, 404, "Not found.");
  const auto auto_assign = bool_param(req, "auto_assign");
  json tags = json::array();
  for (const auto& tag : context.store.tags) {
    if (req.has_param("tag") && !contains_ci(tag["name"], req.get_param_value("tag"))) continue;
    if (auto_assign && tag["auto_assign"] != *auto_assign) continue;
    tags.push_back(tag);
  }
  send_json(res, 200, tags);
}

void list_agents(Context& context, const httplib::Request& req, httplib::Response& res) {
  json agents = json::array();
  {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    const auto is_default = bool_param(req, "is_default");
    for (const auto& agent : context.store.agents) {
      if (is_default && agent["is_default"] != *is_default) continue;
      if (req.has_param("name") && lower(agent["name"]).rfind(lower(req.get_param_value("name")), 0) != 0)
        continue;
      if (req.has_param("company_id") &&
          std::to_string(agent["company"]["id"].get<int>()) != req.get_param_value("company_id")) {
        continue;
      }
      if (req.has_param("group_id") &&
          std::to_string(agent["group"]["id"].get<int>()) != req.get_param_value("group_id")) {
        continue;
      }
      agents.push_back(agent);
    }
  }
  number_page(context, req, res, agents, "page_size");
}

void list_sources(Context& context, const httplib::Request& req, httplib::Response& res) {
  const int per_page = int_param(req, "per_page", 20);
  const int page = int_param(req, "page", 1);
  if (per_page < 1 || per_page > 100)
    return send_json(res, 400, {{"per_page", {"Ensure this value is between 1 and 100."}}});
  if (page < 1) return send_json(res, 400, {{"page", {"Ensure this value is at least 1."}}});
  json out = {{"document", json::array()}, {"web", json::array()}};
  std::lock_guard<std::mutex> lock(context.store.mutex);
  int index = 0;
  for (const auto& source : context.store.sources) {
    if (req.has_param("source_type") && source.kind != req.get_param_value("source_type")) continue;
    if (req.has_param("thread_id") && source.thread_id != req.get_param_value("thread_id")) continue;
    if (req.has_param("turn_id") && source.turn_id != req.get_param_value("turn_id")) continue;
    if (req.has_param("tool_call_id") && source.tool_call_id != req.get_param_value("tool_call_id")) continue;
    if (req.has_param("id") && source.item["id"] != req.get_param_value("id")) continue;
    if (index++ / per_page != page - 1) continue;
    out[source.kind].push_back(source.item);
  }
  send_json(res, 200, out);
}

// The tools of an MCP server: one search tool named after it.
json mcp_server_tools(const json& server) {
  const std::string name = server["name"];
  return json::array({{{"id", server["id"].get<std::string>() + "-search"},
                       {"name", name + "_search"},
                       {"type", "mcp"},
                       {"object", "tool"},
                       {"mcp_server_name", name},
                       {"require_document", false},
                       {"accepted_file_types", nullptr}}});
}

void company_tags(Context& context, const httplib::Request& req, httplib::Response& res) {
  json tags = json::array();
  {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    for (const auto& tag : context.store.tags) {
      if (req.has_param("name") && !contains_ci(tag["name"], req.get_param_value("name"))) continue;
      tags.push_back(tag);
    }
  }
  number_page(context, req, res, tags, "page_size");
}

}  // namespace

void add_catalog_routes(Context& context, const RouteAdder& add) {
  add("GET", "/api/v3/artifacts/([^/]+)", [&context](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    const auto it = context.store.artifacts.find(req.matches[1]);
    if (it == context.store.artifacts.end()) return send_detail(res, 404, "Not found.");
    const ArtifactRecord& a = it->second;
    send_json(res, 200,
              {{"id", a.id},
               {"object", "artifact"},
               {"name", a.filename},
               {"mime_type", a.content_type},
               {"size", a.size()},
               {"thumbnail_base64", a.thumbnail_base64.empty() ? json(nullptr) : json(a.thumbnail_base64)},
               {"turn_id", a.turn_id.empty() ? json(nullptr) : json(a.turn_id)},
               {"created_at", a.created_at}});
  });
  add("GET", "/api/v3/artifacts/([^/]+)/content",
      [&context](const httplib::Request& req, httplib::Response& res) {
        artifact_content(context, req, res);
      });
  add("GET", "/api/v3/agents",
      [&context](const httplib::Request& req, httplib::Response& res) { list_agents(context, req, res); });
  add("GET", "/api/v3/agents/([^/]+)", [&context](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    const json* agent = find_agent(context.store, req.matches[1]);
    if (!agent) return send_detail(res, 404, "Not found.");
    send_json(res, 200, *agent);
  });
  add("GET", "/api/v3/agents/([^/]+)/files",
      [&context](const httplib::Request& req, httplib::Response& res) { agent_files(context, req, res); });
  add("GET", "/api/v3/agents/([^/]+)/tags",
      [&context](const httplib::Request& req, httplib::Response& res) { agent_tags(context, req, res); });
  add("GET", "/api/v3/agents/([^/]+)/tools", [&context](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    if (!find_agent(context.store, req.matches[1])) return send_detail(res, 404, "Not found.");
    send_json(res, 200, context.store.tools);
  });
  add("GET", "/api/v3/tools", [&context](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    send_json(res, 200, context.store.tools["native"]);
  });
  add("GET", "/api/v3/mcp", [&context](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    send_json(res, 200, context.store.tools["mcp_servers"]);
  });
  add("GET", "/api/v3/mcp/([^/]+)/tools", [&context](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    for (const auto& server : context.store.tools["mcp_servers"]) {
      if (server["id"] == req.matches[1].str()) return send_json(res, 200, mcp_server_tools(server));
    }
    send_detail(res, 404, "Not found.");
  });
  add("GET", "/api/v3/tags",
      [&context](const httplib::Request& req, httplib::Response& res) { company_tags(context, req, res); });
  add("GET", "/api/v3/sources",
      [&context](const httplib::Request& req, httplib::Response& res) { list_sources(context, req, res); });
}

}  // namespace paradigm::mock
