#include "http/curl_transport.hpp"

#include "core/cancellation_state.hpp"

#include <curl/curl.h>

#include <algorithm>

namespace paradigm::detail {

namespace {

// Drives the exchange; returns libcurl's result, or sets `ours` when the
// exchange was stopped by the stall clock or the cancellation token.
CURLcode drive(CurlSlot& slot, CurlExchange& exchange, TransferError& ours) {
  CURLM* multi = slot.multi();
  curl_multi_add_handle(multi, slot.easy());
  const CancellationToken& token = exchange.exchange().cancellation;
  CancellationListener wake(token, [multi] { curl_multi_wakeup(multi); });

  CURLcode result = CURLE_OK;
  for (;;) {
    int running = 0;
    if (curl_multi_perform(multi, &running) != CURLM_OK) {
      result = CURLE_RECV_ERROR;
      break;
    }
    if (running == 0) {
      int queued = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
        if (msg->msg == CURLMSG_DONE) result = msg->data.result;
      }
      break;
    }
    if (token.is_cancelled()) {
      ours = TransferError::cancelled;
      break;
    }
    int wait_ms = 1000;
    if (const auto left = exchange.stall_left(CurlExchange::SteadyClock::now())) {
      if (left->count() <= 0) {
        ours = TransferError::stalled;
        break;
      }
      wait_ms = static_cast<int>(std::min<long long>(wait_ms, left->count()));
    }
    curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
  }
  // Removing an unfinished transfer closes its connection, which is what an
  // abort needs; a finished one leaves its connection in the slot's cache.
  curl_multi_remove_handle(multi, slot.easy());
  return result;
}

}  // namespace

CurlTransport::CurlTransport(CurlSettings settings)
    : settings_(std::move(settings)),
      pool_(std::max<std::size_t>(1, settings_.max_idle_connections),
            std::max<std::size_t>(1, settings_.max_connections)) {}

Outcome CurlTransport::perform(const Exchange& exchange, BodySink& sink) {
  std::optional<CurlPool::Lease> lease = pool_.acquire(exchange.total_timeout, exchange.cancellation);
  if (!lease) {
    Delivery delivery(sink);
    const bool cancelled = exchange.cancellation.is_cancelled();
    return delivery.finish(0, cancelled ? TransferError::cancelled : TransferError::connect_timeout,
                           cancelled ? "" : "no connection of the pool became free in time");
  }
  CurlSlot& slot = lease->slot();
  CurlExchange curl(exchange, settings_, sink, slot.easy(), slot.share());
  TransferError ours = TransferError::none;
  const CURLcode code = drive(slot, curl, ours);
  return curl.finish(code, ours);
}

}  // namespace paradigm::detail
