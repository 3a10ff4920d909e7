// Per-call overhead and connection reuse (issue #7, items 1 and 2).
//
//   bench_calls seed  --base-url URL [--target-bytes 20480]  -> {"thread", "turn", "bytes"}
//   bench_calls sdk   --base-url URL --thread T --turn U [--calls 5000]
//   bench_calls floor --base-url URL --thread T --turn U [--calls 5000]
//   bench_calls sdk-threads ... [--threads 8]
//   bench_calls async ...                     one async_get_turn at a time, waited for
//   bench_calls async-inflight ... [--inflight 8]   that many async calls at once
//   bench_calls create-floor --base-url URL --thread T [--calls 5000]   libcurl POSTs of a follow-up
//   bench_calls create-floor-callback ...   the same, the body read through a callback
//   bench_calls create ...        create_turn (a follow-up, background): one request
//   bench_calls create-new ... [--thread-first 1|0]   create_thread_with_turn (background):
//                                 thread-first (two requests, the default) or one request
//   (--ca-bundle PEM: a TLS server with a certificate of its own, e.g. nginx with HTTP/2)
//
// The floor is what a careful hand-written client costs: one reused libcurl
// easy handle sending the same request (same headers, same Accept-Encoding)
// and nlohmann::json::parse on the body. The SDK does that plus decoding
// into the model, retries, error mapping and the connection pool.
#include "bench_common.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string_view>
#include <thread>
#include <vector>

namespace {

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& unread = *static_cast<std::string_view*>(user);
  const std::size_t taken = std::min(unread.size(), size * count);
  std::memcpy(buffer, unread.data(), taken);
  unread.remove_prefix(taken);
  return taken;
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

/// One easy handle, reused for every call so that its connection stays open.
class Floor {
 public:
  Floor(const std::string& url, const std::string& key, const std::string& ca_bundle = "") {
    easy_ = curl_easy_init();
    if (!ca_bundle.empty()) curl_easy_setopt(easy_, CURLOPT_CAINFO, ca_bundle.c_str());
    headers_ = curl_slist_append(headers_, ("Authorization: Bearer " + key).c_str());
    headers_ = curl_slist_append(headers_, "Accept: application/json");
    curl_easy_setopt(easy_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
    // The SDK asks for every encoding libcurl supports; ask for the same.
    curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &append_body);
    curl_easy_setopt(easy_, CURLOPT_WRITEDATA, &body_);
  }
  ~Floor() {
    curl_easy_cleanup(easy_);
    curl_slist_free_all(headers_);
  }
  Floor(const Floor&) = delete;
  Floor& operator=(const Floor&) = delete;

  /// POSTs `body`: libcurl pointed at it, as a hand-written client does, or
  /// (`through_callback`) read through a callback, as the SDK sends a create.
  const std::string& post(const std::string& body, bool through_callback) {
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    if (through_callback) {
      unread_ = body;
      curl_easy_setopt(easy_, CURLOPT_POST, 1L);
      curl_easy_setopt(easy_, CURLOPT_READFUNCTION, &read_body);
      curl_easy_setopt(easy_, CURLOPT_READDATA, &unread_);
    } else {
      curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, body.c_str());
    }
    return get();
  }

  const std::string& get() {
    body_.clear();
    const CURLcode code = curl_easy_perform(easy_);
    long status = 0;
    curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK || status != 200)
      throw std::runtime_error("floor GET failed: " + std::string(curl_easy_strerror(code)) + ", HTTP " +
                               std::to_string(status));
    return body_;
  }

 private:
  CURL* easy_ = nullptr;
  curl_slist* headers_ = nullptr;
  std::string body_;
  std::string_view unread_;
};

// What a create sends: a question of about 100 bytes, in the background.
paradigm::TurnRequest create_request() {
  paradigm::TurnRequest request;
  request.query = "What changed in the regulatory filings of the last quarter, and which sources say so?";
  request.background = true;
  return request;
}

std::string turn_url(const bench::Args& args) {
  return args.get("base-url") + "/api/v3/threads/" + args.get("thread") + "/turns/" + args.get("turn");
}

// A turn like a real answer: a web search tool call with its steps and
// sources, and a long question, sized to about `target` bytes of JSON.
void seed(const bench::Args& args) {
  auto client = bench::client_for(args);
  const auto target = static_cast<std::size_t>(args.number("target-bytes", 20480));
  const std::string sentence =
      "What are the latest news on retrieval-augmented generation for long regulatory documents, "
      "and how should we evaluate answer faithfulness against the cited sources? ";
  auto measure = [&](std::size_t query_bytes, nlohmann::json& out) {
    paradigm::TurnRequest request;
    while (request.query.value_or("").size() < query_bytes)
      request.query = request.query.value_or("") + sentence;
    const paradigm::Turn turn = client.create_thread_with_turn(request);
    Floor floor(args.get("base-url") + "/api/v3/threads/" + turn.thread + "/turns/" + turn.id,
                args.get("key", "test-key"));
    // Identity encoding for the size: what the JSON weighs, not its compressed form.
    out = {{"thread", turn.thread}, {"turn", turn.id}, {"bytes", floor.get().size()}};
    return out["bytes"].get<std::size_t>();
  };
  nlohmann::json result;
  const std::size_t base = measure(1, result);
  // The query appears twice in the turn (the user's message, the tool's arguments).
  if (base < target) measure((target - base) / 2, result);
  bench::emit(result);
}

void run(const bench::Args& args) {
  const long long calls = args.number("calls", 5000);
  const std::string& mode = args.mode();
  const double cpu_before = bench::cpu_seconds();  // with the set-up: the client's, not the server's
  std::size_t checksum = 0;                        // keeps the work observable
  std::int64_t start = 0;
  int threads = 1;
  nlohmann::json exporter;
  if (mode == "floor") {
    Floor floor(turn_url(args), args.get("key", "test-key"), args.optional("ca-bundle"));
    start = bench::steady_ns();
    for (long long i = 0; i < calls; ++i) {
      const auto json = nlohmann::json::parse(floor.get());
      checksum += json["messages"].size();
    }
  } else if (mode == "sdk") {
    auto client = bench::client_for(args);
    const std::string thread = args.get("thread"), turn = args.get("turn");
    start = bench::steady_ns();
    for (long long i = 0; i < calls; ++i)
      checksum += client.get_turn(thread, turn).messages.size();
    exporter = bench::telemetry_report(client);
  } else if (mode == "sdk-threads") {
    // One client shared by all threads, as the docs recommend.
    auto client = bench::client_for(args);
    const std::string thread = args.get("thread"), turn = args.get("turn");
    threads = static_cast<int>(args.number("threads", 8));
    std::atomic<std::size_t> total{0};
    std::vector<std::thread> workers;
    start = bench::steady_ns();
    for (int t = 0; t < threads; ++t) {
      const long long share = calls / threads + (t < calls % threads ? 1 : 0);
      workers.emplace_back([&, share] {
        std::size_t local = 0;
        for (long long i = 0; i < share; ++i)
          local += client.get_turn(thread, turn).messages.size();
        total += local;
      });
    }
    for (auto& worker : workers)
      worker.join();
    checksum = total;
  } else if (mode == "async") {
    auto client = bench::client_for(args);
    const std::string thread = args.get("thread"), turn = args.get("turn");
    start = bench::steady_ns();
    for (long long i = 0; i < calls; ++i)
      checksum += client.async_get_turn(thread, turn).get().messages.size();
  } else if (mode == "async-inflight") {
    auto client = bench::client_for(args);
    const std::string thread = args.get("thread"), turn = args.get("turn");
    threads = static_cast<int>(args.number("inflight", 8));
    start = bench::steady_ns();
    std::vector<paradigm::Future<paradigm::Turn>> window;
    for (long long i = 0; i < calls; ++i) {
      window.push_back(client.async_get_turn(thread, turn));
      if (window.size() == static_cast<std::size_t>(threads)) {
        for (auto& each : window)
          checksum += each.get().messages.size();
        window.clear();
      }
    }
    for (auto& each : window)
      checksum += each.get().messages.size();
  } else if (mode == "create-floor" || mode == "create-floor-callback") {
    Floor floor(args.get("base-url") + "/api/v3/threads/" + args.get("thread") + "/turns",
                args.get("key", "test-key"));
    const std::string body = paradigm::to_json(create_request());
    start = bench::steady_ns();
    for (long long i = 0; i < calls; ++i)
      checksum += nlohmann::json::parse(floor.post(body, mode == "create-floor-callback"))["id"]
                      .get<std::string>()
                      .size();
  } else if (mode == "create") {
    auto client = bench::client_for(args);
    const std::string thread = args.get("thread");
    const paradigm::TurnRequest request = create_request();
    start = bench::steady_ns();
    for (long long i = 0; i < calls; ++i)
      checksum += client.create_turn(thread, request).id.size();
  } else if (mode == "create-new") {
    paradigm::ClientOptions options = bench::client_for(args).options();
    options.create_thread_first = args.number("thread-first", 1) != 0;
    paradigm::ThreadsClient client(options);
    const paradigm::TurnRequest request = create_request();
    start = bench::steady_ns();
    for (long long i = 0; i < calls; ++i)
      checksum += client.create_thread_with_turn(request).id.size();
  } else {
    throw std::invalid_argument("unknown mode: " + mode);
  }
  const double seconds = bench::seconds_since(start);
  bench::emit({{"mode", mode},
               {"cpu_seconds", bench::cpu_seconds() - cpu_before},
               {"calls", calls},
               {"threads", threads},
               {"seconds", seconds},
               {"checksum", checksum},
               {"telemetry", args.get("telemetry", "none")},
               {"exporter", exporter}});
}

}  // namespace

int main(int argc, char** argv) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const bench::Args args(argc, argv);
  return bench::guarded_main([&] { args.mode() == "seed" ? seed(args) : run(args); });
}
