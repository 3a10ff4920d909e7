// TLS verification, credentials and redirects.
#include "support/tls_mock_test.hpp"

namespace paradigm::testing {
namespace {

namespace fs = std::filesystem;

class Tls : public TlsMockTest {
 protected:
  ClientOptions options() const { return untrusting_options(); }
};

TEST_F(Tls, AnUnknownCertificateIsRefusedByDefault) {
  ASSERT_EQ(server->base_url().rfind("https://", 0), 0u);
  auto client = test_client(options(), clock);
  try {
    client.list_threads();
    FAIL() << "an untrusted certificate was accepted";
  } catch (const ConnectionError& e) {
    EXPECT_NE(std::string(e.what()).find("TLS"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(clock->sleeps().empty());  // a certificate problem is not retried
  EXPECT_TRUE(server->requests().empty());
}

TEST_F(Tls, TheCertificateIsAcceptedWithItsCaBundle) {
  auto with = options();
  with.ca_bundle = files.certificate.string();
  auto client = test_client(with, clock);
  EXPECT_EQ(client.create_thread_with_turn(ask("What is the capital of France?")).status,
            TurnStatus::completed);
  EXPECT_EQ(server->requests().size(), 2u);  // the thread, then its turn
}

// A CA directory as `openssl rehash` lays it out: the certificate under "<subject hash>.0".
fs::path hashed_ca_directory(const fs::path& certificate, const fs::path& directory) {
  std::unique_ptr<BIO, decltype(&BIO_free)> in(BIO_new_file(certificate.c_str(), "r"), &BIO_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(
      in ? PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
  if (!cert) throw std::runtime_error("cannot read " + certificate.string());
  char name[16];
  std::snprintf(name, sizeof name, "%08lx.0", X509_subject_name_hash(cert.get()));
  fs::create_directories(directory);
  fs::copy_file(certificate, directory / name);
  return directory;
}

TEST_F(Tls, TheCertificateIsAcceptedFromACaDirectory) {
  auto with = options();
  with.ca_path = hashed_ca_directory(files.certificate, directory / "ca").string();
  auto client = test_client(with, clock);
  EXPECT_NO_THROW(client.list_threads());
  // An empty directory trusts nothing.
  with.ca_path = (directory / "empty").string();
  fs::create_directories(with.ca_path);
  auto distrusting = test_client(with, clock);
  EXPECT_THROW(distrusting.list_threads(), ConnectionError);
}

TEST_F(Tls, VerificationCanOnlyBeTurnedOffExplicitlyAndIsLogged) {
  std::vector<LogRecord> records;
  auto with = options();
  with.verify_tls = false;
  with.logger = [&](const LogRecord& record) { records.push_back(record); };
  auto client = test_client(with, clock);
  EXPECT_NO_THROW(client.list_threads());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records.front().level, LogLevel::warning);
}

class Redirects : public MockTest {};

TEST_F(Redirects, AuthorizationIsNotSentToAnotherHost) {
  mock::MockServer elsewhere;  // another port: another origin for libcurl
  mock::Fault redirect;
  redirect.method = "GET";
  redirect.path_regex = "/api/v3/threads";
  redirect.status = 307;
  redirect.body = "";
  redirect.headers = {{"Location", elsewhere.base_url() + "/api/v3/threads"}};
  server.add_fault(redirect);
  EXPECT_THROW(client().list_threads(), AuthenticationError);  // the other server wants a key
  const auto received = elsewhere.requests("GET", "/api/v3/threads");
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].header("Authorization"), "");
}

TEST_F(Redirects, AuthorizationIsKeptOnTheSameHost) {
  mock::Fault redirect;
  redirect.method = "GET";
  redirect.path_regex = "/api/v3/threads";
  redirect.status = 307;
  redirect.body = "";
  redirect.headers = {{"Location", server.base_url() + "/api/v3/threads?limit=5"}};
  server.add_fault(redirect);
  EXPECT_NO_THROW(client().list_threads());
  const auto requests = server.requests("GET", "/api/v3/threads");
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].param("limit"), "5");
  EXPECT_EQ(requests[1].header("Authorization"), std::string("Bearer ") + kApiKey);
}

TEST_F(Redirects, OnlyHttpAndHttpsAreFollowed) {
  mock::Fault redirect;
  redirect.status = 302;
  redirect.body = "";
  redirect.headers = {{"Location", "file:///etc/passwd"}};
  server.add_fault(redirect);
  EXPECT_THROW(client().list_threads(), ConnectionError);
}

}  // namespace
}  // namespace paradigm::testing
