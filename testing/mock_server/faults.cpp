#include "faults.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace paradigm::mock {

namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Error";
  }
}

int port_of(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return -1;
}

// Edits the regular answer's body as the fault asks (pad, truncate, replace).
void edit_body(const Fault& fault, httplib::Response& res) {
  if (fault.body) res.set_content(*fault.body, fault.content_type);
  if (fault.pad_body_bytes > 0 && !res.body.empty()) {  // a streamed body (SSE) is left alone
    const std::string padding(fault.pad_body_bytes, 'x');
    auto body = json::parse(res.body, nullptr, false);
    if (body.is_object()) body["mock_padding"] = padding;
    if (body.is_array()) body.push_back({{"mock_padding", padding}});
    // Sent uncompressed (a parameter opts out of httplib's compression): brotli
    // at its highest quality would spend long before the first byte on 2 MiB.
    if (body.is_object() || body.is_array())
      res.set_content(body.dump(), "application/json; charset=utf-8");
    else
      res.set_content(res.body + padding, res.get_header_value("Content-Type"));  // bytes: more of them
  }
  if (fault.truncate_body_to > 0 && res.body.size() > fault.truncate_body_to) {
    res.set_content(res.body.substr(0, fault.truncate_body_to), res.get_header_value("Content-Type"));
  }
}

// Replaces a buffered body by a provider that breaks the transfer as the fault asks.
void damage_transfer(Context& context, const Fault& fault, httplib::Response& res) {
  if (fault.transport != TransportFault::close_mid_body &&
      fault.transport != TransportFault::stall_mid_body && fault.transport != TransportFault::slow_drip) {
    return;
  }
  if (res.content_provider_) return;  // already streamed (generated artifacts, SSE): left as is
  auto body = std::make_shared<std::string>(std::move(res.body));
  res.body.clear();
  const std::string type = res.get_header_value("Content-Type");
  res.set_content_provider(body->size(), type.empty() ? "application/octet-stream" : type,
                           [&context, fault, body](std::size_t, std::size_t, httplib::DataSink& sink) {
                             const std::size_t cut = std::min(fault.cut_after_bytes, body->size());
                             if (fault.transport == TransportFault::slow_drip) {
                               const std::size_t step = std::max<std::size_t>(1, fault.drip_bytes);
                               for (std::size_t at = 0; at < body->size(); at += step) {
                                 if (!sink.write(body->data() + at, std::min(step, body->size() - at)))
                                   return false;
                                 if (!context.pause(fault.drip_interval)) return false;
                               }
                               return true;
                             }
                             sink.write(body->data(), cut);
                             if (fault.transport == TransportFault::close_mid_body) return false;
                             if (!context.pause(fault.stall)) return false;  // stall_mid_body
                             return sink.write(body->data() + cut, body->size() - cut);
                           });
}

// Closes a streamed answer's connection once `events` events are out: a
// blank line ends each one, whatever the writes' sizes.
void drop_stream_after(httplib::Response& res, int events) {
  if (!res.content_provider_ || !res.is_chunked_content_provider_) return;
  struct Count {
    int events_left;
    bool line_empty = true;
  };
  auto count = std::make_shared<Count>(Count{events});
  res.content_provider_ = [inner = std::move(res.content_provider_), count](
                              std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    httplib::DataSink counted;
    counted.write = [&sink, count](const char* data, std::size_t size) {
      std::size_t end = 0;
      for (; end < size && count->events_left > 0; ++end) {
        if (data[end] == '\n') {
          if (count->line_empty) --count->events_left;
          count->line_empty = true;
        } else if (data[end] != '\r') {
          count->line_empty = false;
        }
      }
      return sink.write(data, end) && end == size;  // false: the connection closes
    };
    counted.done = [&sink] { sink.done(); };
    counted.is_writable = [&sink, count] { return count->events_left > 0 && sink.is_writable(); };
    return inner(offset, length, counted);
  };
}

}  // namespace

void FaultBook::add(Fault fault) {
  std::lock_guard<std::mutex> lock(mutex_);
  Entry entry;
  entry.path = std::regex(fault.path_regex.empty() ? ".*" : fault.path_regex);
  entry.fault = std::move(fault);
  entries_.push_back(std::move(entry));
}

void FaultBook::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

std::optional<Fault> FaultBook::take(const std::string& method, const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (!it->fault.method.empty() && it->fault.method != method) continue;
    if (!std::regex_match(path, it->path)) continue;
    if (it->matched++ < it->fault.skip) return std::nullopt;
    Fault fault = it->fault;
    if (fault.times >= 0 && ++it->applied >= fault.times) entries_.erase(it);
    return fault;
  }
  return std::nullopt;
}

namespace {

// Shuts down the server's accepted sockets on `server_port` whose peer port
// is `peer_port` (-1: every one). cpp-httplib does not hand the sockets to
// handlers: they are found among the process's descriptors by their ports.
// A worker may close a descriptor, and the process reuse its number for
// another socket (a client's), between the check and the shutdown: each one
// is checked and shut down through a copy of its own (pidfd_getfd), which
// keeps naming the socket it was taken from. Raw system calls: the kernel
// makes the copy atomic, where ThreadSanitizer would see a copy of a number
// another thread closes as a race. Without pidfds, the number itself is used.
int shutdown_sockets(int server_port, int peer_port) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return 0;
  const long self = ::syscall(SYS_pidfd_open, ::getpid(), 0);
  int done = 0;
  while (dirent* entry = ::readdir(dir)) {
    const int fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == ::dirfd(dir) || fd == self) continue;
    const long copy = self >= 0 ? ::syscall(SYS_pidfd_getfd, self, fd, 0) : -1;
    const long target = copy >= 0 ? copy : fd;
    sockaddr_storage local{}, peer{};
    socklen_t local_length = sizeof(local), peer_length = sizeof(peer);
    // The listening socket has no peer: it is left alone.
    const bool matches =
        ::syscall(SYS_getsockname, target, reinterpret_cast<sockaddr*>(&local), &local_length) == 0 &&
        ::syscall(SYS_getpeername, target, reinterpret_cast<sockaddr*>(&peer), &peer_length) == 0 &&
        port_of(local) == server_port && (peer_port < 0 || port_of(peer) == peer_port);
    if (matches) {
      ::syscall(SYS_shutdown, target, SHUT_RDWR);
      ++done;
    }
    if (copy >= 0) ::syscall(SYS_close, copy);
    if (matches && peer_port >= 0) break;
  }
  if (self >= 0) ::syscall(SYS_close, self);
  ::closedir(dir);
  return done;
}

}  // namespace

bool shutdown_connection(const httplib::Request& req, int server_port) {
  return shutdown_sockets(server_port, req.remote_port) > 0;
}

void shutdown_connections(int server_port) {
  shutdown_sockets(server_port, -1);
}

void answer_with_fault(Context& context, const Fault& fault, const httplib::Request& req,
                       httplib::Response& res, const Handler& normal) {
  if (fault.delay.count() > 0 && !context.pause(fault.delay)) return;
  if (fault.transport == TransportFault::close_before_response) {
    shutdown_connection(req, context.port);
    return;
  }
  if (fault.transport == TransportFault::close_after_handling) {
    normal(req, res);  // the turn is created, and runs on
    shutdown_connection(req, context.port);
    return;
  }
  if (fault.transport == TransportFault::stall_before_response && !context.pause(fault.stall)) {
    shutdown_connection(req, context.port);
    return;
  }
  if (fault.status) {
    res.status = *fault.status;
    res.set_content(fault.body.value_or(
                        json{{"detail", std::string(reason_phrase(*fault.status)) + " (mock fault)"}}.dump()),
                    fault.body ? fault.content_type : "application/json");
  } else {
    normal(req, res);
    edit_body(fault, res);
  }
  for (const auto& [name, value] : fault.headers) {
    res.headers.erase(name);  // the fault's value replaces the answer's own (x-request-id, Date, ...)
    res.set_header(name, value);
  }
  if (fault.redirect_to_same_url) res.set_header("Location", context.base_url() + req.target);
  damage_transfer(context, fault, res);
  if (fault.drop_stream_after_events) drop_stream_after(res, *fault.drop_stream_after_events);
}

void RequestLog::record(const httplib::Request& req, const std::string& request_id) {
  RecordedRequest recorded;
  recorded.method = req.method;
  recorded.path = req.path;
  for (const auto& [key, value] : req.params)
    recorded.query.emplace_back(key, value);
  for (const auto& [key, value] : req.headers) {
    if (key != "REMOTE_ADDR" && key != "REMOTE_PORT" && key != "LOCAL_ADDR" && key != "LOCAL_PORT") {
      recorded.headers.emplace_back(key, value);
    }
  }
  recorded.body = req.body;
  recorded.remote_addr = req.remote_addr;
  recorded.remote_port = req.remote_port;
  recorded.request_id = request_id;
  std::lock_guard<std::mutex> lock(mutex_);
  connections_.emplace(req.remote_addr, req.remote_port);
  requests_.push_back(std::move(recorded));
}

std::vector<RecordedRequest> RequestLog::all() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

void RequestLog::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
}

int RequestLog::connections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(connections_.size());
}

}  // namespace paradigm::mock
