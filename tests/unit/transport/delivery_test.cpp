// How an answer's end is decided when the client stops reading it: an error
// body read as far as it is kept is a complete answer (retried or not by its
// status, as always), a head that never ends is a failure that says why.
#include "transport/delivery.hpp"
#include "workflow/fetch.hpp"

#include <gtest/gtest.h>

namespace paradigm::detail {
namespace {

TEST(Delivery, AnErrorBodyIsReadOnlyAsFarAsItIsKept) {
  BufferSink sink(1 << 20);
  Delivery delivery(sink);
  delivery.add_header("Content-Type", "application/json");
  ASSERT_TRUE(delivery.head(503));
  const std::string chunk(64 * 1024, 'x');
  std::size_t delivered = 0;
  while (delivery.data(chunk))
    delivered += chunk.size();
  EXPECT_LE(delivered, kMaxErrorBody);  // stopped at the chunk that went past
  EXPECT_FALSE(delivery.stopped());     // not the sink's doing
  // The transport then reports the stop it was asked for (libcurl: a write
  // error): still the complete 503, not a broken connection.
  const Outcome outcome = delivery.finish(503, TransferError::other, "Failure writing output");
  EXPECT_EQ(outcome.kind, OutcomeKind::completed);
  EXPECT_EQ(outcome.error, TransferError::none);
  EXPECT_EQ(outcome.status, 503);
  EXPECT_EQ(outcome.error_body.size(), kMaxErrorBody);
  EXPECT_TRUE(outcome.message.empty());
}

TEST(Delivery, AnErrorBodyOfExactlyTheKeptSizeIsReadToItsEnd) {
  BufferSink sink(1 << 20);
  Delivery delivery(sink);
  ASSERT_TRUE(delivery.head(500));
  EXPECT_TRUE(delivery.data(std::string(kMaxErrorBody - 1, 'x')));
  EXPECT_TRUE(delivery.data("y"));
  const Outcome outcome = delivery.finish(500, TransferError::none, "");
  EXPECT_EQ(outcome.kind, OutcomeKind::completed);
  EXPECT_EQ(outcome.error_body.size(), kMaxErrorBody);
}

// A break before the kept part is read is still a broken connection.
TEST(Delivery, AnErrorBodyCutShortIsStillAFailure) {
  BufferSink sink(1 << 20);
  Delivery delivery(sink);
  ASSERT_TRUE(delivery.head(503));
  EXPECT_TRUE(delivery.data("{\"detail\": "));
  const Outcome outcome = delivery.finish(503, TransferError::reset, "Connection reset");
  EXPECT_EQ(outcome.kind, OutcomeKind::failed);
  EXPECT_EQ(outcome.error, TransferError::reset);
}

TEST(Delivery, HeadsPastTheirLimitFailTheExchangeWithAReason) {
  BufferSink sink(1 << 20);
  Delivery delivery(sink);
  std::size_t counted = 0;
  const std::string line = "X-Flood: " + std::string(1000, 'a') + "\r\n";
  while (delivery.count_head_bytes(line.size())) {
    counted += line.size();
    ASSERT_LE(counted, kMaxHeadBytes);
  }
  const Outcome outcome = delivery.finish(200, TransferError::other, "Failure writing output");
  EXPECT_EQ(outcome.kind, OutcomeKind::failed);
  EXPECT_EQ(outcome.error, TransferError::other);
  EXPECT_NE(outcome.message.find("head exceeds"), std::string::npos) << outcome.message;
}

}  // namespace
}  // namespace paradigm::detail
