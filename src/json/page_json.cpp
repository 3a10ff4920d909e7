// Listings: `{count, next, previous, results}`.

#include "json/writer.hpp"

namespace paradigm::detail {

namespace {

template <class T>
Json encode_page(const Page<T>& value) {
  Json json = object_with(value.extra);
  put(json, "count", value.count);
  put(json, "next", value.next);
  put(json, "previous", value.previous);
  put(json, "results", value.results);
  return json;
}

}  // namespace

Json encode(const Page<Turn>& value) {
  return encode_page(value);
}
Json encode(const Page<Thread>& value) {
  return encode_page(value);
}
Json encode(const Page<Agent>& value) {
  return encode_page(value);
}
Json encode(const Page<AgentFile>& value) {
  return encode_page(value);
}

}  // namespace paradigm::detail
