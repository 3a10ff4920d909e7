#include "socket_guard.hpp"

#include <dlfcn.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>

namespace {

std::atomic<int> g_sockets{0};

}  // namespace

// Takes precedence over libc's socket() for every library of the process
// (libcurl included); counts, then forwards.
extern "C" int socket(int domain, int type, int protocol) noexcept {
  g_sockets.fetch_add(1);
  using Socket = int (*)(int, int, int);
  static const auto real = reinterpret_cast<Socket>(dlsym(RTLD_NEXT, "socket"));
  return real(domain, type, protocol);
}

namespace paradigm::testing {

int sockets_opened() {
  return g_sockets.load();
}

namespace {

// The guard itself: a socket opened here is seen.
TEST(SocketGuard, SeesASocket) {
  const int before = sockets_opened();
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  ::close(fd);
  EXPECT_EQ(sockets_opened(), before + 1);
}

}  // namespace
}  // namespace paradigm::testing
