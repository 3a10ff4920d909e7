#include "lifecycle.hpp"

namespace paradigm::mock {

namespace {

using SteadyClock = std::chrono::steady_clock;

// How soon to try again when the port could not be listened on (it is held,
// so a failure is a passing one).
constexpr std::chrono::milliseconds kRetryListen{100};

}  // namespace

Lifecycle::Lifecycle(Context& context, Start start) : context_(context), start_(std::move(start)) {}

Lifecycle::~Lifecycle() {
  stop();
}

int Lifecycle::listen(int port) {
  // Held while the first listener starts: a route of it that asks for a
  // restart at once waits until the listener is known.
  std::lock_guard<std::mutex> lock(mutex_);
  BoundAddress bound;
  listener_ = start_(port, bound);
  port_ = bound.port;
  reservation_ = std::make_unique<PortReservation>(bound);
  listener_->run();
  return port_;
}

unsigned long long Lifecycle::request_down(std::chrono::milliseconds down) {
  pending_down_ = down;
  if (!supervisor_.joinable()) supervisor_ = std::thread([this] { supervise(); });
  changed_.notify_all();
  return ++requests_made_;
}

void Lifecycle::go_down_for(std::chrono::milliseconds down) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (stopping_) return;
  const auto ticket = request_down(down);
  changed_.wait(lock, [&] { return requests_done_ >= ticket || stopping_; });
}

void Lifecycle::go_down_later(std::chrono::milliseconds down) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!stopping_) request_down(down);
}

bool Lifecycle::listening() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return listener_ != nullptr;
}

bool Lifecycle::wait_until_listening(std::chrono::milliseconds bound) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, bound, [&] { return listener_ != nullptr || stopping_; });
  return listener_ != nullptr;
}

void Lifecycle::supervise() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (pending_down_) {
      // Every request made so far is served by this one transition.
      const auto served = requests_made_;
      const auto down = *pending_down_;
      pending_down_.reset();
      std::unique_ptr<Listener> dropped = std::move(listener_);
      lock.unlock();
      if (dropped) {
        // Connections first: a handler that stops waiting must not answer.
        dropped->close_connections();
        context_.begin_drain();
        dropped->join();
        dropped.reset();
        context_.end_drain();
      }
      lock.lock();
      up_at_ = SteadyClock::now() + bounded_window(down);
      requests_done_ = served;
      changed_.notify_all();
    } else if (!listener_ && up_at_ && SteadyClock::now() >= *up_at_) {
      lock.unlock();
      std::unique_ptr<Listener> started;
      BoundAddress bound;
      try {
        started = start_(port_, bound);
      } catch (const std::exception&) {
        started.reset();
      }
      lock.lock();
      up_at_ = started ? std::nullopt : std::optional(SteadyClock::now() + kRetryListen);
      // Listening (connections queue up) from here: known before it accepts.
      listener_ = std::move(started);
      if (listener_) listener_->run();
      changed_.notify_all();
    } else if (!listener_ && up_at_) {
      changed_.wait_until(lock, *up_at_);
    } else {
      changed_.wait(lock);
    }
  }
}

void Lifecycle::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  // Nothing starts the supervisor once stopping_ is set; it ends any
  // transition under way (a drop ends by itself).
  if (supervisor_.joinable()) supervisor_.join();
  std::unique_ptr<Listener> last;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    last = std::move(listener_);
  }
  if (last) last->close_connections();
  context_.request_stop();  // open streams, stalls and held requests end
  if (last) last->join();
  std::lock_guard<std::mutex> lock(mutex_);
  reservation_.reset();
}

}  // namespace paradigm::mock
