#pragma once

// The backlog of a listening TCP socket on 127.0.0.1, as the kernel reports it
// (sock_diag(7): for a listener, idiag_wqueue is its backlog). Linux only.

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <fstream>
#include <optional>

namespace paradigm::testing {

/// The backlog of the IPv4 socket listening on `port`, or nullopt when the
/// kernel does not say (no sock_diag in this sandbox).
inline std::optional<unsigned> listen_backlog(int port) {
  const int fd = ::socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG);
  if (fd < 0) return std::nullopt;
  struct {
    nlmsghdr header;
    inet_diag_req_v2 request;
  } query{};
  query.header.nlmsg_len = sizeof(query);
  query.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  query.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  query.request.sdiag_family = AF_INET;
  query.request.sdiag_protocol = IPPROTO_TCP;
  query.request.idiag_states = 1u << 10;  // TCP_LISTEN
  std::optional<unsigned> backlog;
  if (::send(fd, &query, sizeof(query), 0) == static_cast<ssize_t>(sizeof(query))) {
    // The NLMSG_* macros use C casts (warnings here): walk the messages by hand.
    constexpr std::size_t kHeader = (sizeof(nlmsghdr) + NLMSG_ALIGNTO - 1) & ~std::size_t{NLMSG_ALIGNTO - 1};
    alignas(nlmsghdr) char buffer[16384];
    bool done = false;
    while (!done) {
      const ssize_t received = ::recv(fd, buffer, sizeof(buffer), 0);
      if (received <= 0) break;
      const auto size = static_cast<std::size_t>(received);
      for (std::size_t at = 0; !done && at + sizeof(nlmsghdr) <= size;) {
        const auto* message = reinterpret_cast<const nlmsghdr*>(buffer + at);
        if (message->nlmsg_len < sizeof(nlmsghdr) || at + message->nlmsg_len > size) break;
        if (message->nlmsg_type == NLMSG_DONE || message->nlmsg_type == NLMSG_ERROR) {
          done = true;
        } else if (message->nlmsg_len >= kHeader + sizeof(inet_diag_msg)) {
          const auto* socket = reinterpret_cast<const inet_diag_msg*>(buffer + at + kHeader);
          if (ntohs(socket->id.idiag_sport) == port) backlog = socket->idiag_wqueue;
        }
        at += (message->nlmsg_len + NLMSG_ALIGNTO - 1) & ~std::size_t{NLMSG_ALIGNTO - 1};
      }
    }
  }
  ::close(fd);
  return backlog;
}

/// net.core.somaxconn: the most any listen backlog can be.
inline unsigned max_listen_backlog() {
  unsigned value = 4096;
  std::ifstream("/proc/sys/net/core/somaxconn") >> value;
  return value;
}

}  // namespace paradigm::testing
