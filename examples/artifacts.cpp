// Artifacts: a code_execution turn draws a chart; save it to disk.
//
//   ./artifacts [DIRECTORY]
#include <paradigm/paradigm.hpp>

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) try {
  paradigm::ThreadsClient client;
  const std::filesystem::path directory = argc > 1 ? argv[1] : ".";

  paradigm::TurnRequest request;
  request.query = "Draw me a graph of a sinusoidal function.";
  request.force_tool = "code_execution";
  paradigm::Turn turn = client.create_thread_with_turn(request);
  std::cout << turn.final_answer() << '\n';

  for (const paradigm::Artifact& artifact : turn.artifacts()) {
    std::cout << "artifact " << artifact.id << ", thumbnail of " << artifact.thumbnail().size() << " bytes\n";
    // The name comes from the server: reduced to a plain file name, it stays in `directory`.
    // Streamed to disk in constant memory; the file appears only when complete.
    const auto target = directory / paradigm::safe_file_name(artifact.name.value_or(artifact.id), "artifact");
    paradigm::DownloadInfo info = client.download_artifact_to_file(artifact.id, target);
    std::cout << "saved " << target << ": " << info.bytes << " bytes of "
              << info.content_type.value_or("unknown type")
              << " (server name: " << info.filename.value_or("-") << ")\n";
  }
  return 0;
} catch (const paradigm::Error& e) {
  std::cerr << e.what() << '\n';
  return 1;
}
