// The all_* ranges: each paged listing of the operations table, walked by
// cursor (the last id: threads, turns) or by page number (while the server
// says `next`: agents, files, tags), hidden behind PageRange. Sources page by
// number too, but their answer has no `next`: a page shorter than asked for
// is the last.
//
// A server's paging may never end: each walk stops with a DecodeError when its
// pages stop advancing (a cursor already used, a page the same as the one
// before) and after kMaxPages pages whatever they hold.

#include <paradigm/client.hpp>
#include <paradigm/operations.hpp>
#include <paradigm/serialize.hpp>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

namespace paradigm {

namespace {

using detail::Paging;

// Runs a paged listing on a connection from its request (the blocking form).
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                       \
  PARADIGM_IF_PAGED(                                                                            \
      kind, Result call_operation(ThreadsConnection& connection, const ops::Request& forwarded, \
                                  const CallOptions& forwarded_call) {                          \
        return connection.name(PARADIGM_PARAMS(PARADIGM_MEMBER_, params, optional));            \
      })
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

// 2,000,000 items at 20 a page: more than a listing holds, well before forever.
constexpr std::size_t kMaxPages = 100000;

// An id for a message.
std::string truncate(const std::string& id) {
  return id.size() <= 100 ? id : id.substr(0, 100) + "...";
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

// What one loop over a range has seen, to stop a walk that never ends.
class PageGuard {
 public:
  explicit PageGuard(const char* listing) : listing_(listing) {}

  void restart() {
    used_cursors_.clear();
    previous_page_.reset();
    pages_ = 0;
  }

  void count_page() {
    if (++pages_ > kMaxPages) endless("more than " + std::to_string(kMaxPages) + " pages");
  }

  // Moves cursor options past `previous`; false when there is no next page.
  template <class List, class Item>
  bool advance_cursor(List& list, const Page<Item>& previous) {
    if (!previous.has_more() || previous.results.empty()) return false;
    // Hashes of the cursors used: a server's ids may be long (two ids of one
    // hash end a loop early: one chance in 10^9 at the page limit).
    const std::hash<std::string> hash;
    if (list.starting_after) used_cursors_.insert(hash(*list.starting_after));  // the cursor of `previous`
    const std::string& last = previous.results.back().id;
    if (used_cursors_.count(hash(last)) > 0)
      endless("the page after \"" + truncate(last) + "\" was fetched already");
    list.starting_after = last;
    list.ending_before.reset();
    return true;
  }

  // Moves page-number options to the next page; false when there is none.
  template <class Filter, class Item>
  bool advance_number(Filter& filter, const Page<Item>& previous) {
    if (!previous.has_more() || previous.results.empty()) return false;
    const std::size_t now = fingerprint(previous);
    if (now == previous_page_) {
      endless("page " + std::to_string(filter.page.value_or(1)) + " repeats the page before it");
    }
    previous_page_ = now;
    if (filter.page.value_or(1) == std::numeric_limits<int>::max())
      endless("no page number after the last int");
    filter.page = filter.page.value_or(1) + 1;
    return true;
  }

 private:
  [[noreturn]] void endless(const std::string& why) const {
    throw DecodeError(std::string(listing_) + ": the server's pages do not end: " + why);
  }

  const char* listing_;
  std::unordered_set<std::size_t> used_cursors_;
  std::optional<std::size_t> previous_page_;
  std::size_t pages_ = 0;
};

// Every page of `first`'s listing, whose `options` member pages; each loop over
// the range starts again from `first`.
template <Paging paging, class Item, class Options, class FetchPage>
PageRange<Item> walk(const char* listing, Options first, FetchPage fetch_page) {
  return PageRange<Item>([guard = PageGuard(listing), first, options = first,
                          fetch_page](const Page<Item>* previous) mutable -> std::optional<Page<Item>> {
    if (!previous) {  // a new loop over the range
      options = first;
      guard.restart();
    } else {
      bool more = false;
      if constexpr (paging == Paging::by_cursor) {
        more = guard.advance_cursor(options, *previous);
      } else {
        more = guard.advance_number(options, *previous);
      }
      if (!more) return std::nullopt;
    }
    guard.count_page();
    return fetch_page(options);
  });
}

// The paged listing `request`, whose `options` member pages.
template <Paging paging, class Request, class Options>
PageRange<detail::PageItem<typename Request::Result>> paged(const char* listing,
                                                            std::shared_ptr<ThreadsConnection> connection,
                                                            Request request, Options Request::*options,
                                                            CallOptions call) {
  using Item = detail::PageItem<typename Request::Result>;
  const Options first = request.*options;
  return walk<paging, Item>(listing, first,
                            [connection, request, options, call](const Options& page) mutable {
                              request.*options = page;
                              return call_operation(*connection, request, call);
                            });
}

// GET /api/v3/sources has no `next`: a page shorter than asked for is the last.
template <class T, class Pick>
PageRange<T> sources(const char* listing, std::shared_ptr<ThreadsConnection> connection, SourceFilter filter,
                     CallOptions call, const char* source_type, Pick pick) {
  filter.source_type = source_type;
  const auto per_page = static_cast<std::size_t>(filter.per_page.value_or(20));
  return walk<Paging::by_number, T>(
      listing, filter, [connection, call, pick, per_page](const SourceFilter& page_filter) {
        SourceList list = connection->list_sources(page_filter, call);
        Page<T> page;
        page.results = std::move(pick(list));
        if (page.results.size() >= per_page)
          page.next = "page " + std::to_string(page_filter.page.value_or(1) + 1);
        return page;
      });
}

}  // namespace

#define PAGINATION_NAME(range) PAGINATION_NAME_I(range)
#define PAGINATION_NAME_I(range) #range
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                                   \
  PARADIGM_IF_PAGED(                                                                                        \
      kind, PageRange<detail::PageItem<Result>> ThreadsClient::PARADIGM_PAGED_RANGE(kind)(                  \
                PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) const {                                 \
        ops::Request op;                                                                                    \
        PARADIGM_PARAMS(PARADIGM_STORE_, params, optional)                                                  \
        return paged<PARADIGM_PAGED_PAGING(kind)>(PAGINATION_NAME(PARADIGM_PAGED_RANGE(kind)), connection_, \
                                                  std::move(op),                                            \
                                                  &ops::Request::PARADIGM_OPTIONAL_NAME(optional), call);   \
      })
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION
#undef PAGINATION_NAME_I
#undef PAGINATION_NAME

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
