#include "connections.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace paradigm::mock {

namespace {

// The connection the calling worker thread serves.
struct Current {
  Connections* owner = nullptr;
  int fd = -1;
};
thread_local Current served_here;

int port_of(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return -1;
}

// The accepted socket on `server_port` whose peer is `peer_port`, among the
// process's descriptors (-1: none). Only the ports of the others are read.
int find_socket(int server_port, int peer_port) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return -1;
  int found = -1;
  while (dirent* entry = ::readdir(dir)) {
    const int fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == ::dirfd(dir)) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_length = sizeof(local), peer_length = sizeof(peer);
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0) continue;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) continue;
    if (port_of(local) == server_port && port_of(peer) == peer_port) {
      found = fd;
      break;
    }
  }
  ::closedir(dir);
  return found;
}

}  // namespace

Connections::~Connections() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const int fd : held_)
    ::close(fd);
}

void Connections::adopt(int server_port, int peer_port) {
  if (served_here.fd >= 0) return;
  const int served = find_socket(server_port, peer_port);
  if (served < 0) return;
  const int held = ::fcntl(served, F_DUPFD_CLOEXEC, 0);
  if (held < 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  held_.insert(held);
  served_here = {this, held};
}

void Connections::shutdown_all() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const int fd : held_)
    ::shutdown(fd, SHUT_RDWR);
}

bool Connections::shutdown_current() {
  if (served_here.fd < 0) return false;
  ::shutdown(served_here.fd, SHUT_RDWR);
  return true;
}

void Connections::release_current() {
  if (served_here.fd < 0) return;
  {
    std::lock_guard<std::mutex> lock(served_here.owner->mutex_);
    served_here.owner->held_.erase(served_here.fd);
  }
  ::close(served_here.fd);
  served_here = {};
}

}  // namespace paradigm::mock
