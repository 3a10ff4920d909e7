// The all_* ranges: each listing's paging, hidden behind PageRange. Threads
// and turns page by cursor (the last id), agents and files by page number
// (while the server says `next`), sources by page number (while pages are full).
//
// A server's paging may never end: each range stops with a DecodeError when
// its pages stop advancing (a cursor already used, a page the same as the one
// before) and after kMaxPages pages whatever they hold.

#include <paradigm/client.hpp>
#include <paradigm/serialize.hpp>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

namespace paradigm {

namespace {

// 2,000,000 items at 20 a page: more than a listing holds, well before forever.
constexpr std::size_t kMaxPages = 100000;

[[noreturn]] void endless(const char* listing, const std::string& why) {
  throw DecodeError(std::string(listing) + ": the server's pages do not end: " + why);
}

// An id for a message.
std::string truncate(const std::string& id) {
  return id.size() <= 100 ? id : id.substr(0, 100) + "...";
}

// Counts the pages of one loop over a range.
void count_page(const char* listing, std::size_t& pages) {
  if (++pages > kMaxPages) endless(listing, "more than " + std::to_string(kMaxPages) + " pages");
}

// Cursor paging: the next page starts after the last id of this one.
template <class T, class List, class FetchPage>
PageRange<T> by_cursor(const char* listing, List list, FetchPage fetch_page) {
  // Hashes of the cursors used: a server's ids may be long (two ids of one
  // hash end a loop early: one chance in 10^9 at the page limit).
  return PageRange<T>([listing, first = list, list, fetch_page, used = std::unordered_set<std::size_t>(),
                       pages = std::size_t{0}](const Page<T>* previous) mutable -> std::optional<Page<T>> {
    const std::hash<std::string> hash;
    if (!previous) {  // a new loop over the range
      list = first;
      used.clear();
      pages = 0;
    } else {
      if (!previous->has_more() || previous->results.empty()) return std::nullopt;
      if (list.starting_after) used.insert(hash(*list.starting_after));  // the cursor of `previous`
      const std::string& last = previous->results.back().id;
      if (used.count(hash(last)) > 0) {
        endless(listing, "the page after \"" + truncate(last) + "\" was fetched already");
      }
      list.starting_after = last;
      list.ending_before.reset();
    }
    count_page(listing, pages);
    return fetch_page(list);
  });
}

// A hash of a page's items, to tell a page that repeats the one before
// without keeping it.
template <class T>
std::size_t fingerprint(const Page<T>& page) {
  std::size_t hash = page.results.size();
  for (const T& item : page.results)
    hash = hash * 1000003 ^ std::hash<std::string>()(to_json(item));
  return hash;
}

// Page-number paging, while the server names a next page.
template <class T, class Filter, class FetchPage>
PageRange<T> by_number(const char* listing, Filter filter, FetchPage fetch_page) {
  return PageRange<T>([listing, first = filter, filter, fetch_page, before = std::optional<std::size_t>(),
                       pages = std::size_t{0}](const Page<T>* previous) mutable -> std::optional<Page<T>> {
    if (!previous) {  // a new loop over the range
      filter = first;
      before.reset();
      pages = 0;
    } else {
      if (!previous->has_more() || previous->results.empty()) return std::nullopt;
      const std::size_t now = fingerprint(*previous);
      if (now == before) {
        endless(listing, "page " + std::to_string(filter.page.value_or(1)) + " repeats the page before it");
      }
      before = now;
      if (filter.page.value_or(1) == std::numeric_limits<int>::max())
        endless(listing, "no page number after the last int");
      filter.page = filter.page.value_or(1) + 1;
    }
    count_page(listing, pages);
    return fetch_page(filter);
  });
}

// GET /api/v3/sources has no `next`: a page shorter than asked for is the last.
template <class T, class Pick>
PageRange<T> sources(const char* listing, std::shared_ptr<ThreadsConnection> connection, SourceFilter filter,
                     CallOptions call, const char* source_type, Pick pick) {
  filter.source_type = source_type;
  const auto per_page = static_cast<std::size_t>(filter.per_page.value_or(20));
  return by_number<T>(listing, filter, [connection, call, pick, per_page](const SourceFilter& page_filter) {
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
  return by_cursor<Turn>("all_turns", list,
                         [connection = connection_, thread = std::string(thread_id), call](
                             const ListOptions& page) { return connection->list_turns(thread, page, call); });
}

PageRange<Thread> ThreadsClient::all_threads(const ThreadListOptions& list, const CallOptions& call) const {
  return by_cursor<Thread>("all_threads", list,
                           [connection = connection_, call](const ThreadListOptions& page) {
                             return connection->list_threads(page, call);
                           });
}

PageRange<Agent> ThreadsClient::all_agents(const AgentFilter& filter, const CallOptions& call) const {
  return by_number<Agent>("all_agents", filter, [connection = connection_, call](const AgentFilter& page) {
    return connection->list_agents(page, call);
  });
}

PageRange<AgentFile> ThreadsClient::all_agent_files(std::int64_t agent_id, const AgentFileFilter& filter,
                                                    const CallOptions& call) const {
  return by_number<AgentFile>("all_agent_files", filter,
                              [connection = connection_, agent_id, call](const AgentFileFilter& page) {
                                return connection->list_agent_files(agent_id, page, call);
                              });
}

PageRange<DocumentSource> ThreadsClient::all_document_sources(const SourceFilter& filter,
                                                              const CallOptions& call) const {
  return sources<DocumentSource>(
      "all_document_sources", connection_, filter, call, "document",
      [](SourceList& list) -> std::vector<DocumentSource>& { return list.document; });
}

PageRange<WebSource> ThreadsClient::all_web_sources(const SourceFilter& filter,
                                                    const CallOptions& call) const {
  return sources<WebSource>("all_web_sources", connection_, filter, call, "web",
                            [](SourceList& list) -> std::vector<WebSource>& { return list.web; });
}

}  // namespace paradigm
