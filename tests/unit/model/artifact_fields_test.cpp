// The artifact's metadata as typed fields: the guide documents `id` and
// `thumbnail_base64`; servers also send the file's name, MIME type, size, its
// turn and creation time (GET /api/v3/artifacts/{id}, and `file_artifacts`).
// The shape is not published, so a member of an unexpected type stays in
// `extra` instead of failing the whole turn.

#include <paradigm/serialize.hpp>
#include <paradigm/turn.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace paradigm {
namespace {

TEST(ArtifactFields, TheMetadataOfGetArtifactIsTyped) {
  const Artifact artifact = from_json<Artifact>(R"({
    "id": "3f1c", "object": "artifact", "name": "sine.png", "mime_type": "image/png",
    "size": 1234, "thumbnail_base64": "UklGRg==", "turn_id": "u1",
    "created_at": "2026-01-02T03:04:05Z", "checksum": "abc"})");
  EXPECT_EQ(artifact.id, "3f1c");
  EXPECT_EQ(artifact.object, "artifact");
  EXPECT_EQ(artifact.name, "sine.png");
  EXPECT_EQ(artifact.mime_type, "image/png");
  EXPECT_EQ(artifact.size, 1234);
  EXPECT_EQ(artifact.turn_id, "u1");
  ASSERT_TRUE(artifact.created_at);
  EXPECT_EQ(artifact.created_at->to_string(), "2026-01-02T03:04:05Z");
  // Only what the SDK does not name is left in extra.
  EXPECT_EQ(artifact.extra.keys(), std::vector<std::string>{"checksum"});
}

TEST(ArtifactFields, AFileArtifactOfAToolCallHasThemToo) {
  const Turn turn = from_json<Turn>(R"({"id": "u1", "thread": "t1", "status": "completed", "messages": [
    {"id": "m", "role": "assistant", "parts": [{"type": "tool_call", "tool_call": {
      "id": "c", "tool": {"id": "x", "name": "code_execution", "type": "native"},
      "result": {"file_artifacts": [{"id": 7, "name": "data.csv", "mime_type": "text/csv"}]}}}]}]})");
  const auto artifacts = turn.artifacts();
  ASSERT_EQ(artifacts.size(), 1u);
  EXPECT_EQ(artifacts[0].id, "7");
  EXPECT_EQ(artifacts[0].name, "data.csv");
  EXPECT_EQ(artifacts[0].mime_type, "text/csv");
  EXPECT_TRUE(artifacts[0].extra.is_null());
}

TEST(ArtifactFields, AMemberOfAnUnexpectedTypeStaysInExtra) {
  const Turn turn = from_json<Turn>(R"({"id": "u1", "thread": "t1", "status": "completed", "messages": [
    {"id": "m", "role": "assistant", "parts": [{"type": "tool_call", "tool_call": {
      "id": "c", "tool": {"id": "x", "name": "code_execution", "type": "native"},
      "result": {"file_artifacts": [{"id": "a1", "name": {"en": "chart"}, "size": "12 KB"}]}}}]}]})");
  const auto artifacts = turn.artifacts();
  ASSERT_EQ(artifacts.size(), 1u);
  EXPECT_EQ(artifacts[0].id, "a1");
  EXPECT_FALSE(artifacts[0].name);
  EXPECT_FALSE(artifacts[0].size);
  EXPECT_EQ(artifacts[0].extra["size"].as_string(), "12 KB");
  EXPECT_EQ(artifacts[0].extra["name"]["en"].as_string(), "chart");

  const Artifact odd = from_json<Artifact>(R"({"id": "a2", "mime_type": 3, "created_at": "yesterday"})");
  EXPECT_EQ(odd.id, "a2");
  EXPECT_FALSE(odd.mime_type);
  EXPECT_FALSE(odd.created_at);
  EXPECT_EQ(odd.extra.keys(), (std::vector<std::string>{"created_at", "mime_type"}));
}

TEST(ArtifactFields, TheyAreWrittenBack) {
  Artifact artifact;
  artifact.id = "a1";
  artifact.name = "report.pdf";
  artifact.mime_type = "application/pdf";
  artifact.size = 10;
  const auto json = nlohmann::json::parse(to_json(artifact));
  EXPECT_EQ(json["name"], "report.pdf");
  EXPECT_EQ(json["mime_type"], "application/pdf");
  EXPECT_EQ(json["size"], 10);
  EXPECT_EQ(from_json<Artifact>(to_json(artifact)), artifact);
}

}  // namespace
}  // namespace paradigm
