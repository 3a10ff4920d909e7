#include "listener.hpp"

#include "faults.hpp"
#include "worker_pool.hpp"

#include <unistd.h>

#include <stdexcept>
#include <string>

namespace paradigm::mock {

namespace {

// Both listeners of one port in turn and the reservation between them bind
// the same address: the system allows it to sockets of one user that all set
// SO_REUSEPORT (SO_REUSEADDR passes over the port's TIME_WAIT connections).
void share_port(socket_t sock) {
  const int yes = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof(yes));
}

}  // namespace

Listener::Listener(const ServerOptions& options, std::shared_ptr<std::atomic<std::size_t>> workers_started)
    : host_(options.host), listen_backlog_(options.listen_backlog) {
  if (options.tls) {
    server_ = std::make_unique<httplib::SSLServer>(options.tls->certificate.c_str(),
                                                   options.tls->private_key.c_str());
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  if (!server_->is_valid()) throw std::runtime_error("paradigm-mock: cannot load the TLS certificate or key");
  // Streams, stalls and idle keep-alive connections each hold a worker.
  server_->new_task_queue = [threads = options.threads, started = std::move(workers_started)] {
    return new WorkerPool(threads, started);
  };
  server_->set_keep_alive_max_count(1000000);
  server_->set_keep_alive_timeout(5);
  server_->set_tcp_nodelay(true);
  server_->set_read_timeout(10);
  server_->set_write_timeout(30);
  // cpp-httplib hands over its listening socket here, before binding it.
  server_->set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    share_port(sock);
    listen_socket_ = sock;
  });
}

Listener::~Listener() {
  drop();
}

BoundAddress Listener::bind(int port) {
  port_ = port == 0 ? server_->bind_to_any_port(host_) : (server_->bind_to_port(host_, port) ? port : -1);
  if (port_ <= 0)
    throw std::runtime_error("paradigm-mock: cannot listen on " + host_ + ":" + std::to_string(port));
  bound_ = true;
  set_backlog(listen_backlog_);
  BoundAddress bound;
  bound.port = port_;
  bound.length = sizeof(bound.address);
  if (::getsockname(listen_socket_, reinterpret_cast<sockaddr*>(&bound.address), &bound.length) != 0)
    throw std::runtime_error("paradigm-mock: cannot read the address it listens on");
  return bound;
}

void Listener::run() {
  ran_ = true;
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    thread_done_ = true;
  });
  // stop() is a no-op until the server runs: do not return before it does.
  while (!server_->is_running() && !thread_done_)
    std::this_thread::yield();
}

// Debian's libcpp-httplib is compiled with CPPHTTPLIB_LISTEN_BACKLOG 5,
// too few for hundreds of clients connecting at once (the others' SYNs are
// dropped and retried a second later). Listening again on a listening
// socket only changes its backlog (Linux).
void Listener::set_backlog(int backlog) {
  if (listen_socket_ == INVALID_SOCKET || ::listen(listen_socket_, backlog) != 0)
    throw std::runtime_error("paradigm-mock: cannot set the listen backlog to " + std::to_string(backlog));
}

void Listener::close() {
  if (!closed_.exchange(true)) server_->stop();
}

void Listener::close_connections() {
  close();
  // A worker waits up to the keep-alive timeout on an idle connection: close them all.
  if (port_ > 0) shutdown_connections(port_);
}

void Listener::join() {
  if (thread_.joinable()) thread_.join();
}

void Listener::drop() {
  if (!ran_) {
    // Bound but never run: cpp-httplib closes its socket only when stopping a
    // running server. Once it ran, the number may already be another socket's.
    if (bound_) ::close(listen_socket_);
    bound_ = false;
    return;
  }
  close_connections();
  join();
}

PortReservation::PortReservation(const BoundAddress& bound)
    : fd_(::socket(bound.address.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
  if (fd_ < 0) throw std::runtime_error("paradigm-mock: cannot make a socket to hold its port");
  share_port(fd_);
  if (::bind(fd_, reinterpret_cast<const sockaddr*>(&bound.address), bound.length) != 0) {
    ::close(fd_);
    throw std::runtime_error("paradigm-mock: cannot hold port " + std::to_string(bound.port));
  }
}

PortReservation::~PortReservation() {
  ::close(fd_);
}

}  // namespace paradigm::mock
