#pragma once

#include <paradigm/page.hpp>

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>

namespace paradigm {

/// Every item of a paged listing, fetched lazily: the next page is requested
/// only when the loop reaches it. Cursor paging (threads, turns) and page
/// numbers (agents, files, sources) look the same from here.
///
///     for (const paradigm::Thread& thread : client.all_threads()) ...
///
/// A request that fails throws from `begin()` or from `++`, like the listing
/// call would. The range is single-pass: iterating it again starts over from
/// the first page. Copies of an iterator share its position.
template <class T>
class PageRange {
 public:
  /// Fetches the page after `previous` (null for the first); nullopt when
  /// there is none.
  using Fetcher = std::function<std::optional<Page<T>>(const Page<T>* previous)>;

  explicit PageRange(Fetcher fetch) : fetch_(std::move(fetch)) {}

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    iterator() = default;
    reference operator*() const { return state_->page.results[state_->index]; }
    pointer operator->() const { return &**this; }
    iterator& operator++() {
      state_->advance();
      if (state_->done) state_.reset();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.state_ == b.state_; }
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class PageRange;
    struct State {
      Fetcher fetch;
      Page<T> page;
      std::size_t index = 0;
      bool done = false;

      // Moves to the next item, fetching pages (skipping empty ones) as needed.
      void advance() {
        ++index;
        skip_exhausted_pages();
      }
      void skip_exhausted_pages() {
        while (index >= page.results.size()) {
          std::optional<Page<T>> next = fetch(&page);
          if (!next) {
            done = true;
            return;
          }
          page = std::move(*next);
          index = 0;
        }
      }
    };
    explicit iterator(std::shared_ptr<State> state) : state_(std::move(state)) {}
    std::shared_ptr<State> state_;
  };

  /// Fetches the first page.
  iterator begin() const {
    auto state = std::make_shared<typename iterator::State>();
    state->fetch = fetch_;
    std::optional<Page<T>> first = fetch_(nullptr);
    if (!first) return end();
    state->page = std::move(*first);
    state->skip_exhausted_pages();
    return state->done ? end() : iterator(std::move(state));
  }
  iterator end() const { return iterator(); }

 private:
  Fetcher fetch_;
};

}  // namespace paradigm
