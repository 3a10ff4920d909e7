#include "http/curl_global.hpp"

#include <curl/curl.h>

#include <mutex>
#include <stdexcept>

namespace paradigm::detail {

void ensure_curl_initialized() {
  // curl_global_init is not thread-safe on every build, so it runs exactly
  // once; it is never undone because other users of libcurl may share it.
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("libcurl initialisation failed");
    }
  });
}

const std::string& curl_version_tag() {
  static const std::string tag = [] {
    ensure_curl_initialized();
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    return std::string("libcurl/") + (info && info->version ? info->version : "unknown");
  }();
  return tag;
}

}  // namespace paradigm::detail
