// The all_* ranges: each listing's paging, hidden behind PageRange. Threads
// and turns page by cursor (the last id), agents and files by page number
// (while the server says `next`), sources by page number (while pages are full).

#include <paradigm/client.hpp>

#include <memory>

namespace paradigm {

namespace {

// Cursor paging: the next page starts after the last id of this one.
template <class T, class List, class FetchPage>
PageRange<T> by_cursor(List list, FetchPage fetch_page) {
  return PageRange<T>([list, fetch_page](const Page<T>* previous) mutable -> std::optional<Page<T>> {
    if (previous) {
      if (!previous->has_more() || previous->results.empty()) return std::nullopt;
      const std::string& last = previous->results.back().id;
      if (list.starting_after == last) return std::nullopt;  // a server that repeats its page
      list.starting_after = last;
      list.ending_before.reset();
    }
    return fetch_page(list);
  });
}

// Page-number paging, while the server names a next page.
template <class T, class Filter, class FetchPage>
PageRange<T> by_number(Filter filter, FetchPage fetch_page) {
  return PageRange<T>([filter, fetch_page](const Page<T>* previous) mutable -> std::optional<Page<T>> {
    if (previous) {
      if (!previous->has_more() || previous->results.empty()) return std::nullopt;
      filter.page = filter.page.value_or(1) + 1;
    }
    return fetch_page(filter);
  });
}

// GET /api/v3/sources has no `next`: a page shorter than asked for is the last.
template <class T, class Pick>
PageRange<T> sources(std::shared_ptr<ThreadsConnection> connection, SourceFilter filter, CallOptions call,
                     const char* source_type, Pick pick) {
  filter.source_type = source_type;
  const auto per_page = static_cast<std::size_t>(filter.per_page.value_or(20));
  return by_number<T>(filter, [connection, call, pick, per_page](const SourceFilter& page_filter) {
    SourceList list = connection->list_sources(page_filter, call);
    Page<T> page;
    page.results = std::move(pick(list));
    if (page.results.size() >= per_page)
      page.next = "page " + std::to_string(page_filter.page.value_or(1) + 1);
    return page;
  });
}

}  // namespace

PageRange<Turn> ThreadsClient::all_turns(std::string_view thread_id, const ListOptions& list,
                                         const CallOptions& call) const {
  return by_cursor<Turn>(
      list, [connection = connection_, thread = std::string(thread_id), call](const ListOptions& page) {
        return connection->list_turns(thread, page, call);
      });
}

PageRange<Thread> ThreadsClient::all_threads(const ThreadListOptions& list, const CallOptions& call) const {
  return by_cursor<Thread>(list, [connection = connection_, call](const ThreadListOptions& page) {
    return connection->list_threads(page, call);
  });
}

PageRange<Agent> ThreadsClient::all_agents(const AgentFilter& filter, const CallOptions& call) const {
  return by_number<Agent>(filter, [connection = connection_, call](const AgentFilter& page) {
    return connection->list_agents(page, call);
  });
}

PageRange<AgentFile> ThreadsClient::all_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                                    const CallOptions& call) const {
  return by_number<AgentFile>(filter,
                              [connection = connection_, agent_id, call](const AgentFileFilter& page) {
                                return connection->list_agent_files(agent_id, page, call);
                              });
}

PageRange<DocumentSource> ThreadsClient::all_document_sources(const SourceFilter& filter,
                                                              const CallOptions& call) const {
  return sources<DocumentSource>(
      connection_, filter, call, "document",
      [](SourceList& list) -> std::vector<DocumentSource>& { return list.document; });
}

PageRange<WebSource> ThreadsClient::all_web_sources(const SourceFilter& filter,
                                                    const CallOptions& call) const {
  return sources<WebSource>(connection_, filter, call, "web",
                            [](SourceList& list) -> std::vector<WebSource>& { return list.web; });
}

}  // namespace paradigm
