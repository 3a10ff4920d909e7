# Configuring with clang + libc++ at the defaults leaves out, with a message,
# what needs Debian's cpp-httplib or GoogleTest (built for libstdc++), instead
# of failing the build when it links the emulator.
#   cmake -DSOURCE_DIR=... -DWORK_DIR=... -DCXX=clang++ -P libcxx_defaults.cmake

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}\n${err}")
  endif()
  set(LAST_OUTPUT "${out}${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}" -G "Unix Makefiles" -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_CXX_FLAGS=-stdlib=libc++ -DCMAKE_EXE_LINKER_FLAGS=-stdlib=libc++
    -DCMAKE_SHARED_LINKER_FLAGS=-stdlib=libc++)
string(REGEX REPLACE "[ \n]+" " " configure_output "${LAST_OUTPUT}")
if(NOT configure_output MATCHES "cpp-httplib .* does not link with Clang")
  message(FATAL_ERROR "configure did not say that cpp-httplib does not link:\n${LAST_OUTPUT}")
endif()

# What `cmake --build` (the `all` target) builds, without building it: the
# directories the generated Makefile2 makes `all` depend on.
file(STRINGS "${WORK_DIR}/CMakeFiles/Makefile2" all_rules REGEX "^all: ")
if(NOT all_rules MATCHES "all: src/all" OR NOT all_rules MATCHES "all: examples/all")
  message(FATAL_ERROR "the default build does not build the library and the examples: ${all_rules}")
endif()
if(all_rules MATCHES "testing/all" OR all_rules MATCHES "tests/all")
  message(FATAL_ERROR "the default build still builds the emulator or the tests: ${all_rules}")
endif()
message(STATUS "clang + libc++ at the defaults: the emulator and what needs it are left out, with a message")
