// How many exchanges the event loop hands to libcurl at once; the rest wait
// in its queue without an easy handle (tests/integration/async_test.cpp).
#include "http/curl_multi_transport.hpp"

#include <gtest/gtest.h>

namespace paradigm::detail {
namespace {

TEST(Admission, OverHttpOneExchangePerConnection) {
  EXPECT_EQ(CurlMultiTransport::admission_limit(32, "http://127.0.0.1:8080/api/v3/threads"), 32u);
}

TEST(Admission, OverHttpsTheStreamsHttp2MayMultiplex) {
  EXPECT_EQ(CurlMultiTransport::admission_limit(2, "https://paradigm.lighton.ai/api/v3/threads"), 200u);
}

TEST(Admission, ACapOfZeroStillLetsOneThrough) {
  EXPECT_EQ(CurlMultiTransport::admission_limit(0, "http://127.0.0.1/"), 1u);
}

}  // namespace
}  // namespace paradigm::detail
