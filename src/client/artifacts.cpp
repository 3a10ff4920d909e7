// Artifacts: metadata, and content to memory, to a sink, or to a file that
// appears only when complete.

#include <paradigm/client.hpp>

#include "client/decode_response.hpp"
#include "client/download_targets.hpp"
#include "client/error_mapping.hpp"
#include "client/paths.hpp"

namespace paradigm {

using detail::RequestSpec;
namespace paths = detail::paths;

namespace {

RequestSpec content_request(std::string_view artifact_id) {
  RequestSpec spec = detail::get_request(paths::artifact_content(artifact_id));
  spec.accept = "*/*";
  spec.unbounded = true;
  return spec;
}

DownloadInfo run_download(detail::ClientCore& core, std::string_view artifact_id,
                          detail::DownloadTarget& target, const CallOptions& call) {
  const RequestSpec spec = content_request(artifact_id);
  const detail::TransferResult result = core.send_streaming(spec, call, target);
  if (result.error == detail::TransferError::aborted_by_sink) {
    DownloadInfo info = target.info();
    info.complete = false;
    return info;
  }
  if (!result.ok()) core.throw_failure(result, spec);
  return target.info();
}

}  // namespace

Artifact ThreadsClient::get_artifact(std::string_view artifact_id, const CallOptions& call) {
  return detail::fetch<Artifact>(*core_, detail::get_request(paths::artifact(artifact_id)), call);
}

std::string ThreadsClient::download_artifact(std::string_view artifact_id, const CallOptions& call) {
  return download_artifact_content(artifact_id, call).bytes;
}

ArtifactContent ThreadsClient::download_artifact_content(std::string_view artifact_id,
                                                         const CallOptions& call) {
  detail::MemoryDownload target(core_->options().max_response_bytes);
  DownloadInfo info = run_download(*core_, artifact_id, target, call);
  return ArtifactContent{std::move(target.bytes), std::move(info)};
}

DownloadInfo ThreadsClient::download_artifact(std::string_view artifact_id, const ChunkSink& sink,
                                              const CallOptions& call) {
  if (!sink) throw InvalidRequestError("download_artifact: the sink is empty");
  detail::SinkDownload target(sink);
  return run_download(*core_, artifact_id, target, call);
}

DownloadInfo ThreadsClient::download_artifact(std::string_view artifact_id, const std::string& destination,
                                              const ProgressCallback& progress, const CallOptions& call) {
  paths::artifact(artifact_id);  // refuse a bad id before creating any file
  detail::FileDownload target(std::filesystem::u8path(destination), progress);
  DownloadInfo info = run_download(*core_, artifact_id, target, call);
  target.commit();
  return info;
}

}  // namespace paradigm
