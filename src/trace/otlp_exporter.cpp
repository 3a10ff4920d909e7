// The OTLP/HTTP JSON exporter: spans queue (bounded) on the caller's thread;
// a thread of the exporter's own sends them in batches, and the metrics
// every interval, with its own libcurl handle. Nothing here ever waits on
// the collector while holding the queue, so a call never waits for it.

#include "http/curl_global.hpp"
#include "trace/otlp_json.hpp"

#include <curl/curl.h>

#include <condition_variable>
#include <deque>
#include <thread>

namespace paradigm {

namespace {

size_t discard_body(char*, size_t size, size_t count, void*) {
  return size * count;
}

// One POST of a JSON body; true on a 2xx answer.
class JsonPoster {
 public:
  JsonPoster(const OtlpOptions& options) : easy_(curl_easy_init()) {
    headers_ = curl_slist_append(headers_, "Content-Type: application/json");
    for (const auto& [name, value] : options.headers) {
      headers_ = curl_slist_append(headers_, (name + ": " + value).c_str());
    }
    if (!easy_) return;
    curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
    curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &discard_body);
    curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.timeout.count()));
  }
  ~JsonPoster() {
    if (easy_) curl_easy_cleanup(easy_);
    curl_slist_free_all(headers_);
  }
  JsonPoster(const JsonPoster&) = delete;
  JsonPoster& operator=(const JsonPoster&) = delete;

  bool post(const std::string& url, const std::string& body) {
    if (!easy_ || url.empty()) return false;
    curl_easy_setopt(easy_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    if (curl_easy_perform(easy_) != CURLE_OK) return false;
    long status = 0;
    curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
    return status >= 200 && status < 300;
  }

 private:
  CURL* easy_ = nullptr;
  curl_slist* headers_ = nullptr;
};

std::string url_for(const std::string& full, const std::string& base, const char* path) {
  if (!full.empty()) return full;
  std::string url = base;
  while (!url.empty() && url.back() == '/')
    url.pop_back();
  return url + path;
}

}  // namespace

struct OtlpExporter::Worker {
  Worker(OtlpOptions settings, std::shared_ptr<Metrics> measured)
      : options(std::move(settings)),
        metrics(std::move(measured)),
        traces_url(url_for(options.traces_endpoint, options.endpoint, "/v1/traces")),
        metrics_url(url_for(options.metrics_endpoint, options.endpoint, "/v1/metrics")),
        started(std::chrono::system_clock::now()) {
    options.max_batch_size = std::max<std::size_t>(options.max_batch_size, 1);
    detail::ensure_curl_initialized();
    thread = std::thread([this] { run(); });
  }

  ~Worker() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    wake.notify_all();
    thread.join();
  }

  void enqueue(SpanData span) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (queue.size() >= options.max_queue_size) {
        ++stats.spans_dropped;
        return;
      }
      queue.push_back(std::move(span));
      if (queue.size() < options.max_batch_size) return;
    }
    wake.notify_one();
  }

  bool flush(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex);
    const std::uint64_t ticket = ++flushes_asked;
    wake.notify_one();
    return flushed.wait_for(lock, timeout, [&] { return flushes_done >= ticket; });
  }

  void run() {
    JsonPoster poster(options);
    auto next_metrics = std::chrono::steady_clock::now() + options.metrics_interval;
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      const auto until = std::min(std::chrono::steady_clock::now() + options.schedule_delay, next_metrics);
      wake.wait_until(lock, until, [&] {
        return stopping || queue.size() >= options.max_batch_size || flushes_asked > flushes_done;
      });
      const std::uint64_t ticket = flushes_asked;
      const bool last = stopping;
      send_spans(poster, lock, last);
      if (metrics && options.export_metrics &&
          (last || ticket > flushes_done || std::chrono::steady_clock::now() >= next_metrics)) {
        send_metrics(poster, lock);
        next_metrics = std::chrono::steady_clock::now() + options.metrics_interval;
      }
      flushes_done = ticket;
      flushed.notify_all();
      if (last) return;
    }
  }

  // Sends the queue in batches, the lock released while sending. On the way
  // out, one failure gives the rest up: a collector that is down must not
  // hold the destructor for a timeout per batch.
  void send_spans(JsonPoster& poster, std::unique_lock<std::mutex>& lock, bool last) {
    while (!queue.empty()) {
      const std::size_t count = std::min(queue.size(), options.max_batch_size);
      std::vector<SpanData> batch(
          std::make_move_iterator(queue.begin()),
          std::make_move_iterator(queue.begin() + static_cast<std::ptrdiff_t>(count)));
      queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(count));
      lock.unlock();
      const bool sent = poster.post(traces_url, detail::encode_spans(batch, options.service_name));
      lock.lock();
      (sent ? stats.spans_exported : stats.spans_failed) += batch.size();
      if (!sent) ++stats.failed_requests;
      if (!sent && last) {
        stats.spans_failed += queue.size();
        queue.clear();
      }
    }
  }

  void send_metrics(JsonPoster& poster, std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    const std::string body = detail::encode_metrics(metrics->snapshot(), options.service_name, started,
                                                    std::chrono::system_clock::now());
    const bool sent = poster.post(metrics_url, body);
    lock.lock();
    ++(sent ? stats.metric_exports : stats.failed_requests);
  }

  OtlpOptions options;
  std::shared_ptr<Metrics> metrics;
  std::string traces_url;
  std::string metrics_url;
  TraceTime started;

  std::mutex mutex;
  std::condition_variable wake;
  std::condition_variable flushed;
  std::deque<SpanData> queue;
  bool stopping = false;
  std::uint64_t flushes_asked = 0;
  std::uint64_t flushes_done = 0;
  OtlpStats stats;
  std::thread thread;  // last: started once everything above exists
};

OtlpExporter::OtlpExporter(OtlpOptions options, std::shared_ptr<Metrics> metrics)
    : metrics_(metrics ? std::move(metrics)
                       : (options.export_metrics ? std::make_shared<Metrics>() : nullptr)),
      worker_(std::make_unique<Worker>(std::move(options), metrics_)) {}

OtlpExporter::~OtlpExporter() = default;

void OtlpExporter::on_end(SpanData span) {
  if (!worker_->options.export_traces) return;
  worker_->enqueue(std::move(span));
}

bool OtlpExporter::flush(std::chrono::milliseconds timeout) {
  return worker_->flush(timeout);
}

OtlpStats OtlpExporter::stats() const {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  return worker_->stats;
}

}  // namespace paradigm
