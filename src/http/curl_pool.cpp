#include "http/curl_pool.hpp"

#include "http/curl_global.hpp"

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

CurlPool::CurlPool(std::size_t max_idle) : max_idle_(max_idle) {
  ensure_curl_initialized();
  share_ = std::make_unique<Share>();
}

// Slots hold the share: destroy them before it.
CurlPool::~CurlPool() {
  idle_.clear();
}

CurlPool::Lease CurlPool::acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      auto slot = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(slot));
    }
  }
  return Lease(*this, std::make_unique<CurlSlot>(share_->handle));
}

void CurlPool::release(std::unique_ptr<CurlSlot> slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(slot));
  // Beyond max_idle the slot (and its connections) is closed here.
}

std::size_t CurlPool::idle_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_.size();
}

}  // namespace paradigm::detail
