// JSON mapping (issue #7, item 4): a 1 MB turn with many tool calls, steps and
// sources, parsed into the model and written back, against nlohmann::json
// parsing and dumping the same text. Google Benchmark; run with
// --benchmark_format=json --benchmark_repetitions=N.
#include <paradigm/paradigm.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using nlohmann::json;

json step(const char* status, int percent) {
  return {{"status", status},
          {"progress_report",
           {{"progress_percentage", percent},
            {"current_progress_text", "Searching the documents"},
            {"time_remaining_estimate", 2},
            {"metadata", {{"stage", status}}}}},
          {"created_at", "2026-01-15T10:00:01.123456Z"}};
}

json document_source(int i) {
  return {{"id", "9b1f6c1e-2f4e-4c8a-9d55-" + std::to_string(100000000000 + i)},
          {"thread_id", "3f2c9a8e-0b7d-4e61-a5c4-1d2e3f4a5b6c"},
          {"document_chunk", i},
          {"vision_chunk", nullptr},
          {"certainty", 0.91},
          {"distance", 0.18},
          {"page_start", 3},
          {"page_end", 4},
          {"used_for_generation", true},
          {"created_at", "2026-01-15T10:00:02.5Z"},
          {"filename", "quarterly-report-" + std::to_string(i) + ".pdf"},
          {"text",
           "The committee agreed to raise the Q4 budget by 5% and to review the "
           "vendor contracts before the end of the fiscal year. \u00e9t\u00e9 \u2014 ok."}};
}

json web_source(int i) {
  return {{"id", "4c7d2a10-8e3b-4f5a-b6c7-" + std::to_string(200000000000 + i)},
          {"thread_id", "3f2c9a8e-0b7d-4e61-a5c4-1d2e3f4a5b6c"},
          {"url", "https://www.example.org/news/article-" + std::to_string(i)},
          {"title", "Regulatory update number " + std::to_string(i)},
          {"thumbnail", "https://www.example.org/thumb.png"},
          {"certainty", 0.87},
          {"created_at", "2026-01-15T10:00:03Z"}};
}

json tool_call(int i) {
  json steps =
      json::array({step("started", 0), step("running", 40), step("running", 80), step("completed", 100)});
  json result = {{"text", "3 relevant chunks found"},
                 {"file_artifacts", json::array()},
                 {"web_sources", json::array({web_source(i), web_source(i + 1)})},
                 {"chunk_sources", json::array({document_source(i), document_source(i + 1)})},
                 {"document_sources", json::array({document_source(i + 2)})},
                 {"timings", {{"total", 1.25}, {"tool", 0.75}}}};
  return {{"id", "7e8f9a0b-1c2d-4e3f-8a9b-" + std::to_string(300000000000 + i)},
          {"object", "tool_call"},
          {"tool",
           {{"id", "tool-document-search"},
            {"object", "tool"},
            {"name", "document_search"},
            {"type", "native"},
            {"mcp_server_name", nullptr},
            {"require_document", true},
            {"accepted_file_types", nullptr}}},
          {"tool_args", {{"query", "budget decisions in meeting " + std::to_string(i)}}},
          {"created_at", "2026-01-15T10:00:01Z"},
          {"updated_at", "2026-01-15T10:00:04Z"},
          {"steps", steps},
          {"result", result}};
}

/// About `bytes` of turn JSON, in the API's shape.
std::string big_turn(std::size_t bytes) {
  json parts = json::array({{{"type", "reasoning"}, {"reasoning", "I will search the documents."}}});
  json turn = {{"id", "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"},     {"object", "turn"},
               {"thread", "3f2c9a8e-0b7d-4e61-a5c4-1d2e3f4a5b6c"}, {"status", "completed"},
               {"created_at", "2026-01-15T10:00:00.000001Z"},      {"liked", nullptr}};
  json user = {{"id", "u-1"},
               {"object", "message"},
               {"role", "user"},
               {"parts", json::array({{{"type", "text"}, {"text", "What did the committees decide?"}}})},
               {"created_at", "2026-01-15T10:00:00Z"}};
  std::size_t size = 0;
  for (int i = 0; size < bytes; i += 3) {
    parts.push_back({{"type", "tool_call"}, {"tool_call", tool_call(i)}});
    size += parts.back().dump().size();
  }
  parts.push_back({{"type", "text"}, {"text", "The committees agreed to raise the Q4 budget by 5%."}});
  json assistant = {{"id", "a-1"},
                    {"object", "message"},
                    {"role", "assistant"},
                    {"force_tool", nullptr},
                    {"immediate_final_answer", false},
                    {"parts", parts},
                    {"created_at", "2026-01-15T10:00:05Z"}};
  turn["messages"] = json::array({user, assistant});
  return turn.dump();
}

const std::string& text() {
  static const std::string text = big_turn(1 << 20);
  return text;
}

void NlohmannParse(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(json::parse(text()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text().size()));
  state.counters["json_bytes"] = static_cast<double>(text().size());
}

void ModelParse(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(paradigm::from_json<paradigm::Turn>(text()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text().size()));
  state.counters["tool_calls"] =
      static_cast<double>(paradigm::from_json<paradigm::Turn>(text()).tool_calls().size());
}

void NlohmannDump(benchmark::State& state) {
  const json parsed = json::parse(text());
  for (auto _ : state)
    benchmark::DoNotOptimize(parsed.dump());
}

void ModelSerialize(benchmark::State& state) {
  const auto turn = paradigm::from_json<paradigm::Turn>(text());
  for (auto _ : state)
    benchmark::DoNotOptimize(paradigm::to_json(turn));
}

BENCHMARK(NlohmannParse)->Unit(benchmark::kMillisecond);
BENCHMARK(ModelParse)->Unit(benchmark::kMillisecond);
BENCHMARK(NlohmannDump)->Unit(benchmark::kMillisecond);
BENCHMARK(ModelSerialize)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
