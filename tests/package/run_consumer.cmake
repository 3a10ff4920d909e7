# Builds and runs tests/package/consumer against paradigm.
#   MODE=find_package     : install PARADIGM_BUILD_DIR into a temporary prefix,
#                           then find_package(paradigm CONFIG REQUIRED); also the
#                           README's pkg-config line, compiling and linking with
#                           the compiler CXX (and CXX_FLAGS) alone.
#   MODE=add_subdirectory : the consumer adds PARADIGM_SOURCE_DIR as a subdirectory,
#                           with BUILD_SHARED_LIBS=ON (checks exported symbols
#                           with check_exports.sh; needs PARADIGM_VERSION).
#   MODE=testing_kit      : install PARADIGM_BUILD_DIR, then build and run a test
#                           project with find_package(paradigm COMPONENTS testing).

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}\n${err}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

if(NOT BUILD_TYPE OR BUILD_TYPE STREQUAL "")
  set(BUILD_TYPE RelWithDebInfo)
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(consumer_build "${WORK_DIR}/consumer-build")

if(MODE STREQUAL "find_package")
  set(prefix "${WORK_DIR}/prefix")
  run(${CMAKE_COMMAND} --install "${PARADIGM_BUILD_DIR}" --prefix "${prefix}" --config ${BUILD_TYPE})
  run(${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${consumer_build}"
      -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_PREFIX_PATH=${prefix} -DCONSUMER_MODE=find_package)
  run(${CMAKE_COMMAND} --build "${consumer_build}" --config ${BUILD_TYPE})
  run("${consumer_build}/consumer")
  message(STATUS "${LAST_OUTPUT}")

  # The README's line, `c++ main.cpp $(pkg-config --cflags --libs paradigm)`,
  # builds a program that makes a call, against what this build installs
  # (static or shared), from the prefix given to `cmake --install`.
  find_program(PKG_CONFIG pkg-config)
  if(PKG_CONFIG)
    file(GLOB_RECURSE pc_file "${prefix}/*/paradigm.pc")
    get_filename_component(pc_dir "${pc_file}" DIRECTORY)
    set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
    run(${PKG_CONFIG} --cflags --libs paradigm)
    string(STRIP "${LAST_OUTPUT}" pc_flags)
    if(NOT pc_flags MATCHES "-lparadigm" OR NOT pc_flags MATCHES "-I${prefix}/include")
      message(FATAL_ERROR "pkg-config --cflags --libs paradigm gave: ${pc_flags} (installed in ${prefix})")
    endif()
    run(${PKG_CONFIG} --variable=libdir paradigm)
    string(STRIP "${LAST_OUTPUT}" pc_libdir)
    separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
    separate_arguments(extra_flags UNIX_COMMAND "${CXX_FLAGS}")
    run(${CXX} -std=c++17 ${extra_flags} "${CONSUMER_DIR}/main.cpp" -o "${WORK_DIR}/consumer-pkg-config" ${pc_flags}
        -Wl,-rpath,${pc_libdir})
    run("${WORK_DIR}/consumer-pkg-config")
    message(STATUS "pkg-config: ${LAST_OUTPUT}")
  endif()
elseif(MODE STREQUAL "add_subdirectory")
  # Builds the whole library from source, one translation unit per file (what
  # keeps each file's includes honest), unoptimised: what this test checks
  # (the consumer links and runs, the exports) does not depend on -O, and an
  # optimised build takes twice as long.
  run(${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${consumer_build}"
      -DCMAKE_BUILD_TYPE=None -DCMAKE_UNITY_BUILD=OFF -DCONSUMER_MODE=add_subdirectory
      -DPARADIGM_SOURCE_DIR=${PARADIGM_SOURCE_DIR} -DBUILD_SHARED_LIBS=ON)
  run(${CMAKE_COMMAND} --build "${consumer_build}" --config None --parallel 2)
  run("${consumer_build}/consumer")
  message(STATUS "${LAST_OUTPUT}")

  # Only the public API is exported from the shared library.
  file(GLOB_RECURSE shared_lib "${consumer_build}/*libparadigm.so")
  list(GET shared_lib 0 shared_lib)
  run(bash "${CMAKE_CURRENT_LIST_DIR}/check_exports.sh" "${shared_lib}" "${PARADIGM_VERSION}")
elseif(MODE STREQUAL "testing_kit")
  set(prefix "${WORK_DIR}/prefix")
  run(${CMAKE_COMMAND} --install "${PARADIGM_BUILD_DIR}" --prefix "${prefix}" --config ${BUILD_TYPE})
  if(NOT EXISTS "${prefix}/bin/paradigm-mock")
    message(FATAL_ERROR "paradigm-mock is not installed in ${prefix}/bin")
  endif()
  run(${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${consumer_build}"
      -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_PREFIX_PATH=${prefix})
  run(${CMAKE_COMMAND} --build "${consumer_build}" --config ${BUILD_TYPE})
  run("${consumer_build}/kit_consumer")
  message(STATUS "${LAST_OUTPUT}")
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
