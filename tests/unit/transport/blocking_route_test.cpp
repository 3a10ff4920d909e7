// Which route a blocking call's exchange takes is a named property of the
// request (docs/architecture.md, "Routes"), never guessed from a timeout.
#include "retry/clock.hpp"
#include "workflow/context.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace paradigm::detail {
namespace {

class NoTransport final : public Transport {
 public:
  Outcome perform(const Exchange&, BodySink&) override { return {}; }
};

Exchange exchange_for(const std::string& base_url, BlockingRoute asked, bool streamed) {
  ClientOptions options;
  options.base_url = base_url;
  options.api_key = "k";
  options.blocking_route = asked;
  ConnectionContext context(options, std::make_shared<NoTransport>(), ::paradigm::detail::system_clock());
  RequestSpec spec = get_request("/api/v3/threads/t1");
  spec.streamed = streamed;
  return context.make_exchange(spec, CallOptions());
}

TEST(BlockingRoutes, AnswersHeldInMemoryGoThroughTheLoopOverTlsAndStayOnTheCallerOverHttp) {
  EXPECT_EQ(exchange_for("https://paradigm.example", BlockingRoute::automatic, false).route,
            Route::event_loop);
  EXPECT_EQ(exchange_for("http://127.0.0.1:8080", BlockingRoute::automatic, false).route,
            Route::calling_thread);
}

TEST(BlockingRoutes, TheClientsChoiceWinsOverTheScheme) {
  EXPECT_EQ(exchange_for("http://127.0.0.1:8080", BlockingRoute::event_loop, false).route, Route::event_loop);
  EXPECT_EQ(exchange_for("https://paradigm.example", BlockingRoute::calling_thread, false).route,
            Route::calling_thread);
}

TEST(BlockingRoutes, StreamsAndDownloadsAlwaysRunOnTheCallingThread) {
  for (BlockingRoute asked :
       {BlockingRoute::automatic, BlockingRoute::event_loop, BlockingRoute::calling_thread}) {
    EXPECT_EQ(exchange_for("https://paradigm.example", asked, true).route, Route::calling_thread);
    // Their total limit is not what decides it: a stream has none either way.
    EXPECT_EQ(exchange_for("https://paradigm.example", asked, true).total_timeout.count(), 0);
  }
}

}  // namespace
}  // namespace paradigm::detail
