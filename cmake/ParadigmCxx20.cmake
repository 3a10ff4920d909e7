# Targets that use the optional headers: <paradigm/asio.hpp> (Asio's headers,
# Debian's libasio-dev) and <paradigm/coro.hpp> (C++20 over the C++17
# library): their tests and examples.
#
# paradigm_asio_target(TARGET): TARGET includes Asio.
# paradigm_cxx20_target(TARGET [ASIO]): TARGET is C++20 (with ASIO: and includes Asio).
include_guard(GLOBAL)

find_path(PARADIGM_ASIO_INCLUDE_DIR asio.hpp)

function(paradigm_asio_target target)
  target_include_directories(${target} PRIVATE ${PARADIGM_ASIO_INCLUDE_DIR})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND "thread" IN_LIST PARADIGM_SANITIZE)
    # Asio's fenced blocks use std::atomic_thread_fence, which GCC warns
    # ThreadSanitizer does not model.
    target_compile_options(${target} PRIVATE -Wno-tsan)
  endif()
endfunction()

function(paradigm_cxx20_target target)
  cmake_parse_arguments(CXX20 "ASIO" "" "" ${ARGN})
  set_target_properties(${target} PROPERTIES CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 15
     AND "undefined" IN_LIST PARADIGM_SANITIZE)
    # clang 14 cannot place -fsanitize=function's data before the parts a
    # coroutine is split into ("Cannot represent a difference across sections").
    target_compile_options(${target} PRIVATE -fno-sanitize=function)
  endif()
  if(CXX20_ASIO)
    paradigm_asio_target(${target})
    # Asio 1.22 finds co_await on clang only with <experimental/coroutine>
    # (libc++'s); with libstdc++ it is told that <coroutine> is there.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND NOT CMAKE_CXX_FLAGS MATCHES "-stdlib=libc\\+\\+")
      target_compile_definitions(${target} PRIVATE ASIO_HAS_CO_AWAIT=1 ASIO_HAS_STD_COROUTINE=1)
    endif()
  endif()
endfunction()
