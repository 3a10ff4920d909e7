#include "agent_sim.hpp"

#include "mock_util.hpp"
#include "png.hpp"
#include "schema_answer.hpp"

#include <algorithm>
#include <regex>

namespace paradigm::mock {

namespace {

bool mentions(const std::string& text, std::initializer_list<const char*> words) {
  const std::string l = lower(text);
  return std::any_of(words.begin(), words.end(),
                     [&](const char* w) { return l.find(w) != std::string::npos; });
}

bool has_items(const json& request, const char* key) {
  return request.contains(key) && request[key].is_array() && !request[key].empty();
}

// Which tool the agent calls, if any.
std::string choose_tool(const json& request, const std::string& query) {
  if (request.value("immediate_final_answer", false)) return "";
  if (request.contains("force_tool") && request["force_tool"].is_string()) return request["force_tool"];
  if (has_items(request, "workspace_ids") || has_items(request, "file_ids") ||
      has_items(request, "tag_ids")) {
    return "document_search";
  }
  if (mentions(query, {"draw", "plot", "graph", "chart"})) return "code_execution";
  if (request.contains("force_mcp_server")) return "linkup_search";
  if (mentions(query, {"news", "latest"})) return "web_search";
  return "";
}

std::string answer_text(const json& request, const std::string& query,
                        const std::vector<std::string>& earlier, const std::string& tool) {
  if (request.contains("response_format") && request["response_format"].is_object()) {
    const json& schema = schema_of_response_format(request["response_format"]);
    // "[off_schema]" asks for an answer that ignores the schema's constraints,
    // to test a client's handling of a model that did not follow it.
    if (query.find("[off_schema]") != std::string::npos) return off_schema_value(schema).dump();
    return value_for_schema(schema).dump();
  }
  static const std::regex kSum(R"(^\s*(\d{1,9})\s*\+\s*(\d{1,9})\s*\??\s*$)");
  std::smatch sum;
  if (std::regex_match(query, sum, kSum)) return std::to_string(std::stoll(sum[1]) + std::stoll(sum[2]));
  if (mentions(query, {"capital of france"})) return "The capital of France is Paris.";
  const bool about_france = std::any_of(earlier.begin(), earlier.end(), [](const std::string& q) {
    return mentions(q, {"france", "paris"});
  });
  if (mentions(query, {"population"}) && about_france) {
    return "Paris has about 2.1 million inhabitants, and about 12 million in its metropolitan area.";
  }
  if (tool == "code_execution") return "Here is the graph of y = sin(x) over one period.";
  if (tool == "document_search" || tool == "document_analysis") {
    return "According to the meeting notes, the team agreed to increase the Q4 budget by 5%.";
  }
  if (tool == "web_search" || tool == "linkup_search")
    return "LightOn announced new Paradigm features this week.";
  return "You asked: \"" + query + "\". This is the mock agent's answer.";
}

json step(const std::string& status, double percent, const std::string& text, int remaining) {
  return {{"status", status},
          {"progress_report",
           {{"progress_percentage", percent},
            {"current_progress_text", text},
            {"time_remaining_estimate", remaining},
            {"metadata", {{"stage", status}}}}},
          {"created_at", iso_now()}};
}

json document_source(const std::string& thread_id, int chunk, const std::string& filename) {
  return {{"id", new_uuid()},
          {"thread_id", thread_id},
          {"document_chunk", chunk},
          {"vision_chunk", nullptr},
          {"certainty", 0.91},
          {"distance", 0.18},
          {"page_start", 3},
          {"page_end", 4},
          {"used_for_generation", true},
          {"created_at", iso_now()},
          {"filename", filename},
          {"text", "The team agreed to increase the Q4 budget by 5%."}};
}

json web_source(const std::string& thread_id) {
  return {{"id", new_uuid()},
          {"thread_id", thread_id},
          {"url", "https://www.lighton.ai/blog/paradigm-news"},
          {"title", "LightOn Paradigm news"},
          {"thumbnail", "https://www.lighton.ai/thumbnail.png"},
          {"certainty", 0.87},
          {"created_at", iso_now()}};
}

// The result of the chosen tool, registering artifacts and sources.
json tool_result(const std::string& tool, const json& request, const std::string& thread_id,
                 Simulation& sim) {
  json result = {{"text", nullptr},
                 {"file_artifacts", json::array()},
                 {"web_sources", json::array()},
                 {"chunk_sources", json::array()},
                 {"document_sources", json::array()},
                 {"timings", {{"total", 1.25}, {"tool", 0.75}}}};
  if (tool == "code_execution") {
    ArtifactRecord artifact;
    artifact.id = new_uuid();
    artifact.content_type = "image/png";
    artifact.filename = "sine.png";
    artifact.bytes = sine_chart_png(320, 200);
    artifact.thumbnail_base64 = base64(sine_chart_png(64, 40));
    result["text"] = "Figure saved to sine.png";
    result["file_artifacts"].push_back({{"id", artifact.id},
                                        {"thumbnail_base64", artifact.thumbnail_base64},
                                        {"name", artifact.filename},
                                        {"mime_type", artifact.content_type}});
    sim.artifacts.push_back(std::move(artifact));
  } else if (tool == "document_search" || tool == "document_analysis") {
    const json chunk = document_source(thread_id, 42, "q3-meeting-notes.pdf");
    const json document = document_source(thread_id, 43, "q4-meeting-notes.docx");
    result["text"] = "2 relevant chunks found";
    result["chunk_sources"].push_back(chunk);
    result["document_sources"].push_back(document);
    sim.sources.push_back({"document", thread_id, "", "", chunk});
    sim.sources.push_back({"document", thread_id, "", "", document});
  } else if (tool == "web_search" || tool == "linkup_search") {
    const json web = web_source(thread_id);
    result["text"] = "1 web page found";
    result["web_sources"].push_back(web);
    sim.sources.push_back({"web", thread_id, "", "", web});
  }
  (void)request;
  return result;
}

json tool_call(const std::string& tool, const json& request, const std::string& thread_id, Simulation& sim) {
  const std::string mcp = request.value("force_mcp_server", std::string());
  json args = tool == "code_execution" ? json{{"code", "import numpy as np\nplot(np.sin(x))"}}
                                       : json{{"query", request.value("query", std::string())}};
  if (request.contains("tool_parameters") && request["tool_parameters"].contains(tool)) {
    args["parameters"] = request["tool_parameters"][tool];
  }
  const std::string created = iso_now();
  json call = {{"id", new_uuid()},
               {"object", "tool_call"},
               {"tool", tool_object(tool, tool == "linkup_search" ? mcp : "")},
               {"tool_args", args},
               {"created_at", created},
               {"updated_at", created}};
  json steps = json::array();
  for (const auto& s : {step("started", 0, "Starting " + tool, 3), step("running", 40, "Working", 2),
                        step("running", 80, "Almost done", 1), step("completed", 100, "Done", 0)}) {
    steps.push_back(s);
    json progress = call;
    progress["steps"] = steps;
    progress["result"] = nullptr;
    sim.tool_progress.push_back(progress);
  }
  call["steps"] = steps;
  call["result"] = tool_result(tool, request, thread_id, sim);
  for (auto& source : sim.sources)
    source.tool_call_id = call["id"];
  return call;
}

std::string reasoning_text(const json& request, const std::string& tool) {
  std::string text = tool.empty() ? "Basic question - no tools needed." : "I will use " + tool + ".";
  if (request.contains("max_steps"))
    text += " max_steps=" + std::to_string(request["max_steps"].get<int>()) + ".";
  if (request.contains("system_prompt_suffix")) {
    text += " Following the extra instructions: " + request["system_prompt_suffix"].get<std::string>();
  }
  return text;
}

}  // namespace

json tool_object(const std::string& name, const std::string& mcp_server) {
  return {{"id", new_uuid()},
          {"object", "tool"},
          {"name", name},
          {"type", mcp_server.empty() ? "native" : "mcp"},
          {"mcp_server_name", mcp_server.empty() ? json(nullptr) : json(mcp_server)},
          {"require_document", name == "document_search" || name == "document_analysis"},
          {"accepted_file_types", nullptr}};
}

json user_message(const json& request) {
  json message = {
      {"id", new_uuid()},
      {"object", "message"},
      {"role", "user"},
      {"parts", json::array({{{"type", "text"}, {"text", request.value("query", std::string())}}})},
      {"created_at", iso_now()}};
  if (request.contains("force_tool")) message["force_tool"] = tool_object(request["force_tool"]);
  if (request.contains("immediate_final_answer"))
    message["immediate_final_answer"] = request["immediate_final_answer"];
  return message;
}

Simulation simulate(const json& request, const std::vector<std::string>& earlier_queries,
                    const std::string& thread_id, const std::string& turn_id,
                    const std::string& fail_marker) {
  Simulation sim;
  const std::string query = request.value("query", std::string("(suggested query)"));
  const bool forced = request.contains("force_tool");
  std::string tool = choose_tool(request, query);
  if (request.contains("max_steps") && request["max_steps"].get<int>() <= 1) tool.clear();

  json parts = json::array();
  if (!forced) parts.push_back({{"type", "reasoning"}, {"reasoning", reasoning_text(request, tool)}});
  json running = parts;
  if (!tool.empty()) {
    const json call = tool_call(tool, request, thread_id, sim);
    parts.push_back({{"type", "tool_call"}, {"tool_call", call}});
    running.push_back({{"type", "tool_call"}, {"tool_call", sim.tool_progress.at(1)}});
  }
  sim.final_text = answer_text(request, query, earlier_queries, tool);
  parts.push_back({{"type", "text"}, {"text", sim.final_text}});

  const std::string created = iso_now();
  json base = {{"id", new_uuid()},
               {"object", "message"},
               {"role", "assistant"},
               {"force_tool", forced ? tool_object(request["force_tool"]) : json(nullptr)},
               {"immediate_final_answer", request.value("immediate_final_answer", false)},
               {"created_at", created}};
  sim.assistant_message = base;
  sim.assistant_message["parts"] = parts;
  sim.running_message = base;
  sim.running_message["parts"] = running;

  if (!fail_marker.empty() && query.find(fail_marker) != std::string::npos) {
    sim.final_status = "failed";
    sim.error = {{"code", "agent_error"}, {"message", "The agent failed (mock failure requested)."}};
  }
  for (auto& artifact : sim.artifacts)
    artifact.turn_id = turn_id;
  for (auto& source : sim.sources)
    source.turn_id = turn_id;
  return sim;
}

}  // namespace paradigm::mock
