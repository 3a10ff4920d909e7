// ClientOptions::proxy: every request goes through the given HTTP proxy.
#include "support/mock_fixture.hpp"

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace paradigm::testing {
namespace {

// A forward HTTP proxy on loopback that sends every request on to one server
// (whatever host the request names) and remembers the targets it was asked for.
class ForwardProxy {
 public:
  explicit ForwardProxy(int upstream_port) : upstream_port_(upstream_port) {
    const auto forward = [this](const httplib::Request& req, httplib::Response& res) { relay(req, res); };
    server_.Get(".*", forward);
    server_.Post(".*", forward);
    server_.Patch(".*", forward);
    port_ = server_.bind_to_any_port("127.0.0.1");  // listening: connections queue up
    if (port_ <= 0) throw std::runtime_error("the proxy cannot listen on loopback");
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      done_ = true;
    });
    // stop() is a no-op until the server runs: do not return before it does.
    while (!server_.is_running() && !done_)
      std::this_thread::yield();
  }
  ~ForwardProxy() {
    server_.stop();
    thread_.join();
  }
  ForwardProxy(const ForwardProxy&) = delete;
  ForwardProxy& operator=(const ForwardProxy&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<std::string> targets() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return targets_;
  }

 private:
  void relay(const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      targets_.push_back(req.target);
    }
    // A proxy request names an absolute URL: keep its path and query.
    const auto scheme_end = req.target.find("://");
    const auto path_start = scheme_end == std::string::npos ? 0 : req.target.find('/', scheme_end + 3);
    httplib::Request upstream;
    upstream.method = req.method;
    upstream.path = path_start == std::string::npos ? "/" : req.target.substr(path_start);
    upstream.body = req.body;
    for (const auto& [name, value] : req.headers) {
      if (name != "Host" && name != "Content-Length" && name != "Proxy-Connection" && name != "REMOTE_ADDR" &&
          name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT") {
        upstream.headers.emplace(name, value);
      }
    }
    httplib::Client client("127.0.0.1", upstream_port_);
    client.set_decompress(false);  // hand the bytes on as they are
    auto answer = client.send(upstream);
    if (!answer) {
      res.status = 502;
      return;
    }
    res.status = answer->status;
    for (const auto& [name, value] : answer->headers) {
      if (name != "Content-Length" && name != "Transfer-Encoding") res.headers.emplace(name, value);
    }
    res.body = answer->body;
  }

  httplib::Server server_;
  std::thread thread_;
  std::atomic<bool> done_{false};
  int upstream_port_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<std::string> targets_;
};

class Proxy : public MockTest {};

TEST_F(Proxy, EveryRequestGoesThroughTheConfiguredProxy) {
  ForwardProxy proxy(server.port());
  auto with = options();
  with.base_url = "http://paradigm.invalid";  // only the proxy can reach it
  with.proxy = proxy.url();
  auto paradigm = client(with);
  const Turn turn = paradigm.create_thread_with_turn(ask("What is the capital of France?"));
  EXPECT_NE(turn.final_answer().find("Paris"), std::string::npos);
  EXPECT_EQ(paradigm.get_turn(turn.thread, turn.id).id, turn.id);

  const auto targets = proxy.targets();
  ASSERT_EQ(targets.size(), 3u);  // the thread, its turn, the read
  EXPECT_EQ(targets[0], "http://paradigm.invalid/api/v3/threads");
  EXPECT_EQ(targets[1], "http://paradigm.invalid/api/v3/threads/" + turn.thread + "/turns");
  EXPECT_EQ(targets[2], "http://paradigm.invalid/api/v3/threads/" + turn.thread + "/turns/" + turn.id);
  EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(Proxy, AProxyThatRefusesConnectionsIsAConnectionError) {
  auto with = options();
  with.base_url = "http://paradigm.invalid";
  with.proxy = "http://127.0.0.1:9";  // nothing listens on the discard port
  EXPECT_THROW(client(with).list_threads(), ConnectionError);
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace paradigm::testing
