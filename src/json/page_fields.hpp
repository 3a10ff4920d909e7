#pragma once

// The wire fields of a listing: `{count, next, previous, results}`.

#include <paradigm/page.hpp>

#include "json/fields.hpp"

namespace paradigm::detail {

template <class Field, class Self, class T>
bool fields(Field&& field, Self& page, Of<Page<T>>) {
  return field("results", page.results) || field("count", page.count) || field("next", page.next) ||
         field("previous", page.previous);
}

}  // namespace paradigm::detail
