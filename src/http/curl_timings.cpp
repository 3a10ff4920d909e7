#include "http/curl_timings.hpp"

namespace paradigm::detail {

namespace {

std::chrono::microseconds read(CURL* easy, CURLINFO info) {
  curl_off_t value = -1;
  if (curl_easy_getinfo(easy, info, &value) != CURLE_OK || value < 0) return std::chrono::microseconds(-1);
  return std::chrono::microseconds(value);
}

}  // namespace

TransferTimings read_timings(CURL* easy) {
  TransferTimings timings;
  timings.connect = read(easy, CURLINFO_CONNECT_TIME_T);
  timings.tls = read(easy, CURLINFO_APPCONNECT_TIME_T);
  timings.first_byte = read(easy, CURLINFO_STARTTRANSFER_TIME_T);
  timings.total = read(easy, CURLINFO_TOTAL_TIME_T);
  return timings;
}

}  // namespace paradigm::detail
