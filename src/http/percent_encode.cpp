#include "http/percent_encode.hpp"

#include <paradigm/errors.hpp>

#include <curl/curl.h>

#include <climits>
#include <memory>
#include <new>

namespace paradigm::detail {

std::string percent_encode(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(INT_MAX)) throw InvalidRequestError("value too long for a URL");
  // curl_easy_escape needs no handle, so it opens nothing.
  std::unique_ptr<char, decltype(&curl_free)> escaped(
      curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size())), &curl_free);
  if (!escaped) throw std::bad_alloc();
  return std::string(escaped.get());
}

}  // namespace paradigm::detail
