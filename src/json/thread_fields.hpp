#pragma once

// The wire fields of a thread, in both the current shape and the one before
// Wise Wolf (`chat_setting`).

#include <paradigm/thread.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

template <class Field, class Self>
bool fields(Field&& field, Self& thread, Of<Thread>) {
  return field("id", thread.id) || field("name", thread.name) || field("status", thread.status) ||
         field("agent_id", thread.agent_id) || field("agent_name", thread.agent_name) ||
         field("chat_setting", thread.chat_setting) || field("ml_model", thread.ml_model) ||
         field("ml_model_name", thread.ml_model_name) || field("creation_source", thread.creation_source) ||
         field("is_read", thread.is_read) || field("is_ephemeral", thread.is_ephemeral) ||
         field("is_archived", thread.is_archived) || field("legacy", thread.legacy) ||
         field("tool_parameters", thread.tool_parameters) || field("created_at", thread.created_at) ||
         field("updated_at", thread.updated_at) || field("object", thread.object);
}

}  // namespace paradigm::detail
