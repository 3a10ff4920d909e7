// Construction, environment, concurrency, connection reuse and secrets.
#include "support/mock_fixture.hpp"

#include <cstdlib>
#include <mutex>
#include <thread>

namespace paradigm::testing {
namespace {

class Client : public MockTest {};

// Sets environment variables for one test and restores them after.
class ScopedEnv {
 public:
  ScopedEnv(std::initializer_list<std::pair<const char*, const char*>> values) {
    for (const auto& [name, value] : values) {
      const char* old = std::getenv(name);
      saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
      if (value) {
        ::setenv(name, value, 1);
      } else {
        ::unsetenv(name);
      }
    }
  }
  ~ScopedEnv() {
    for (const auto& [name, value] : saved_) {
      if (value) {
        ::setenv(name.c_str(), value->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(Client, ReadsKeyAndBaseUrlFromTheEnvironmentWithOrWithoutApiV3) {
  for (const std::string suffix : {"", "/", "/api/v3", "/api/v3/"}) {
    const std::string url = server.base_url() + suffix;
    ScopedEnv env{
        {"PARADIGM_API_KEY", kApiKey}, {"PARADIGM_BASE_URL", url.c_str()}, {"PARADIGM_LOG", nullptr}};
    ThreadsClient paradigm;
    EXPECT_EQ(paradigm.create_thread_with_turn(ask("hi")).status, TurnStatus::completed) << suffix;
  }
  for (const auto& request : server.requests()) {  // a thread, then its turn: each under one /api/v3
    EXPECT_EQ(request.path.rfind("/api/v3/threads", 0), 0u) << request.path;
    EXPECT_EQ(request.path.find("/api/v3", 1), std::string::npos) << request.path;
  }
}

TEST_F(Client, MissingEnvironmentKeyIsAClearError) {
  ScopedEnv env{{"PARADIGM_API_KEY", nullptr}};
  try {
    ThreadsClient paradigm;
    FAIL();
  } catch (const InvalidRequestError& e) {
    EXPECT_NE(std::string(e.what()).find("PARADIGM_API_KEY"), std::string::npos);
  }
}

TEST_F(Client, DefaultsMatchTheDesign) {
  ScopedEnv env{{"PARADIGM_BASE_URL", nullptr}, {"PARADIGM_API_KEY", "k"}, {"PARADIGM_LOG", nullptr}};
  const ClientOptions defaults = ClientOptions::from_env();
  EXPECT_EQ(defaults.base_url, "https://paradigm.lighton.ai");
  EXPECT_EQ(defaults.connect_timeout, std::chrono::seconds(10));
  EXPECT_EQ(defaults.request_timeout, std::chrono::seconds(600));
  EXPECT_EQ(defaults.stall_timeout, std::chrono::seconds(120));
  EXPECT_EQ(defaults.retry.max_retries, 2);
  EXPECT_EQ(defaults.wait.deadline, std::chrono::minutes(30));
  EXPECT_TRUE(defaults.verify_tls);
  EXPECT_FALSE(defaults.logger);
}

TEST_F(Client, SequentialCallsReuseOneConnection) {
  auto paradigm = client();
  const Turn turn = paradigm.create_thread_with_turn(ask("hi"));
  for (int i = 0; i < 50; ++i)
    paradigm.get_turn(turn.thread, turn.id);
  EXPECT_EQ(server.connections_seen(), 1);
}

TEST_F(Client, OneClientServesEightThreadsAtOnce) {
  auto paradigm = client();
  constexpr int kThreads = 8;
  constexpr int kTurnsEach = 5;
  std::vector<std::thread> workers;
  std::mutex mutex;
  std::vector<std::string> failures;
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      try {
        ThreadsClient copy = paradigm;  // copies share the pool
        Turn turn = copy.create_thread_with_turn(ask("worker " + std::to_string(t)));
        for (int i = 0; i < kTurnsEach; ++i) {
          const Turn next = copy.create_turn(turn.thread, ask("follow-up " + std::to_string(i)));
          if (next.thread != turn.thread || next.status != TurnStatus::completed)
            throw std::logic_error("bad turn");
          if (copy.get_turn(next.thread, next.id).id != next.id) throw std::logic_error("bad get");
        }
        if (copy.list_turns(turn.thread).results.size() != kTurnsEach + 1) throw std::logic_error("bad list");
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(mutex);
        failures.push_back(e.what());
      }
    });
  }
  for (auto& worker : workers)
    worker.join();
  EXPECT_TRUE(failures.empty()) << failures.front();
  EXPECT_EQ(server.turns_created(), kThreads * (kTurnsEach + 1));
  EXPECT_LE(server.connections_seen(), kThreads);
}

TEST_F(Client, TheApiKeyNeverReachesLogsOrErrors) {
  const std::string secret = "sk-paradigm-very-secret-0123456789";
  auto config = server.config();
  config.api_keys.push_back(secret);
  server.configure(config);
  std::vector<std::string> lines;
  auto with = options();
  with.api_key = secret;
  with.log_level = LogLevel::debug;
  with.curl_verbose = true;
  with.logger = [&](const LogRecord& record) {
    lines.push_back(record.message + record.path + record.method + record.request_id);
  };
  auto paradigm = client(with);
  const Turn turn = paradigm.create_thread_with_turn(ask("hi"));
  mock::Fault fault;
  fault.status = 503;
  fault.body = R"({"detail": "echo )" + secret + R"("})";
  fault.headers = {{"X-Echo", "Bearer " + secret}};
  fault.times = -1;
  server.add_fault(fault);
  std::string message;
  try {
    paradigm.get_turn(turn.thread, turn.id);
  } catch (const ServerError& e) {
    message = e.what();
    EXPECT_EQ(e.body().find(secret), std::string::npos);
    EXPECT_EQ(e.detail().find(secret), std::string::npos);
    ASSERT_TRUE(e.headers().get("x-echo").has_value());
    EXPECT_EQ(e.headers().get("x-echo")->find(secret), std::string::npos);
  }
  EXPECT_FALSE(message.empty());
  EXPECT_EQ(message.find(secret), std::string::npos);
  ASSERT_FALSE(lines.empty());
  bool saw_authorization = false;
  for (const auto& line : lines) {
    EXPECT_EQ(line.find(secret), std::string::npos) << line;
    saw_authorization |= line.find("Authorization: [REDACTED]") != std::string::npos;
  }
  EXPECT_TRUE(saw_authorization) << "verbose output should show the redacted header";
  // The server did receive it.
  EXPECT_EQ(server.requests().front().header("Authorization"), "Bearer " + secret);
}

TEST_F(Client, TurningTlsVerificationOffIsLogged) {
  std::vector<LogRecord> records;
  auto with = options();
  with.verify_tls = false;
  with.logger = [&](const LogRecord& record) { records.push_back(record); };
  client(with);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].level, LogLevel::warning);
  EXPECT_NE(records[0].message.find("TLS"), std::string::npos);
}

}  // namespace
}  // namespace paradigm::testing
