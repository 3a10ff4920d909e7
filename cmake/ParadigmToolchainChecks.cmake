# Whether the compiled libraries the tests and the emulator use link with this
# toolchain. Debian's cpp-httplib (libcpp-httplib.so) and GoogleTest
# (libgtest.a, libgmock.a) are built for GCC's libstdc++: with clang and
# -stdlib=libc++ their std::string is another type and nothing links. Each is
# tried once at configure time (a small program compiled and linked; cached);
# what needs one that does not link is left out with a message saying what to
# do, instead of failing the build at its last step.
#
# Sets PARADIGM_EMULATOR_LINKS and PARADIGM_GTEST_LINKS (ON when the library
# links, or was not found: then the usual "not found" error comes where it is
# needed), and turns PARADIGM_BUILD_TESTING_KIT, PARADIGM_BUILD_TESTS and
# PARADIGM_BUILD_BENCH off (as normal variables) when what they need does not
# link.

set(_paradigm_check_dir "${PROJECT_BINARY_DIR}/CMakeFiles/paradigm-toolchain-checks")

# paradigm_try_link(RESULT_VAR SOURCE_TEXT LIBRARIES... [INCLUDES dirs] [DEFINES defs])
function(paradigm_try_link result source)
  cmake_parse_arguments(TRY "" "" "LIBRARIES;INCLUDES;DEFINES" ${ARGN})
  if(DEFINED ${result})
    return()  # cached from an earlier configure
  endif()
  string(MD5 name "${result}")
  file(WRITE "${_paradigm_check_dir}/${result}.cpp" "${source}")
  try_compile(links "${_paradigm_check_dir}/${name}" "${_paradigm_check_dir}/${result}.cpp"
    CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${TRY_INCLUDES}"
    COMPILE_DEFINITIONS ${TRY_DEFINES}
    LINK_LIBRARIES ${TRY_LIBRARIES} Threads::Threads
    CXX_STANDARD 17
    OUTPUT_VARIABLE output)
  set(${result} ${links} CACHE INTERNAL "Whether ${result} links with this toolchain")
  if(NOT links)
    file(WRITE "${_paradigm_check_dir}/${result}.log" "${output}")
  endif()
endfunction()

set(_paradigm_toolchain "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
if(CMAKE_CXX_FLAGS MATCHES "-stdlib=([a-z+]+)")
  string(APPEND _paradigm_toolchain " with ${CMAKE_MATCH_0}")
endif()

# cpp-httplib: the emulator (paradigm-mock, paradigm::mock) and the tests
# that serve HTTP themselves.
set(PARADIGM_EMULATOR_LINKS ON)
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(_paradigm_httplib QUIET cpp-httplib)
endif()
if(_paradigm_httplib_FOUND)
  paradigm_try_link(PARADIGM_HTTPLIB_LINKS [[
#include <httplib.h>
int main() {
  httplib::Client client("http://127.0.0.1:9");
  httplib::Server server;
  return client.Get("/") ? 0 : server.is_running();
}
]]
    LIBRARIES ${_paradigm_httplib_LINK_LIBRARIES}
    INCLUDES ${_paradigm_httplib_INCLUDE_DIRS}
    DEFINES ${_paradigm_httplib_CFLAGS_OTHER})
  set(PARADIGM_EMULATOR_LINKS ${PARADIGM_HTTPLIB_LINKS})
endif()

# GoogleTest and gMock: every test, and the testing kit.
set(PARADIGM_GTEST_LINKS ON)
if(PARADIGM_BUILD_TESTS OR PARADIGM_BUILD_TESTING_KIT)
  find_package(GTest QUIET)
  if(GTest_FOUND AND TARGET GTest::gmock)
    paradigm_try_link(PARADIGM_GTEST_LINK_CHECK [[
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>
TEST(Toolchain, Links) { EXPECT_THAT(std::string("abc"), ::testing::HasSubstr("b")); }
]]
      LIBRARIES GTest::gmock GTest::gtest_main GTest::gtest)
    set(PARADIGM_GTEST_LINKS ${PARADIGM_GTEST_LINK_CHECK})
  endif()
endif()

if(NOT PARADIGM_GTEST_LINKS AND (PARADIGM_BUILD_TESTS OR PARADIGM_BUILD_TESTING_KIT))
  get_target_property(_paradigm_gtest_location GTest::gtest LOCATION)
  message(WARNING
    "GoogleTest (${_paradigm_gtest_location}) does not link with ${_paradigm_toolchain}: it was "
    "built for another C++ standard library (Debian's is built for libstdc++). Left out: the "
    "tests and the testing kit (PARADIGM_BUILD_TESTS and PARADIGM_BUILD_TESTING_KIT are OFF). "
    "To build them, build GoogleTest with this toolchain from /usr/src/googletest and pass its "
    "prefix in CMAKE_PREFIX_PATH, as scripts/clang-libcxx.sh does "
    "(details: ${_paradigm_check_dir}/PARADIGM_GTEST_LINK_CHECK.log).")
  set(PARADIGM_BUILD_TESTS OFF)
  set(PARADIGM_BUILD_TESTING_KIT OFF)
endif()

if(NOT PARADIGM_EMULATOR_LINKS)
  message(WARNING
    "cpp-httplib (${_paradigm_httplib_LINK_LIBRARIES}) does not link with ${_paradigm_toolchain}: "
    "it was built for another C++ standard library (Debian's is built for libstdc++). Left out: "
    "the emulator (paradigm-mock, paradigm::mock), the testing kit (PARADIGM_BUILD_TESTING_KIT is "
    "OFF), the benchmarks and the tests that need a server (mock, integration, smoke, cli); the "
    "library, the CLI and the examples are built, and the unit tests when GoogleTest links. To "
    "build the rest, give a "
    "cpp-httplib built with this toolchain (PKG_CONFIG_PATH), or use g++ or clang with libstdc++ "
    "(details: ${_paradigm_check_dir}/PARADIGM_HTTPLIB_LINKS.log).")
  set(PARADIGM_BUILD_TESTING_KIT OFF)
  set(PARADIGM_BUILD_BENCH OFF)
endif()
