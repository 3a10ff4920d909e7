#pragma once

// Transport decorators that write every exchange to a cassette: what was
// asked, what came back (a stream as its events, with their time), and how
// it ended, secrets removed. The caller's sink sees exactly what it would
// without the recording. One for blocking calls, one for the event loop's
// transport, so that recorded asynchronous calls run as concurrently as any.

#include "record_replay/cassette_writer.hpp"
#include "record_replay/redactor.hpp"
#include "transport/async_transport.hpp"
#include "transport/transport.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace paradigm::detail {

/// How an exchange is kept: what both recording transports share.
class Recorder {
 public:
  /// `base_url`: the normalized instance root, cut from each URL to give the path.
  Recorder(std::string base_url, std::shared_ptr<CassetteWriter> writer, Redactor redactor,
           std::size_t max_body_bytes);

  /// A sink passing everything to `sink` and keeping a copy for write().
  std::shared_ptr<BodySink> capture(BodySink& sink) const;
  /// Writes the exchange (`captured` is what capture() made for it); returns
  /// `outcome`, or, when the cassette cannot be written, that failure (the
  /// recording was asked for).
  Outcome write(const Exchange& exchange, BodySink& captured, Outcome outcome) const;

 private:
  std::string base_url_;
  std::shared_ptr<CassetteWriter> writer_;
  Redactor redactor_;
  std::size_t max_body_bytes_;
};

class RecordingTransport final : public Transport {
 public:
  RecordingTransport(std::shared_ptr<Transport> inner, std::shared_ptr<const Recorder> recorder) noexcept
      : inner_(std::move(inner)), recorder_(std::move(recorder)) {}

  Outcome perform(const Exchange& exchange, BodySink& sink) override;

 private:
  std::shared_ptr<Transport> inner_;
  std::shared_ptr<const Recorder> recorder_;
};

class RecordingAsyncTransport final : public AsyncTransport {
 public:
  RecordingAsyncTransport(std::unique_ptr<AsyncTransport> inner,
                          std::shared_ptr<const Recorder> recorder) noexcept
      : inner_(std::move(inner)), recorder_(std::move(recorder)) {}

  void start(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) override;
  void poll(std::chrono::milliseconds timeout) override { inner_->poll(timeout); }
  void wake() override { inner_->wake(); }
  void abandon_all() override { inner_->abandon_all(); }
  std::size_t in_flight() const override { return inner_->in_flight(); }
  bool drive(std::function<void(NativeSocket, SocketEvents)> watch, std::function<void()> wake) override {
    return inner_->drive(std::move(watch), std::move(wake));
  }
  void on_socket(NativeSocket socket, SocketEvents ready) override { inner_->on_socket(socket, ready); }
  void on_deadline() override { inner_->on_deadline(); }
  std::optional<std::chrono::steady_clock::time_point> deadline() const override {
    return inner_->deadline();
  }

 private:
  std::unique_ptr<AsyncTransport> inner_;
  std::shared_ptr<const Recorder> recorder_;
};

}  // namespace paradigm::detail
