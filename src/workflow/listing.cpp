#include "workflow/listing.hpp"

#include <paradigm/errors.hpp>

#include "workflow/routes.hpp"

namespace paradigm::detail {

void add_page(QueryParams& query, const std::optional<int>& page, const std::optional<int>& page_size,
              const char* size_name, int max_size) {
  if (page && *page < 1) throw InvalidRequestError("page must be at least 1");
  if (page_size && (*page_size < 1 || *page_size > max_size)) {
    throw InvalidRequestError(std::string(size_name) + " must be between 1 and " + std::to_string(max_size));
  }
  add_param(query, "page", page);
  add_param(query, size_name, page_size);
}

void append_query(QueryParams& query, const QueryParams& extra) {
  query.insert(query.end(), extra.begin(), extra.end());
}

}  // namespace paradigm::detail
