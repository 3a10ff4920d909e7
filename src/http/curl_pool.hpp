#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
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
/// stay on one warm connection, and concurrent callers get one slot each.
/// libcurl 7.x cannot share a connection cache across threads, so DNS and TLS
/// sessions are shared (under locks) while connections stay per slot.
class CurlPool {
 public:
  explicit CurlPool(std::size_t max_idle);
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

  Lease acquire();
  /// Idle slots right now (for tests).
  std::size_t idle_count() const;

 private:
  void release(std::unique_ptr<CurlSlot> slot);

  struct Share;
  std::unique_ptr<Share> share_;
  std::size_t max_idle_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<CurlSlot>> idle_;
};

}  // namespace paradigm::detail
