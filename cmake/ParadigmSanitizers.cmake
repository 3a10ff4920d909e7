# PARADIGM_SANITIZE applies sanitizers to everything built in this tree, so the
# library, the mock server and the tests are instrumented together. Line
# numbers in the reports come from the build type's debug information
# (RelWithDebInfo, Debug, or -g1 in CMAKE_CXX_FLAGS_<CONFIG> as scripts/test.sh
# does): the sanitizers do not force full -g, which doubles compile times.
if(PARADIGM_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "PARADIGM_SANITIZE needs GCC or Clang")
  endif()
  string(REPLACE ";" "," _paradigm_sanitizers "${PARADIGM_SANITIZE}")
  set(_paradigm_san_flags -fsanitize=${_paradigm_sanitizers} -fno-omit-frame-pointer)
  if("undefined" IN_LIST PARADIGM_SANITIZE)
    list(APPEND _paradigm_san_flags -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${_paradigm_san_flags})
  add_link_options(-fsanitize=${_paradigm_sanitizers})
  message(STATUS "paradigm: sanitizers ${_paradigm_sanitizers}")
endif()
