#include "http/curl_pool.hpp"

#include "http/curl_global.hpp"

#include "core/cancellation_state.hpp"

#include <curl/curl.h>

#include <array>
#include <new>

namespace paradigm::detail {

CurlSlot::CurlSlot(CURLSH* share) : share_(share), easy_(curl_easy_init()), multi_(curl_multi_init()) {
  if (!easy_ || !multi_) {
    if (easy_) curl_easy_cleanup(easy_);
    if (multi_) curl_multi_cleanup(multi_);
    throw std::bad_alloc();
  }
}

CurlSlot::~CurlSlot() {
  curl_multi_cleanup(multi_);
  curl_easy_cleanup(easy_);
}

// DNS cache and TLS sessions shared by all slots, each kind under its own lock.
struct CurlPool::Share {
  CURLSH* handle = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> locks;

  Share() : handle(curl_share_init()) {
    if (!handle) throw std::bad_alloc();
    curl_share_setopt(handle, CURLSHOPT_LOCKFUNC, &Share::lock);
    curl_share_setopt(handle, CURLSHOPT_UNLOCKFUNC, &Share::unlock);
    curl_share_setopt(handle, CURLSHOPT_USERDATA, this);
    curl_share_setopt(handle, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(handle, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  ~Share() { curl_share_cleanup(handle); }

  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<Share*>(user)->locks[static_cast<std::size_t>(data)].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<Share*>(user)->locks[static_cast<std::size_t>(data)].unlock();
  }
};

CurlPool::CurlPool(std::size_t max_idle, std::size_t max_in_use)
    : max_idle_(max_idle), max_in_use_(max_in_use) {
  ensure_curl_initialized();
  share_ = std::make_unique<Share>();
}

// Slots hold the share: destroy them before it.
CurlPool::~CurlPool() {
  idle_.clear();
}

std::optional<CurlPool::Lease> CurlPool::acquire(std::chrono::milliseconds timeout,
                                                 const CancellationToken& token) {
  std::unique_ptr<CurlSlot> slot;
  {
    CancellationListener wake(token, [this] {
      std::lock_guard<std::mutex> lock(mutex_);
      slot_returned_.notify_all();
    });
    std::unique_lock<std::mutex> lock(mutex_);
    const auto free = [&] { return in_use_ < max_in_use_ || token.is_cancelled(); };
    if (timeout.count() > 0) {
      if (!slot_returned_.wait_for(lock, timeout, free)) return std::nullopt;
    } else {
      slot_returned_.wait(lock, free);
    }
    if (token.is_cancelled()) return std::nullopt;
    ++in_use_;
    if (!idle_.empty()) {
      slot = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  try {
    if (!slot) slot = std::make_unique<CurlSlot>(share_->handle);
  } catch (...) {
    release(nullptr);
    throw;
  }
  return Lease(*this, std::move(slot));
}

void CurlPool::release(std::unique_ptr<CurlSlot> slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  --in_use_;
  if (slot && idle_.size() < max_idle_) idle_.push_back(std::move(slot));
  // Beyond max_idle the slot (and its connections) is closed here.
  slot_returned_.notify_one();
}

CURLSH* CurlPool::share() const noexcept {
  return share_->handle;
}

std::size_t CurlPool::idle_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_.size();
}

}  // namespace paradigm::detail
