#pragma once

// The workflow tests run without a socket: socket() is interposed for this
// binary (socket_guard.cpp) and every test checks that it was never called.

#include <gtest/gtest.h>

namespace paradigm::testing {

/// Calls of socket() in this process so far.
int sockets_opened();

/// Base of the workflow tests: fails a test that opened a socket.
class SocketFreeTest : public ::testing::Test {
 protected:
  void SetUp() override { sockets_before_ = sockets_opened(); }
  void TearDown() override { EXPECT_EQ(sockets_opened(), sockets_before_) << "this test opened a socket"; }

 private:
  int sockets_before_ = 0;
};

}  // namespace paradigm::testing
