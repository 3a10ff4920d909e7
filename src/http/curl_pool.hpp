#pragma once

#include <paradigm/cancellation.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

typedef void CURL;
typedef void CURLM;
typedef void CURLSH;

namespace paradigm::detail {

/// One easy handle driven by its own multi handle. The multi handle owns the
/// connection cache, so a slot keeps its connections alive between transfers.
class CurlSlot {
 public:
  explicit CurlSlot(CURLSH* share);
  ~CurlSlot();
  CurlSlot(const CurlSlot&) = delete;
  CurlSlot& operator=(const CurlSlot&) = delete;

  CURL* easy() const noexcept { return easy_; }
  CURLM* multi() const noexcept { return multi_; }
  /// The pool's share (DNS, TLS sessions); set again after every easy reset.
  CURLSH* share() const noexcept { return share_; }

 private:
  CURLSH* share_ = nullptr;
  CURL* easy_ = nullptr;
  CURLM* multi_ = nullptr;
};

/// Slots shared by every copy of a client. A caller leases a slot for one
/// transfer; idle slots are reused most-recent-first so that sequential calls
/// stay on one warm connection, and concurrent callers get one slot each, up
/// to `max_in_use` at once: then callers wait for a slot to come back.
/// libcurl 7.x cannot share a connection cache across threads, so DNS and TLS
/// sessions are shared (under locks) while connections stay per slot.
class CurlPool {
 public:
  CurlPool(std::size_t max_idle, std::size_t max_in_use);
  ~CurlPool();
  CurlPool(const CurlPool&) = delete;
  CurlPool& operator=(const CurlPool&) = delete;

  /// A slot for the duration of one transfer.
  class Lease {
   public:
    Lease(CurlPool& pool, std::unique_ptr<CurlSlot> slot) : pool_(&pool), slot_(std::move(slot)) {}
    ~Lease() {
      if (slot_) pool_->release(std::move(slot_));
    }
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;

    CurlSlot& slot() const noexcept { return *slot_; }

   private:
    CurlPool* pool_;
    std::unique_ptr<CurlSlot> slot_;
  };

  /// A slot, waiting while `max_in_use` are leased: at most `timeout` (0: no
  /// limit), or until `token` is cancelled (nullopt then).
  std::optional<Lease> acquire(std::chrono::milliseconds timeout, const CancellationToken& token);
  /// Idle slots right now (for tests).
  std::size_t idle_count() const;
  /// The DNS cache and TLS sessions every handle of the client shares.
  CURLSH* share() const noexcept;

 private:
  void release(std::unique_ptr<CurlSlot> slot);

  struct Share;
  std::unique_ptr<Share> share_;
  std::size_t max_idle_;
  std::size_t max_in_use_;
  mutable std::mutex mutex_;
  std::condition_variable slot_returned_;
  std::size_t in_use_ = 0;
  std::vector<std::unique_ptr<CurlSlot>> idle_;
};

}  // namespace paradigm::detail
