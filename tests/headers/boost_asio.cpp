// <paradigm/asio.hpp> on Boost.Asio (PARADIGM_BOOST_ASIO): the same code
// through the other namespace. Compiled only (headers.boost_asio), with
// whichever Boost is installed (Debian 12: 1.74, before cancellation slots).
#define PARADIGM_BOOST_ASIO
#include <paradigm/asio.hpp>

void initiate_each_way(boost::asio::io_context& io) {
  paradigm::AsioClient api(io, paradigm::ThreadsClient());
  api.async_get_turn("t", "u", [](std::exception_ptr, paradigm::Turn) {});
  std::future<paradigm::Page<paradigm::Thread>> threads = api.async_list_threads(boost::asio::use_future);
  api.async_get(paradigm::make_ready_future(1), boost::asio::bind_executor(io, [](std::exception_ptr, int) {}));
  paradigm::ClientOptions options;
  options.external_loop = paradigm::asio_loop(io.get_executor());
}
