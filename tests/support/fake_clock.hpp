#pragma once

// The tests' clock: the library's virtual clock (time moves only when the
// code under test sleeps, so retry and polling schedules are checked exactly
// and without waiting), the same one a replay runs on.

#include "retry/virtual_clock.hpp"

namespace paradigm::testing {

using FakeClock = detail::VirtualClock;

}  // namespace paradigm::testing
