#pragma once

// The wire fields of artifacts and sources: the shapes the API documents least.

#include <paradigm/artifact.hpp>
#include <paradigm/source.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

// Read tolerantly (read_model.cpp): only `id` and `thumbnail_base64` are documented.
template <class Field, class Self>
bool fields(Field&& field, Self& artifact, Of<Artifact>) {
  return field("id", artifact_id(artifact.id)) || field("thumbnail_base64", artifact.thumbnail_base64) ||
         field("name", artifact.name) || field("mime_type", artifact.mime_type) ||
         field("size", artifact.size) || field("turn_id", artifact.turn_id) ||
         field("created_at", artifact.created_at) || field("object", artifact.object);
}

template <class Field, class Self>
bool fields(Field&& field, Self& source, Of<WebSource>) {
  return field("id", source.id) || field("thread_id", source.thread_id) || field("url", source.url) ||
         field("title", source.title) || field("thumbnail", source.thumbnail) ||
         field("certainty", source.certainty) || field("created_at", source.created_at);
}

template <class Field, class Self>
bool fields(Field&& field, Self& source, Of<DocumentSource>) {
  return field("id", source.id) || field("thread_id", source.thread_id) ||
         field("document_chunk", source.document_chunk) || field("vision_chunk", source.vision_chunk) ||
         field("certainty", source.certainty) || field("distance", source.distance) ||
         field("page_start", source.page_start) || field("page_end", source.page_end) ||
         field("used_for_generation", source.used_for_generation) || field("created_at", source.created_at);
}

template <class Field, class Self>
bool fields(Field&& field, Self& sources, Of<SourceList>) {
  return field("document", sources.document) || field("web", sources.web);
}

}  // namespace paradigm::detail
