#pragma once

// Running the SDK's asynchronous engine on your event loop instead of a
// thread of its own (ClientOptions::external_loop). The engine is libcurl's
// multi interface driven through its socket interface: it tells your loop
// which sockets to watch, for what, and when its one timer is due; your loop
// tells it when a socket is ready or the timer expired. <paradigm/asio.hpp>
// has this for an Asio io_context (paradigm::asio_loop); docs/async.md shows
// how to write it for another loop.

#include <paradigm/executor.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace paradigm {

/// A socket as the operating system names it (libcurl's curl_socket_t).
#ifdef _WIN32
using NativeSocket = std::uintptr_t;
#else
using NativeSocket = int;
#endif

/// What to watch a socket for, or what it was found ready for.
enum class SocketEvents : unsigned {
  none = 0,
  read = 1,
  write = 2,
  read_write = 3,
};

constexpr bool has(SocketEvents events, SocketEvents wanted) noexcept {
  return (static_cast<unsigned>(events) & static_cast<unsigned>(wanted)) != 0;
}

/// The engine of one connection, as your loop drives it. Call it from your
/// loop, one call at a time (from one thread, or serialized, e.g. by an Asio
/// strand); a call may run the continuations and handlers of the calls that
/// progress (unless they have an executor).
class LoopDriver {
 public:
  /// `socket`, watched for `events`, is ready for `ready` (read, write or both).
  virtual void socket_ready(NativeSocket socket, SocketEvents ready) = 0;
  /// The timer set last with LoopHooks::set_timer is due.
  virtual void timer_expired() = 0;

 protected:
  ~LoopDriver() = default;
};

/// Your loop, as one connection uses it: what the engine asks of it. One
/// object per connection (ExternalLoop makes it), destroyed with the connection.
class LoopHooks {
 public:
  virtual ~LoopHooks() = default;
  /// Watch `socket` for `events` from now on, replacing what was asked
  /// before; `SocketEvents::none`: stop watching it (libcurl may close it
  /// next). Report readiness with LoopDriver::socket_ready. Called from
  /// within your calls to the driver, or, when the connection goes, from the
  /// thread destroying it.
  virtual void watch(NativeSocket socket, SocketEvents events) = 0;
  /// Call LoopDriver::timer_expired once `delay` has passed, replacing the
  /// timer set before; nullopt: no timer. Called like watch().
  virtual void set_timer(std::optional<std::chrono::milliseconds> delay) = 0;
  /// Run `work` on your loop (where the driver is called from), after post
  /// returns. Called from any thread.
  virtual void post(Work work) = 0;
};

/// ClientOptions::external_loop: makes the hooks of a connection that runs on
/// your loop, when its first asynchronous call starts. `driver` is the
/// engine to report to; lock it for each report (it expires when the
/// connection is destroyed: drop the report then).
using ExternalLoop = std::function<std::unique_ptr<LoopHooks>(std::weak_ptr<LoopDriver> driver)>;

}  // namespace paradigm
