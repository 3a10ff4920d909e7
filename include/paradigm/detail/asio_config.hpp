#pragma once

// Which Asio <paradigm/asio.hpp> uses: standalone Asio (<asio.hpp>, Debian's
// libasio-dev) by default, Boost.Asio when PARADIGM_BOOST_ASIO is defined
// before the first include. Either is reached as paradigm::detail::asio.

#if defined(PARADIGM_BOOST_ASIO)
#include <boost/asio.hpp>
#define PARADIGM_ASIO_VERSION BOOST_ASIO_VERSION
namespace paradigm::detail {
namespace asio = ::boost::asio;
using AsioErrorCode = ::boost::system::error_code;
}  // namespace paradigm::detail
#else
#include <asio.hpp>
#define PARADIGM_ASIO_VERSION ASIO_VERSION
namespace paradigm::detail {
namespace asio = ::asio;
using AsioErrorCode = ::asio::error_code;
}  // namespace paradigm::detail
#endif

// Per-operation cancellation (cancellation slots) came with Asio 1.19 (Boost 1.77).
#if PARADIGM_ASIO_VERSION >= 101900
#define PARADIGM_ASIO_HAS_CANCELLATION 1
#else
#define PARADIGM_ASIO_HAS_CANCELLATION 0
#endif
