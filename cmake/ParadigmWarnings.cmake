# Warning flags for the project's own targets (never for dependencies).
function(paradigm_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
      -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
    # Not -Wnull-dereference: GCC reports it from inside nlohmann/json.hpp.
    if(PARADIGM_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${PARADIGM_WARNINGS_AS_ERRORS}>:/WX>)
  endif()
endfunction()
