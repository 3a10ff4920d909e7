// ToolCallBuilder: a tool call with its steps and result.
#include <paradigm/testing/builders.hpp>

namespace paradigm::testing {

ToolCallBuilder::ToolCallBuilder(std::string tool_name) {
  call_.object = "tool_call";
  call_.tool.id = "tool-" + tool_name;
  call_.tool.object = "tool";
  call_.tool.type = ToolType::native;
  call_.tool.name = std::move(tool_name);
  call_.tool_args = JsonValue::object();
  call_.created_at = fixed_time();
  call_.updated_at = fixed_time();
}

ToolCallBuilder& ToolCallBuilder::id(std::string id) {
  call_.id = std::move(id);
  return *this;
}

ToolCallBuilder& ToolCallBuilder::mcp_server(std::string server_name) {
  call_.tool.type = ToolType::mcp;
  call_.tool.mcp_server_name = std::move(server_name);
  return *this;
}

ToolCallBuilder& ToolCallBuilder::args(JsonValue args) {
  call_.tool_args = std::move(args);
  return *this;
}

ToolCallBuilder& ToolCallBuilder::args(const char* json_text) {
  return args(JsonValue::parse(json_text));
}

ToolCallBuilder& ToolCallBuilder::step(std::string status) {
  ToolStep step;
  step.status = std::move(status);
  step.created_at = fixed_time();
  call_.steps.push_back(std::move(step));
  return *this;
}

ToolCallBuilder& ToolCallBuilder::progress(double percent, std::string text,
                                           std::optional<std::int64_t> seconds_left) {
  step("running");
  ProgressReport report;
  report.progress_percentage = percent;
  if (!text.empty()) report.current_progress_text = std::move(text);
  report.time_remaining_estimate = seconds_left;
  call_.steps.back().progress_report = std::move(report);
  return *this;
}

ToolCallResult& ToolCallBuilder::result_part() {
  if (!call_.result) call_.result.emplace();
  return *call_.result;
}

ToolCallBuilder& ToolCallBuilder::result(std::string text) {
  result_part().text = std::move(text);
  return *this;
}

ToolCallBuilder& ToolCallBuilder::artifact(std::string id, std::string name, std::string mime_type) {
  Artifact artifact;
  artifact.id = std::move(id);
  if (!name.empty()) artifact.extra.set("name", std::move(name));
  if (!mime_type.empty()) artifact.extra.set("mime_type", std::move(mime_type));
  result_part().file_artifacts.push_back(std::move(artifact));
  return *this;
}

ToolCallBuilder& ToolCallBuilder::web_source(std::string url, std::string title) {
  auto& sources = result_part().web_sources;
  WebSource source;
  source.id = "web-source-" + std::to_string(sources.size() + 1);
  source.url = std::move(url);
  if (!title.empty()) source.title = std::move(title);
  source.created_at = fixed_time();
  sources.push_back(std::move(source));
  return *this;
}

namespace {

DocumentSource document(std::string id, std::string file_name, std::int64_t page_start,
                        std::int64_t page_end) {
  DocumentSource source;
  source.id = std::move(id);
  source.page_start = page_start;
  source.page_end = page_end;
  source.used_for_generation = true;
  source.created_at = fixed_time();
  source.extra.set("file_name", std::move(file_name));
  return source;
}

}  // namespace

ToolCallBuilder& ToolCallBuilder::document_source(std::string file_name, std::int64_t page_start,
                                                  std::optional<std::int64_t> page_end) {
  auto& sources = result_part().document_sources;
  sources.push_back(document("document-source-" + std::to_string(sources.size() + 1), std::move(file_name),
                             page_start, page_end.value_or(page_start)));
  return *this;
}

ToolCallBuilder& ToolCallBuilder::chunk_source(std::string file_name, std::int64_t page, std::string text) {
  auto& sources = result_part().chunk_sources;
  DocumentSource source =
      document("chunk-source-" + std::to_string(sources.size() + 1), std::move(file_name), page, page);
  if (!text.empty()) source.extra.set("text", std::move(text));
  sources.push_back(std::move(source));
  return *this;
}

ToolCall ToolCallBuilder::build() const {
  return call_;
}

}  // namespace paradigm::testing
