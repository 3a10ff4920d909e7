#pragma once

// A test against the emulator serving HTTPS with a self-signed certificate
// made for the test (removed afterwards).

#include "support/mock_fixture.hpp"
#include "support/self_signed.hpp"

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

namespace paradigm::testing {

class TlsMockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory = std::filesystem::temp_directory_path() / ("paradigm-tls-" + std::to_string(::getpid()));
    files = make_self_signed_certificate(directory);
    server = std::make_unique<mock::MockServer>(
        mock::MockConfig{}, 0, "127.0.0.1",
        mock::TlsFiles{files.certificate.string(), files.private_key.string()});
  }
  void TearDown() override {
    server.reset();
    std::filesystem::remove_all(directory);
  }
  /// Options for the server, which the client does not trust by default.
  ClientOptions untrusting_options() const {
    ClientOptions options;
    options.base_url = server->base_url();
    options.api_key = kApiKey;
    return options;
  }
  /// The same, trusting the test's certificate.
  ClientOptions trusting_options() const {
    ClientOptions options = untrusting_options();
    options.ca_bundle = files.certificate.string();
    return options;
  }

  std::filesystem::path directory;
  SelfSignedCertificate files;
  std::unique_ptr<mock::MockServer> server;
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
};

}  // namespace paradigm::testing
