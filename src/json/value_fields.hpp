#pragma once

// The fields of the value types that are not JSON documents of the API
// (listing filters, download and progress reports, stream events), in the
// vocabulary of fields.hpp: what their equality and printing visit.

#include <paradigm/download.hpp>
#include <paradigm/progress.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/stream.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

template <class Field, class Self>
bool fields(Field&& field, Self& info, Of<DownloadInfo>) {
  return field("content_type", info.content_type) || field("content_disposition", info.content_disposition) ||
         field("filename", info.filename) || field("content_length", info.content_length) ||
         field("bytes", info.bytes) || field("complete", info.complete);
}

template <class Field, class Self>
bool fields(Field&& field, Self& content, Of<ArtifactContent>) {
  return field("bytes", content.bytes) || field("info", content.info);
}

template <class Field, class Self>
bool fields(Field&& field, Self& event, Of<StreamEvent>) {
  return field("event", event.event) || field("data", event.data) || field("id", event.id);
}

template <class Field, class Self>
bool fields(Field&& field, Self& progress, Of<TurnProgress>) {
  return field("kind", progress.kind) || field("text", progress.text) ||
         field("tool_call", progress.tool_call) || field("step", progress.step) ||
         field("status", progress.status) || field("error", progress.error) || field("event", progress.event);
}

template <class Field, class Self>
bool fields(Field&& field, Self& list, Of<ListOptions>) {
  return field("limit", list.limit) || field("starting_after", list.starting_after) ||
         field("ending_before", list.ending_before) || field("extra_query", list.extra_query);
}

template <class Field, class Self>
bool fields(Field&& field, Self& list, Of<ThreadListOptions>) {
  return field("limit", list.limit) || field("starting_after", list.starting_after) ||
         field("ending_before", list.ending_before) || field("extra_query", list.extra_query) ||
         field("creation_source", list.creation_source);
}

template <class Field, class Self>
bool fields(Field&& field, Self& filter, Of<AgentFilter>) {
  return field("is_default", filter.is_default) || field("name", filter.name) ||
         field("company_id", filter.company_id) || field("group_id", filter.group_id) ||
         field("is_current_user_favorite", filter.is_current_user_favorite) || field("page", filter.page) ||
         field("page_size", filter.page_size) || field("extra_query", filter.extra_query);
}

template <class Field, class Self>
bool fields(Field&& field, Self& filter, Of<AgentFileFilter>) {
  return field("search", filter.search) || field("filename", filter.filename) ||
         field("extensions", filter.extensions) || field("group_ids", filter.group_ids) ||
         field("page", filter.page) || field("page_size", filter.page_size) ||
         field("extra_query", filter.extra_query);
}

template <class Field, class Self>
bool fields(Field&& field, Self& filter, Of<AgentTagFilter>) {
  return field("auto_assign", filter.auto_assign) || field("tag", filter.tag) ||
         field("extra_query", filter.extra_query);
}

template <class Field, class Self>
bool fields(Field&& field, Self& pages, Of<PageOptions>) {
  return field("page", pages.page) || field("page_size", pages.page_size) ||
         field("extra_query", pages.extra_query);
}

template <class Field, class Self>
bool fields(Field&& field, Self& filter, Of<SourceFilter>) {
  return field("id", filter.id) || field("source_type", filter.source_type) ||
         field("thread_id", filter.thread_id) || field("turn_id", filter.turn_id) ||
         field("tool_call_id", filter.tool_call_id) || field("page", filter.page) ||
         field("per_page", filter.per_page) || field("extra_query", filter.extra_query);
}

}  // namespace paradigm::detail
