#include "connection/loop_relay.hpp"

#include "transport/delivery.hpp"

#include <condition_variable>
#include <mutex>

namespace paradigm::detail {

namespace {

// The loop's side: keeps the answer (one chunk past the limit at most, so
// that the caller's sink refuses it as it would have), then the outcome.
class HeldAnswer final : public BodySink {
 public:
  HeldAnswer(const Exchange& relayed, std::size_t limit) : exchange(relayed), limit_(limit) {}

  void reset() override {
    status = 0;
    headers = Headers();
    body.clear();
  }
  bool on_head(int answer_status, const Headers& answer_headers) override {
    status = answer_status;
    headers = answer_headers;
    return true;
  }
  bool on_data(std::string_view bytes) override {
    body.append(bytes);
    return body.size() <= limit_;
  }

  // Runs on the loop's thread (or wherever the last ticket goes).
  void finish(Outcome result) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (done_) return;
      outcome = std::move(result);
      done_ = true;
    }
    finished_.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [this] { return done_; });
  }

  const Exchange exchange;
  int status = 0;
  Headers headers;
  std::string body;
  Outcome outcome;

 private:
  std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable finished_;
  bool done_ = false;
};

// Held by the loop while the exchange is with it: if the loop drops it
// unfinished (it is stopping), the caller is not left waiting.
struct Ticket {
  explicit Ticket(std::shared_ptr<HeldAnswer> held) noexcept : answer(std::move(held)) {}
  ~Ticket() {
    Outcome dropped;
    dropped.kind = OutcomeKind::failed;
    dropped.error = TransferError::cancelled;
    answer->finish(std::move(dropped));
  }
  std::shared_ptr<HeldAnswer> answer;
};

// The held answer, given to the caller's sink: its outcome is the sink's.
Outcome hand_over(HeldAnswer& held, BodySink& sink) {
  const Outcome& outcome = held.outcome;
  const bool has_body =
      (outcome.kind == OutcomeKind::stopped && !outcome.receiver_error) ||
      (outcome.kind == OutcomeKind::completed && outcome.status >= 200 && outcome.status < 300);
  // No answer, an error status with its body already kept, or a transport's
  // own refusal (a replay with no recorded answer): passed on as it is.
  if (!has_body) return outcome;
  Delivery delivery(sink);
  for (const auto& [name, value] : held.headers)
    delivery.add_header(name, value);
  if (delivery.head(held.status)) delivery.data(held.body);
  return delivery.finish(held.status, TransferError::none, {});
}

}  // namespace

Outcome LoopRelay::perform(const Exchange& exchange, BodySink& sink) {
  std::shared_ptr<EventLoop> loop = loop_();
  if (!loop || loop->on_loop_thread() || !loop->relays_blocking_calls())
    return direct_.perform(exchange, sink);
  auto held = std::make_shared<HeldAnswer>(exchange, max_body_);
  auto ticket = std::make_shared<Ticket>(held);
  loop->post([loop = loop.get(), ticket] {
    loop->perform(ticket->answer->exchange, *ticket->answer,
                  [ticket](Outcome outcome) { ticket->answer->finish(std::move(outcome)); });
  });
  ticket.reset();
  held->wait();
  return hand_over(*held, sink);
}

}  // namespace paradigm::detail
