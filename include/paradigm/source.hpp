#pragma once

#include <paradigm/export.hpp>
#include <paradigm/json_value.hpp>
#include <paradigm/timestamp.hpp>
#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paradigm {

/// A web page a tool used (`web_sources`, and `web` of GET /api/v3/sources).
struct PARADIGM_API WebSource {
  std::optional<std::string> id;
  std::optional<std::string> thread_id;
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> thumbnail;
  std::optional<double> certainty;
  std::optional<Timestamp> created_at;
  /// Members this SDK does not know, kept as received.
  JsonValue extra;
};

/// A document chunk a tool used (`chunk_sources`, `document_sources`, and
/// `document` of GET /api/v3/sources). Every field is optional: the API does
/// not publish the shape of the tool-result lists.
struct PARADIGM_API DocumentSource {
  std::optional<std::string> id;
  std::optional<std::string> thread_id;
  std::optional<std::int64_t> document_chunk;
  std::optional<std::int64_t> vision_chunk;
  std::optional<double> certainty;
  std::optional<double> distance;
  std::optional<std::int64_t> page_start;
  std::optional<std::int64_t> page_end;
  std::optional<bool> used_for_generation;
  std::optional<Timestamp> created_at;
  /// Members this SDK does not know (file name, text, ...), kept as received.
  JsonValue extra;
};

/// An element of `chunk_sources`: same known shape as a document source.
using ChunkSource = DocumentSource;

/// Sources grouped by kind: the answer of GET /api/v3/sources, and `Turn::sources()`.
struct PARADIGM_API SourceList {
  std::vector<DocumentSource> document;
  std::vector<WebSource> web;
  JsonValue extra;

  bool empty() const noexcept { return document.empty() && web.empty(); }
};

// ==, != and << (as JSON) of each type, for tests: <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(WebSource);
PARADIGM_VALUE_OPERATORS(DocumentSource);
PARADIGM_VALUE_OPERATORS(SourceList);

}  // namespace paradigm
