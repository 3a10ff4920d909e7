#pragma once

// The wire fields of a turn, its messages, parts and what parts carry.

#include <paradigm/turn.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

template <class Field, class Self>
bool fields(Field&& field, Self& error, Of<TurnError>) {
  return field("code", error.code) || field("message", error.message);
}

template <class Field, class Self>
bool fields(Field&& field, Self& document, Of<DocumentPart>) {
  return field("id", document.id);
}

template <class Field, class Self>
bool fields(Field&& field, Self& workspace, Of<WorkspacePart>) {
  return field("id", workspace.id) || field("name", workspace.name) || field("type", workspace.type) ||
         field("files_count", workspace.files_count);
}

template <class Field, class Self>
bool fields(Field&& field, Self& tag, Of<PartTag>) {
  return field("id", tag.id) || field("tag", tag.tag);
}

template <class Field, class Self>
bool fields(Field&& field, Self& part, Of<Part>) {
  return field("type", part.type) || field("text", part.text) || field("reasoning", part.reasoning) ||
         field("tool_call", part.tool_call) || field("document", part.document) ||
         field("workspace", part.workspace) || field("tag", part.tag);
}

template <class Field, class Self>
bool fields(Field&& field, Self& message, Of<Message>) {
  return field("id", message.id) || field("role", message.role) || field("parts", message.parts) ||
         field("force_tool", message.force_tool) ||
         field("immediate_final_answer", message.immediate_final_answer) ||
         field("created_at", message.created_at) || field("object", message.object);
}

template <class Field, class Self>
bool fields(Field&& field, Self& turn, Of<Turn>) {
  return field("id", turn.id) || field("thread", turn.thread) || field("status", turn.status) ||
         field("error", turn.error) || field("messages", turn.messages) || field("created_at", turn.created_at) ||
         field("liked", turn.liked) || field("object", turn.object);
}

}  // namespace paradigm::detail
