// Artifact download to a file (issue #7, item 5): time, and the peak RSS of
// this process, which must not grow with the artifact's size.
//
//   bench_download --base-url URL --artifact ID --out PATH
#include "bench_common.hpp"

#include <filesystem>

int main(int argc, char** argv) {
  const bench::Args args(argc, argv);
  return bench::guarded_main([&] {
    auto client = bench::client_for(args);
    const std::filesystem::path out = args.get("out");
    const std::int64_t rss_before = bench::peak_rss_bytes();
    const std::int64_t start = bench::steady_ns();
    const paradigm::DownloadInfo info = client.download_artifact_to_file(args.get("artifact"), out);
    const double seconds = bench::seconds_since(start);
    bench::emit({{"seconds", seconds},
                 {"bytes", info.bytes},
                 {"file_bytes", std::filesystem::file_size(out)},
                 {"peak_rss_bytes", bench::peak_rss_bytes()},
                 {"rss_before_bytes", rss_before}});
  });
}
