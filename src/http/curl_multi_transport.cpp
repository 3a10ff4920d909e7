#include "http/curl_multi_transport.hpp"

#include "core/cancellation_state.hpp"
#include "http/curl_global.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <new>
#include <optional>

namespace paradigm::detail {

namespace {

// Easy handles kept for the next exchanges (their connections live in the multi handle).
constexpr std::size_t kSpareHandles = 64;
// libcurl's default for CURLMOPT_MAX_CONCURRENT_STREAMS.
constexpr std::size_t kStreamsPerConnection = 100;

// A transfer to end early. File-local, since a std::vector of a pair of
// (CURL*, TransferError) would be instantiated, and exported, from the
// shared library.
struct Stopped {
  CURL* easy;
  TransferError error;
};

}  // namespace

struct CurlMultiTransport::Transfer {
  // The copy made while it waited for admission, else null (the caller's lives on).
  std::unique_ptr<Exchange> owned;
  std::unique_ptr<CurlExchange> exchange;
  std::function<void(Outcome)> done;
  std::shared_ptr<CancellationState> cancellation;
  std::uint64_t listener = 0;
};

// An exchange waiting for a place: a copy (its total timeout runs from
// `since`), no easy handle.
struct CurlMultiTransport::Waiting {
  std::unique_ptr<Exchange> exchange;
  BodySink* sink = nullptr;
  std::function<void(Outcome)> done;
  std::shared_ptr<CancellationState> cancellation;
  std::uint64_t listener = 0;
  CurlExchange::SteadyClock::time_point since;

  std::optional<CurlExchange::SteadyClock::time_point> expires() const {
    if (exchange->total_timeout.count() <= 0) return std::nullopt;
    return since + exchange->total_timeout;
  }
};

namespace {

// The outcome of an exchange that ended before it reached libcurl: nothing was sent.
Outcome never_sent(TransferError error, std::string message) {
  Outcome outcome;
  outcome.kind = OutcomeKind::failed;
  outcome.error = error;
  outcome.message = std::move(message);
  return outcome;
}

}  // namespace

std::size_t CurlMultiTransport::admission_limit(std::size_t max_connections, const std::string& url) {
  const std::size_t connections = std::max<std::size_t>(1, max_connections);
  return url.rfind("https://", 0) == 0 ? connections * kStreamsPerConnection : connections;
}

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
  if (waiting_.empty() && transfers_.size() < admission_limit(settings_.max_connections, exchange.url)) {
    return begin(exchange, nullptr, sink, done);
  }
  auto waiting = std::make_unique<Waiting>();
  waiting->exchange = std::make_unique<Exchange>(exchange);
  waiting->sink = &sink;
  waiting->cancellation = exchange.cancellation.state();
  waiting->since = CurlExchange::SteadyClock::now();
  waiting_.push_back(std::move(waiting));
  waiting_.back()->done = std::move(done);
  waiting_.back()->listener = waiting_.back()->cancellation->add_listener([this] {
    cancel_seen_.store(true, std::memory_order_release);
    wake();
  });
}

// Hands waiting exchanges to libcurl while there is room, oldest first; the
// time they waited counts against their total timeout.
void CurlMultiTransport::admit_waiting(std::vector<Finished>& finished) {
  while (!waiting_.empty() &&
         transfers_.size() < admission_limit(settings_.max_connections, waiting_.front()->exchange->url)) {
    std::unique_ptr<Waiting> next = std::move(waiting_.front());
    waiting_.pop_front();
    next->cancellation->remove_listener(next->listener);
    if (next->cancellation->is_cancelled()) {
      finished.emplace_back(std::move(next->done), never_sent(TransferError::cancelled, ""));
      continue;
    }
    if (const auto expires = next->expires()) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(*expires - CurlExchange::SteadyClock::now());
      next->exchange->total_timeout = std::max(left, std::chrono::milliseconds(1));
    }
    const Exchange& exchange = *next->exchange;
    try {
      begin(exchange, std::move(next->exchange), *next->sink, next->done);
    } catch (const std::exception& e) {  // no easy handle (out of memory): as start() would throw
      finished.emplace_back(std::move(next->done), never_sent(TransferError::other, e.what()));
    }
  }
}

// Moves from `done` only once the exchange is in libcurl's hands.
void CurlMultiTransport::begin(const Exchange& exchange, std::unique_ptr<Exchange> owned, BodySink& sink,
                               std::function<void(Outcome)>& done) {
  CURL* easy = nullptr;
  if (!spare_handles_.empty()) {
    easy = spare_handles_.back();
    spare_handles_.pop_back();
  } else {
    easy = curl_easy_init();
    if (!easy) throw std::bad_alloc();
  }
  auto transfer = std::make_unique<Transfer>();
  transfer->owned = std::move(owned);
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
  progress();
}

// After libcurl moved the transfers on: hands each ended one its outcome.
void CurlMultiTransport::progress() {
  std::vector<Finished> finished;
  collect_done(finished);
  collect_stopped(finished);
  admit_waiting(finished);
  // Outside any iteration: a `done` may start the next exchange.
  for (auto& [done, outcome] : finished)
    done(std::move(outcome));
}

void CurlMultiTransport::wake() {
  if (!driven_) return void(curl_multi_wakeup(multi_));
  if (wake_) wake_();
}

bool CurlMultiTransport::drive(std::function<void(NativeSocket, SocketEvents)> watch,
                               std::function<void()> wake) {
  watch_ = std::move(watch);
  wake_ = std::move(wake);
  if (!driven_) {
    driven_ = true;
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &CurlMultiTransport::on_curl_socket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &CurlMultiTransport::on_curl_timer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
  }
  return true;
}

int CurlMultiTransport::on_curl_socket(CURL*, NativeSocket socket, int what, void* self, void*) {
  auto& transport = *static_cast<CurlMultiTransport*>(self);
  if (!transport.watch_) return 0;  // detached
  SocketEvents events = SocketEvents::none;
  if (what == CURL_POLL_IN) events = SocketEvents::read;
  if (what == CURL_POLL_OUT) events = SocketEvents::write;
  if (what == CURL_POLL_INOUT) events = SocketEvents::read_write;
  transport.watch_(socket, events);
  return 0;
}

int CurlMultiTransport::on_curl_timer(CURLM*, long timeout_ms, void* self) {
  auto& transport = *static_cast<CurlMultiTransport*>(self);
  if (timeout_ms < 0) {
    transport.curl_due_.reset();
  } else {
    transport.curl_due_ = CurlExchange::SteadyClock::now() + std::chrono::milliseconds(timeout_ms);
  }
  return 0;
}

void CurlMultiTransport::on_socket(NativeSocket socket, SocketEvents ready) {
  int mask = 0;
  if (has(ready, SocketEvents::read)) mask |= CURL_CSELECT_IN;
  if (has(ready, SocketEvents::write)) mask |= CURL_CSELECT_OUT;
  int running = 0;
  curl_multi_socket_action(multi_, static_cast<curl_socket_t>(socket), mask, &running);
  progress();
}

void CurlMultiTransport::on_deadline() {
  if (curl_due_ && *curl_due_ <= CurlExchange::SteadyClock::now()) {
    curl_due_.reset();
    int running = 0;
    curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
  }
  progress();
}

std::optional<CurlMultiTransport::TimePoint> CurlMultiTransport::deadline() const {
  std::optional<TimePoint> due = next_stop(CurlExchange::SteadyClock::now());
  if (curl_due_) due = due ? std::min(*due, *curl_due_) : *curl_due_;
  return due;
}

void CurlMultiTransport::abandon_all() {
  for (auto& [easy, transfer] : transfers_) {
    curl_multi_remove_handle(multi_, easy);
    transfer->cancellation->remove_listener(transfer->listener);
    transfer->exchange.reset();
    curl_easy_cleanup(easy);
  }
  transfers_.clear();
  for (auto& waiting : waiting_)
    waiting->cancellation->remove_listener(waiting->listener);
  waiting_.clear();
}

// The caller's timeout, shortened to the nearest stall deadline.
std::chrono::milliseconds CurlMultiTransport::poll_timeout(std::chrono::milliseconds timeout) const {
  const auto now = CurlExchange::SteadyClock::now();
  if (const auto stop = next_stop(now)) {
    timeout = std::min(timeout, std::chrono::duration_cast<std::chrono::milliseconds>(*stop - now));
  }
  return std::max(timeout, std::chrono::milliseconds(0));
}

// When the first transfer stalls or the first waiting exchange expires.
std::optional<CurlMultiTransport::TimePoint> CurlMultiTransport::next_stop(TimePoint now) const {
  std::optional<TimePoint> first;
  const auto earliest = [&first](TimePoint when) { first = first ? std::min(*first, when) : when; };
  for (const auto& [easy, transfer] : transfers_) {
    if (const auto left = transfer->exchange->stall_left(now)) earliest(now + *left);
  }
  for (const auto& waiting : waiting_) {
    if (const auto expires = waiting->expires()) earliest(*expires);
  }
  return first;
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
  collect_stopped_waiting(look_for_cancelled, finished);
}

// Waiting exchanges cancelled, or past their total timeout before a place freed up.
void CurlMultiTransport::collect_stopped_waiting(bool look_for_cancelled, std::vector<Finished>& finished) {
  const auto now = CurlExchange::SteadyClock::now();
  for (auto it = waiting_.begin(); it != waiting_.end();) {
    Waiting& waiting = **it;
    const auto expires = waiting.expires();
    const bool cancelled = look_for_cancelled && waiting.cancellation->is_cancelled();
    if (!cancelled && !(expires && *expires <= now)) {
      ++it;
      continue;
    }
    waiting.cancellation->remove_listener(waiting.listener);
    finished.emplace_back(std::move(waiting.done),
                          cancelled ? never_sent(TransferError::cancelled, "")
                                    : never_sent(TransferError::connect_timeout,
                                                 "no connection free within the timeout (max_connections)"));
    it = waiting_.erase(it);
  }
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
