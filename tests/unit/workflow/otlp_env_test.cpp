// What the OTEL_* environment variables make of the exporter's settings.
#include <paradigm/tracing.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

namespace paradigm::testing {
namespace {

// Sets the OTEL_* variables of one test, and unsets every one it may read afterwards.
class OtelEnv : public ::testing::Test {
 protected:
  void SetUp() override { clear(); }
  void TearDown() override { clear(); }
  static void set(const char* name, const char* value) { ::setenv(name, value, 1); }
  static void clear() {
    for (const char* name :
         {"OTEL_SDK_DISABLED", "OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER", "OTEL_EXPORTER_OTLP_ENDPOINT",
          "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
          "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_PROTOCOL",
          "OTEL_EXPORTER_OTLP_TIMEOUT", "OTEL_BSP_SCHEDULE_DELAY", "OTEL_METRIC_EXPORT_INTERVAL",
          "OTEL_BSP_MAX_QUEUE_SIZE", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE"}) {
      ::unsetenv(name);
    }
  }
};

TEST_F(OtelEnv, NothingSetMeansNoExporter) {
  EXPECT_FALSE(OtlpOptions::from_env());
  const Telemetry telemetry = telemetry_from_env();
  EXPECT_FALSE(telemetry.enabled());
}

TEST_F(OtelEnv, TheEndpointHeadersAndServiceNameAreRead) {
  set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/");
  set("OTEL_EXPORTER_OTLP_HEADERS", "api-key=abc%3D1, x-team = blue ,broken,bad%0Aname=x");
  set("OTEL_SERVICE_NAME", "batch-runner");
  set("OTEL_BSP_MAX_QUEUE_SIZE", "99");
  const auto options = OtlpOptions::from_env();
  ASSERT_TRUE(options);
  EXPECT_EQ(options->endpoint, "http://collector:4318/");
  EXPECT_EQ(options->service_name, "batch-runner");
  EXPECT_EQ(options->max_queue_size, 99u);
  // Percent-decoded, trimmed; a pair without "=" or with a line break is left out.
  EXPECT_EQ(options->headers,
            (std::vector<std::pair<std::string, std::string>>{{"api-key", "abc=1"}, {"x-team", "blue"}}));
  EXPECT_TRUE(options->export_traces);
  EXPECT_TRUE(options->export_metrics);
}

TEST_F(OtelEnv, NoneOrAnotherExporterTurnsThatSignalOff) {
  set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
  set("OTEL_METRICS_EXPORTER", "none");
  auto options = OtlpOptions::from_env();
  ASSERT_TRUE(options);
  EXPECT_TRUE(options->export_traces);
  EXPECT_FALSE(options->export_metrics);
  set("OTEL_TRACES_EXPORTER", "zipkin");
  EXPECT_FALSE(OtlpOptions::from_env());
}

TEST_F(OtelEnv, OtlpAloneUsesTheDefaultEndpointAndGrpcIsRefused) {
  set("OTEL_TRACES_EXPORTER", "otlp");
  auto options = OtlpOptions::from_env();
  ASSERT_TRUE(options);
  EXPECT_EQ(options->endpoint, "http://localhost:4318");
  set("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
  EXPECT_FALSE(OtlpOptions::from_env());
  set("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
  set("OTEL_SDK_DISABLED", "true");
  EXPECT_FALSE(OtlpOptions::from_env());
}

}  // namespace
}  // namespace paradigm::testing
