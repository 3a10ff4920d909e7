# Warning flags for the project's own targets (never for dependencies).
# Also what tests/headers compiles each public header with, as a strict user would.
set(PARADIGM_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)

function(paradigm_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE ${PARADIGM_WARNING_FLAGS})
    # Not -Wnull-dereference: GCC reports it from inside nlohmann/json.hpp.
    if(PARADIGM_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # GCC 12 reports false positives inside <regex> and <functional> once
      # the sanitizers' instrumentation changes what it can prove.
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
    if(PARADIGM_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${PARADIGM_WARNINGS_AS_ERRORS}>:/WX>)
  endif()
endfunction()
