#pragma once

// paradigm::asio_loop's hooks (<paradigm/asio.hpp>): a connection's engine
// on an Asio executor, through a strand. Each socket libcurl names is watched
// through a duplicate of its descriptor (so that what Asio registers and
// closes is never libcurl's own descriptor, whatever the order in which the
// two let go of it); the engine's timer is a steady_timer. POSIX only.

#include <paradigm/detail/asio_config.hpp>
#include <paradigm/external_loop.hpp>

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace paradigm::detail {

template <class Executor>
class AsioLoopHooks final : public LoopHooks {
 public:
  AsioLoopHooks(const Executor& executor, std::weak_ptr<LoopDriver> driver)
      : shared_(std::make_shared<Shared>(executor, std::move(driver))) {}
  ~AsioLoopHooks() override {
    asio::dispatch(shared_->strand, [shared = shared_] { shared->close_all(); });
  }
  AsioLoopHooks(const AsioLoopHooks&) = delete;
  AsioLoopHooks& operator=(const AsioLoopHooks&) = delete;

  void watch(NativeSocket socket, SocketEvents events) override {
    asio::dispatch(shared_->strand, [shared = shared_, socket, events] { shared->watch(socket, events); });
  }
  void set_timer(std::optional<std::chrono::milliseconds> delay) override {
    asio::dispatch(shared_->strand, [shared = shared_, delay] { shared->set_timer(delay); });
  }
  void post(Work work) override { asio::post(shared_->strand, std::move(work)); }

 private:
  using Strand = asio::strand<Executor>;
  using Descriptor = asio::posix::stream_descriptor;

  struct Watched {
    std::unique_ptr<Descriptor> descriptor;  // a duplicate of libcurl's; null if none could be made
    SocketEvents events = SocketEvents::none;
    std::uint64_t generation = 0;
  };

  // Everything below runs on the strand.
  struct Shared : std::enable_shared_from_this<Shared> {
    Shared(const Executor& executor, std::weak_ptr<LoopDriver> engine)
        : strand(asio::make_strand(executor)), driver(std::move(engine)), timer(strand) {}
    ~Shared() { close_all(); }

    void watch(NativeSocket socket, SocketEvents events) {
      auto it = sockets.find(socket);
      if (events == SocketEvents::none) {
        if (it != sockets.end()) close(it->second);
        if (it != sockets.end()) sockets.erase(it);
        return;
      }
      if (it == sockets.end()) it = sockets.emplace(socket, open(socket)).first;
      Watched& watched = it->second;
      if (watched.events == events) return;
      if (watched.descriptor) {
        AsioErrorCode ignored;
        watched.descriptor->cancel(ignored);  // the waits of the old interest end
      }
      watched.events = events;
      watched.generation = ++generations;
      for (SocketEvents direction : {SocketEvents::read, SocketEvents::write}) {
        if (has(events, direction)) wait(socket, watched, direction);
      }
    }

    Watched open(NativeSocket socket) {
      Watched watched;
      const int copy = ::dup(socket);
      if (copy >= 0) watched.descriptor = std::make_unique<Descriptor>(strand, copy);
      return watched;
    }

    static void close(Watched& watched) {
      if (!watched.descriptor) return;
      AsioErrorCode ignored;
      watched.descriptor->close(ignored);
    }

    void close_all() {
      for (auto& [socket, watched] : sockets)
        close(watched);
      sockets.clear();
      timer.cancel();
    }

    // Waits for `direction` on the socket; without a descriptor (none could
    // be made), reports it ready after a pause instead: libcurl then tries.
    void wait(NativeSocket socket, Watched& watched, SocketEvents direction) {
      auto self = this->shared_from_this();
      const std::uint64_t generation = watched.generation;
      auto on_ready = [self, socket, generation, direction](const AsioErrorCode& error) {
        if (!error) self->ready(socket, generation, direction);
      };
      if (!watched.descriptor) {
        auto pause = std::make_shared<asio::steady_timer>(strand, std::chrono::milliseconds(10));
        pause->async_wait([pause, on_ready](const AsioErrorCode& error) { on_ready(error); });
        return;
      }
      watched.descriptor->async_wait(
          direction == SocketEvents::read ? Descriptor::wait_read : Descriptor::wait_write,
          std::move(on_ready));
    }

    void ready(NativeSocket socket, std::uint64_t generation, SocketEvents direction) {
      if (!current(socket, generation, direction)) return;
      {
        auto engine = driver.lock();
        if (!engine) return;  // the connection is gone
        engine->socket_ready(socket, direction);
      }
      // The report may have changed what is watched, or closed the socket.
      auto it = sockets.find(socket);
      if (!current(socket, generation, direction)) return;
      // Asio waits for a change of readiness: what libcurl left unread is
      // reported again at once rather than waited for.
      if (still_ready(it->second, direction)) {
        asio::post(strand, [self = this->shared_from_this(), socket, generation, direction] {
          self->ready(socket, generation, direction);
        });
      } else {
        wait(socket, it->second, direction);
      }
    }

    bool current(NativeSocket socket, std::uint64_t generation, SocketEvents direction) const {
      const auto it = sockets.find(socket);
      return it != sockets.end() && it->second.generation == generation && has(it->second.events, direction);
    }

    static bool still_ready(const Watched& watched, SocketEvents direction) {
      if (!watched.descriptor) return false;
      pollfd polled{};
      polled.fd = watched.descriptor->native_handle();
      polled.events = direction == SocketEvents::read ? POLLIN : POLLOUT;
      return ::poll(&polled, 1, 0) > 0 && polled.revents != 0;
    }

    void set_timer(std::optional<std::chrono::milliseconds> delay) {
      const std::uint64_t generation = ++timer_generation;
      if (!delay) return void(timer.cancel());
      timer.expires_after(*delay);
      timer.async_wait([self = this->shared_from_this(), generation](const AsioErrorCode& error) {
        if (error || generation != self->timer_generation) return;
        if (auto engine = self->driver.lock()) engine->timer_expired();
      });
    }

    Strand strand;
    std::weak_ptr<LoopDriver> driver;
    asio::steady_timer timer;
    std::uint64_t timer_generation = 0;
    std::map<NativeSocket, Watched> sockets;
    std::uint64_t generations = 0;
  };

  std::shared_ptr<Shared> shared_;
};

}  // namespace paradigm::detail
