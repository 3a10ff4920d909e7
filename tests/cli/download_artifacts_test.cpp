// `paradigm ask --download-artifacts DIR` against a server that names its
// artifacts with paths: a file name from the server (id, name,
// Content-Disposition) never leaves DIR, never replaces a file, and is
// reduced to a plain name.

#include "cli_test_support.hpp"

#include <gmock/gmock.h>

#include <map>

namespace paradigm_cli_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class DownloadArtifacts : public ::testing::Test {
 protected:
  // The turn lists `artifacts`; each download answers "bytes of <id>" with
  // the Content-Disposition given for that id, if any.
  void serve(json artifacts, std::map<std::string, std::string> dispositions = {}) {
    server.on_new_turn([artifacts](const httplib::Request&, httplib::Response& res) {
      res.set_content(turn_with_artifacts(artifacts).dump(), "application/json");
    });
    server.routes().Get(R"(/api/v3/artifacts/(.+)/content)",
                        [dispositions](const httplib::Request& req, httplib::Response& res) {
                          const std::string id = req.matches[1];
                          const auto disposition = dispositions.find(id);
                          if (disposition != dispositions.end())
                            res.set_header("Content-Disposition", disposition->second);
                          res.set_content("bytes of " + id, "application/octet-stream");
                        });
    server.start();
  }

  CliRun ask() {
    return run_cli(scratch.path(), server.url(), {"ask", "--download-artifacts", "out", "Draw"});
  }

  fs::path out() const { return scratch.path() / "out"; }

  TestServer server;
  ScratchDirectory scratch;
};

TEST_F(DownloadArtifacts, AnAbsolutePathAsIdDoesNotOverwriteThatFile) {
  const fs::path victim = scratch.path() / "victim.txt";
  write_text(victim, "precious");
  serve(json::array({{{"id", victim.string()}}}));
  const CliRun run = ask();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_text(victim), "precious");
  EXPECT_EQ(read_text(out() / "victim.txt"), "bytes of " + victim.string());
  EXPECT_THAT(tree(scratch.path()), ElementsAre("out", "out/victim.txt", "victim.txt"));
}

TEST_F(DownloadArtifacts, DotDotInTheIdStaysInTheDirectory) {
  serve(json::array({{{"id", "../escape.txt"}}, {{"id", "a/../../b"}}, {{"id", ".."}}}));
  const CliRun run = ask();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(tree(scratch.path()), ElementsAre("out", "out/artifact-3", "out/b", "out/escape.txt"));
  EXPECT_EQ(read_text(out() / "escape.txt"), "bytes of ../escape.txt");
  EXPECT_EQ(read_text(out() / "artifact-3"), "bytes of ..");
}

TEST_F(DownloadArtifacts, HostileNamesAreReducedToPlainNames) {
  serve(json::array({{{"id", "a1"}, {"name", "../../outside.txt"}},
                     {{"id", "a2"}, {"name", ".bashrc"}},
                     {{"id", "a3"}, {"name", "\x1b]0;pwned\x07title.txt"}},
                     {{"id", "a4"}, {"name", "/etc/cron.d/job"}}}));
  const CliRun run = ask();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(tree(scratch.path()),
              ElementsAre("out", "out/_]0;pwned_title.txt", "out/bashrc", "out/job", "out/outside.txt"));
  EXPECT_EQ(run.output.find('\x1b'), std::string::npos) << "a control character reached the terminal";
}

TEST_F(DownloadArtifacts, AContentDispositionNeverLeavesTheDirectory) {
  serve(json::array({{{"id", "a1"}}, {{"id", "a2"}}, {{"id", "a3"}}}),
        {{"a1", R"(attachment; filename="../../outside.txt")"},
         {"a2", "attachment; filename*=UTF-8''..%2F..%2Fencoded.txt"},
         {"a3", R"(attachment; filename="..")"}});
  const CliRun run = ask();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(tree(scratch.path()), ElementsAre("out", "out/a3", "out/encoded.txt", "out/outside.txt"));
}

TEST_F(DownloadArtifacts, AnExistingFileIsNeverReplaced) {
  fs::create_directories(out());
  write_text(out() / "sine.png", "mine");
  serve(json::array({{{"id", "a1"}, {"name", "sine.png"}}, {{"id", "a2"}, {"name", "sine.png"}}}));
  const CliRun run = ask();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_text(out() / "sine.png"), "mine");
  EXPECT_EQ(read_text(out() / "sine (1).png"), "bytes of a1");
  EXPECT_EQ(read_text(out() / "sine (2).png"), "bytes of a2");
  EXPECT_THAT(run.err, HasSubstr("saved out/sine (1).png (11 bytes)"));
}

TEST_F(DownloadArtifacts, ASymlinkInTheDirectoryIsNotFollowed) {
  const fs::path victim = scratch.path() / "victim.txt";
  write_text(victim, "precious");
  fs::create_directories(out());
  fs::create_symlink(victim, out() / "link.txt");
  serve(json::array({{{"id", "a1"}, {"name", "link.txt"}}}));
  const CliRun run = ask();
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_text(victim), "precious");
  EXPECT_TRUE(fs::is_symlink(out() / "link.txt"));
  EXPECT_EQ(read_text(out() / "link (1).txt"), "bytes of a1");
}

TEST_F(DownloadArtifacts, AFailedDownloadLeavesNoFile) {
  server.on_new_turn([](const httplib::Request&, httplib::Response& res) {
    res.set_content(turn_with_artifacts(json::array({{{"id", "a1"}, {"name", "chart.png"}}})).dump(),
                    "application/json");
  });
  server.routes().Get(R"(/api/v3/artifacts/(.+)/content)",
                      [](const httplib::Request&, httplib::Response& res) {
                        res.status = 404;
                        res.set_content(R"({"detail": "Not found."})", "application/json");
                      });
  server.start();
  const CliRun run = ask();
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.err, HasSubstr("HTTP 404"));
  EXPECT_THAT(tree(scratch.path()), ElementsAre("out"));
}

}  // namespace
}  // namespace paradigm_cli_test
