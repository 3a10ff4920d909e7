// Artifacts: GET /api/v3/artifacts/{id}, and /content to memory, to a sink,
// or to a file that appears only when complete.

#include "workflow/download_sinks.hpp"
#include "workflow/error_mapping.hpp"
#include "workflow/fetch.hpp"
#include "workflow/operations.hpp"
#include "workflow/paths.hpp"

#include <memory>

namespace paradigm::detail {

namespace {

RequestSpec content_request(std::string_view artifact_id) {
  RequestSpec spec = get_request(paths::artifact_content(artifact_id));
  spec.accept = "*/*";
  spec.streamed = true;
  return spec;
}

// Downloads into `sink` (kept alive until done); a sink that stopped early
// gives `complete == false`, a transfer that broke after the sink took bytes
// is a ConnectionError.
template <class Sink>
void download(const CallPtr& call, std::string_view artifact_id, std::shared_ptr<Sink> sink,
              Callback<DownloadInfo> done) {
  RequestSpec spec = content_request(artifact_id);
  std::string url = call->context().url_for_message(spec.path);
  send(call, std::move(spec), *sink, [call, url, sink, done = std::move(done)](Result<Reply> reply) {
    if (forward_error(reply, done)) return;
    if (reply.value().kind == OutcomeKind::failed_after_commit) {
      return done(
          transfer_error(reply.value().error, reply.value().message, "GET", url, call->context().secret()));
    }
    DownloadInfo info = sink->info();
    if (reply.value().kind == OutcomeKind::stopped) info.complete = false;
    done(std::move(info));
  });
}

}  // namespace

void start_operation(const CallPtr& call, const ops::GetArtifact& op, Callback<Artifact> done) {
  fetch<Artifact>(call, get_request(paths::artifact(op.artifact_id)), std::move(done));
}

void start_operation(const CallPtr& call, const ops::DownloadArtifactContent& op,
                     Callback<ArtifactContent> done) {
  auto sink = std::make_shared<MemoryDownload>(call->context().options().max_response_bytes);
  download(call, op.artifact_id, sink, [sink, done = std::move(done)](Result<DownloadInfo> info) {
    if (forward_error(info, done)) return;
    done(ArtifactContent{sink->take(), std::move(info).value()});
  });
}

void start_operation(const CallPtr& call, const ops::DownloadArtifactToSink& op,
                     Callback<DownloadInfo> done) {
  if (!op.sink) throw InvalidRequestError("download_artifact_to_sink: the sink is empty");
  download(call, op.artifact_id, std::make_shared<SinkDownload>(op.sink), std::move(done));
}

void start_operation(const CallPtr& call, const ops::DownloadArtifactToFile& op,
                     Callback<DownloadInfo> done) {
  paths::artifact(op.artifact_id);  // refuse a bad id before creating any file
  auto file = std::make_shared<FileDownload>(std::filesystem::u8path(op.destination), op.progress);
  download(call, op.artifact_id, file, [file, done = std::move(done)](Result<DownloadInfo> info) {
    if (forward_error(info, done)) return;  // the temporary file goes with `file`
    Result<Done> committed = capture([&] {
      file->commit();
      return Done{};
    });
    if (forward_error(committed, done)) return;
    done(std::move(info));
  });
}

}  // namespace paradigm::detail
