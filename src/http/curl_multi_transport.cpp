#include "http/curl_multi_transport.hpp"

#include "core/cancellation_state.hpp"
#include "http/curl_global.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <new>

namespace paradigm::detail {

namespace {

// Easy handles kept for the next exchanges (their connections live in the multi handle).
constexpr std::size_t kSpareHandles = 64;

// A transfer to end early. File-local, since a std::vector of a pair of
// (CURL*, TransferError) would be instantiated, and exported, from the
// shared library.
struct Stopped {
  CURL* easy;
  TransferError error;
};

}  // namespace

struct CurlMultiTransport::Transfer {
  std::unique_ptr<CurlExchange> exchange;
  std::function<void(Outcome)> done;
  std::shared_ptr<CancellationState> cancellation;
  std::uint64_t listener = 0;
};

CurlMultiTransport::CurlMultiTransport(std::shared_ptr<CurlTransport> blocking)
    : blocking_(std::move(blocking)),
      settings_(blocking_->settings()),
      share_(blocking_->pool().share()),
      multi_(nullptr) {
  ensure_curl_initialized();
  multi_ = curl_multi_init();
  if (!multi_) throw std::bad_alloc();
  const auto cap = static_cast<long>(std::max<std::size_t>(1, settings_.max_connections));
  curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, cap);
  curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, cap);
  curl_multi_setopt(multi_, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
}

CurlMultiTransport::~CurlMultiTransport() {
  abandon_all();
  for (CURL* easy : spare_handles_)
    curl_easy_cleanup(easy);
  curl_multi_cleanup(multi_);
}

void CurlMultiTransport::start(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) {
  CURL* easy = nullptr;
  if (!spare_handles_.empty()) {
    easy = spare_handles_.back();
    spare_handles_.pop_back();
  } else {
    easy = curl_easy_init();
    if (!easy) throw std::bad_alloc();
  }
  auto transfer = std::make_unique<Transfer>();
  try {
    transfer->exchange = std::make_unique<CurlExchange>(exchange, settings_, sink, easy, share_);
  } catch (...) {
    recycle(easy);
    throw;
  }
  transfer->done = std::move(done);
  transfer->cancellation = exchange.cancellation.state();
  transfer->listener = transfer->cancellation->add_listener([this] {
    cancel_seen_.store(true, std::memory_order_release);
    wake();
  });
  curl_multi_add_handle(multi_, easy);
  transfers_.emplace(easy, std::move(transfer));
}

void CurlMultiTransport::poll(std::chrono::milliseconds timeout) {
  curl_multi_poll(multi_, nullptr, 0, static_cast<int>(poll_timeout(timeout).count()), nullptr);
  int running = 0;
  curl_multi_perform(multi_, &running);
  std::vector<Finished> finished;
  collect_done(finished);
  collect_stopped(finished);
  // Outside any iteration: a `done` may start the next exchange.
  for (auto& [done, outcome] : finished)
    done(std::move(outcome));
}

void CurlMultiTransport::wake() {
  curl_multi_wakeup(multi_);
}

void CurlMultiTransport::abandon_all() {
  for (auto& [easy, transfer] : transfers_) {
    curl_multi_remove_handle(multi_, easy);
    transfer->cancellation->remove_listener(transfer->listener);
    transfer->exchange.reset();
    curl_easy_cleanup(easy);
  }
  transfers_.clear();
}

// The caller's timeout, shortened to the nearest stall deadline.
std::chrono::milliseconds CurlMultiTransport::poll_timeout(std::chrono::milliseconds timeout) const {
  const auto now = CurlExchange::SteadyClock::now();
  for (const auto& [easy, transfer] : transfers_) {
    if (const auto left = transfer->exchange->stall_left(now)) {
      timeout = std::min(timeout, std::max(*left, std::chrono::milliseconds(0)));
    }
  }
  return std::max(timeout, std::chrono::milliseconds(0));
}

void CurlMultiTransport::collect_done(std::vector<Finished>& finished) {
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
    if (message->msg != CURLMSG_DONE) continue;
    finished.push_back(finish(message->easy_handle, message->data.result, TransferError::none));
  }
}

// Transfers the stall clock or a cancelled token ended.
void CurlMultiTransport::collect_stopped(std::vector<Finished>& finished) {
  const bool look_for_cancelled = cancel_seen_.exchange(false, std::memory_order_acq_rel);
  const auto now = CurlExchange::SteadyClock::now();
  std::vector<Stopped> stopped;
  for (const auto& [easy, transfer] : transfers_) {
    if (look_for_cancelled && transfer->cancellation->is_cancelled()) {
      stopped.push_back({easy, TransferError::cancelled});
    } else if (const auto left = transfer->exchange->stall_left(now); left && left->count() <= 0) {
      stopped.push_back({easy, TransferError::stalled});
    }
  }
  for (const Stopped& stop : stopped)
    finished.push_back(finish(stop.easy, CURLE_OK, stop.error));
}

CurlMultiTransport::Finished CurlMultiTransport::finish(CURL* easy, int curl_code, TransferError ours) {
  auto node = transfers_.extract(easy);
  Transfer& transfer = *node.mapped();
  // Removing an unfinished transfer closes its connection, which is what an
  // abort needs; a finished one leaves its connection in the cache.
  curl_multi_remove_handle(multi_, easy);
  transfer.cancellation->remove_listener(transfer.listener);
  Outcome outcome = transfer.exchange->finish(curl_code, ours);
  transfer.exchange.reset();
  recycle(easy);
  return {std::move(transfer.done), std::move(outcome)};
}

void CurlMultiTransport::recycle(CURL* easy) {
  if (spare_handles_.size() < kSpareHandles) {
    spare_handles_.push_back(easy);
  } else {
    curl_easy_cleanup(easy);
  }
}

}  // namespace paradigm::detail
