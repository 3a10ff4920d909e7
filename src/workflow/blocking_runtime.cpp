#include "workflow/runtime.hpp"

namespace paradigm::detail {

void BlockingRuntime::perform(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) {
  Transport& by = exchange.route == Route::event_loop ? loop_relay_ : transport_;
  steps_.emplace_back([&by, &exchange, &sink, done = std::move(done)] { done(by.perform(exchange, sink)); });
}

void BlockingRuntime::sleep(std::chrono::milliseconds delay, const CancellationToken& token,
                            std::function<void(bool)> done) {
  steps_.emplace_back([this, delay, token, done = std::move(done)] { done(clock_.sleep_for(delay, token)); });
}

void BlockingRuntime::run() {
  while (!steps_.empty()) {
    auto step = std::move(steps_.front());
    steps_.pop_front();
    step();
  }
}

}  // namespace paradigm::detail
