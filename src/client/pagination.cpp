// The all_* ranges: each paged listing of the operations table, walked by
// cursor (the last id: threads, turns) or by page number (while the server
// says `next`: agents, files, tags), hidden behind PageRange. Sources page by
// number too, but their answer has no `next`: a page shorter than asked for
// is the last.

#include <paradigm/client.hpp>
#include <paradigm/operations.hpp>

#include <memory>

namespace paradigm {

namespace {

using detail::Paging;

// Runs a paged listing on a connection from its request (the blocking form).
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                       \
  PARADIGM_IF_PAGED(                                                                            \
      kind, Result call_operation(ThreadsConnection& connection, const ops::Request& forwarded, \
                                  const CallOptions& forwarded_call) {                          \
        return connection.name(PARADIGM_PARAMS(PARADIGM_MEMBER, params, optional));             \
      })
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

// Moves cursor options past `previous`; false when there is no next page.
template <class Item>
bool advance_cursor(ListOptions& list, const Page<Item>& previous) {
  if (!previous.has_more() || previous.results.empty()) return false;
  const std::string& last = previous.results.back().id;
  if (list.starting_after == last) return false;  // a server that repeats its page
  list.starting_after = last;
  list.ending_before.reset();
  return true;
}

// Moves page-number options to the next page; false when there is none.
template <class Filter, class Item>
bool advance_number(Filter& filter, const Page<Item>& previous) {
  if (!previous.has_more() || previous.results.empty()) return false;
  filter.page = filter.page.value_or(1) + 1;
  return true;
}

// Every page of the listing `request`, whose `options` member pages.
template <Paging paging, class Request, class Options>
PageRange<detail::PageItem<typename Request::Result>> paged(std::shared_ptr<ThreadsConnection> connection,
                                                            Request request, Options Request::*options,
                                                            CallOptions call) {
  using Item = detail::PageItem<typename Request::Result>;
  return PageRange<Item>(
      [connection, request, options, call](const Page<Item>* previous) mutable -> std::optional<Page<Item>> {
        if (previous) {
          Options& page_options = request.*options;
          bool more = false;
          if constexpr (paging == Paging::by_cursor) {
            more = advance_cursor(page_options, *previous);
          } else {
            more = advance_number(page_options, *previous);
          }
          if (!more) return std::nullopt;
        }
        return call_operation(*connection, request, call);
      });
}

// GET /api/v3/sources has no `next`: a page shorter than asked for is the last.
template <class T, class Pick>
PageRange<T> sources(std::shared_ptr<ThreadsConnection> connection, SourceFilter filter, CallOptions call,
                     const char* source_type, Pick pick) {
  filter.source_type = source_type;
  const auto per_page = static_cast<std::size_t>(filter.per_page.value_or(20));
  return PageRange<T>(
      [connection, filter, call, pick, per_page](const Page<T>* previous) mutable -> std::optional<Page<T>> {
        if (previous) {
          if (!advance_number(filter, *previous)) return std::nullopt;
        }
        SourceList list = connection->list_sources(filter, call);
        Page<T> page;
        page.results = std::move(pick(list));
        if (page.results.size() >= per_page)
          page.next = "page " + std::to_string(filter.page.value_or(1) + 1);
        return page;
      });
}

}  // namespace

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                                 \
  PARADIGM_IF_PAGED(                                                                                      \
      kind, PageRange<detail::PageItem<Result>> ThreadsClient::PARADIGM_PAGED_RANGE(kind)(                \
                PARADIGM_PARAMS(PARADIGM_PARAM, params, optional)) const {                                \
        ops::Request op;                                                                                  \
        PARADIGM_PARAMS(PARADIGM_STORE, params, optional)                                                 \
        return paged<PARADIGM_PAGED_PAGING(kind)>(connection_, std::move(op),                             \
                                                  &ops::Request::PARADIGM_OPTIONAL_NAME(optional), call); \
      })
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

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
