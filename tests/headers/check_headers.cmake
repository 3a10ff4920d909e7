# One column of the header matrix: every public header, alone, compiles with
# one compiler, standard library and C++ standard, warning-free; and none but
# the opt-in json.hpp pulls in libcurl or the full nlohmann/json (the
# "header-light" promise). One compile per header: -fsyntax-only -MD both
# checks the code and lists every header the translation unit reads.
# Converting a type that is not a model type fails to compile, and says why.
# The C++20-only headers (coro.hpp) are compiled in the C++20 and C++23
# columns; in the C++17 one they must stop with a clear error. asio.hpp
# needs Asio (libasio-dev) on the include path.
#   -DCXX=compiler -DCXX_FLAGS="-stdlib=libc++" -DSTD=c++20 -DWARNING_FLAGS="..."
#   -DINCLUDE_DIRS="a;b" -DHEADER_DIR=include/paradigm -DWORK_DIR=...

file(GLOB headers "${HEADER_DIR}/*.hpp")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(flags ${CXX_FLAGS} -std=${STD} -DPARADIGM_STATIC_DEFINE ${WARNING_FLAGS} -Werror -fsyntax-only)
foreach(dir IN LISTS INCLUDE_DIRS)
  list(APPEND flags "-I${dir}")
endforeach()

set(cxx20_headers coro.hpp)
foreach(header IN LISTS headers)
  get_filename_component(name "${header}" NAME)
  set(source "${WORK_DIR}/${name}.cpp")
  list(FIND cxx20_headers "${name}" cxx20_only)
  if(NOT cxx20_only EQUAL -1 AND STD STREQUAL "c++17")
    file(WRITE "${source}" "#include <paradigm/${name}>\n")
    execute_process(COMMAND "${CXX}" ${flags} "${source}" RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_QUIET)
    if(code EQUAL 0 OR NOT err MATCHES "needs C\\+\\+20")
      message(FATAL_ERROR "<paradigm/${name}> as C++17: expected its \"needs C++20\" error, got:\n${err}")
    endif()
    continue()
  endif()
  set(depfile "${WORK_DIR}/${name}.d")
  file(WRITE "${source}" "#include <paradigm/${name}>\n")
  execute_process(COMMAND "${CXX}" ${flags} -MD -MF "${depfile}" "${source}"
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "<paradigm/${name}> does not compile on its own with ${CXX} ${CXX_FLAGS} -std=${STD}:\n${out}${err}")
  endif()
  file(READ "${depfile}" deps)
  if(deps MATCHES "curl/curl\\.h")
    message(FATAL_ERROR "<paradigm/${name}> includes <curl/curl.h>")
  endif()
  if(NOT name STREQUAL "json.hpp" AND deps MATCHES "nlohmann/json\\.hpp")
    message(FATAL_ERROR "<paradigm/${name}> includes the full <nlohmann/json.hpp>")
  endif()
  if(name STREQUAL "paradigm.hpp" AND NOT deps MATCHES "nlohmann/json_fwd\\.hpp")
    # The umbrella header must reach only the forward declarations.
    message(FATAL_ERROR "expected <paradigm/paradigm.hpp> to use <nlohmann/json_fwd.hpp>")
  endif()
endforeach()

# The testing kit's headers (TESTING_HEADER_DIRS, may be empty) compile alone
# the same way; check_testing_headers.cmake holds them to their own rules.
set(testing_headers "")
foreach(dir IN LISTS TESTING_HEADER_DIRS)
  file(GLOB found "${dir}/*.hpp")
  list(APPEND testing_headers ${found})
endforeach()
foreach(header IN LISTS testing_headers)
  get_filename_component(name "${header}" NAME)
  set(source "${WORK_DIR}/testing_${name}.cpp")
  file(WRITE "${source}" "#include <paradigm/testing/${name}>\n")
  execute_process(COMMAND "${CXX}" ${flags} "${source}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "<paradigm/testing/${name}> does not compile on its own with ${CXX} ${CXX_FLAGS} -std=${STD}:\n${out}${err}")
  endif()
endforeach()
list(LENGTH testing_headers testing_count)

# from_json / to_json of an unsupported type: a static_assert naming the list.
function(expect_unsupported name snippet expected)
  set(source "${WORK_DIR}/${name}.cpp")
  file(WRITE "${source}" "#include <paradigm/serialize.hpp>\n${snippet}\n")
  execute_process(COMMAND "${CXX}" ${flags} -fsyntax-only "${source}"
    RESULT_VARIABLE code OUTPUT_QUIET ERROR_VARIABLE err)
  if(code EQUAL 0)
    message(FATAL_ERROR "${name}: expected a compile error")
  endif()
  if(NOT err MATCHES "${expected}")
    message(FATAL_ERROR "${name}: expected \"${expected}\" in the compile error:\n${err}")
  endif()
endfunction()
expect_unsupported(from_json_of_a_request
  "auto request = paradigm::from_json<paradigm::TurnRequest>(\"{}\");" "is not a model type")
expect_unsupported(to_json_of_options
  "auto text = paradigm::to_json(paradigm::ListOptions{});" "is not a model or request type")

list(LENGTH headers count)
message(STATUS "${count} public headers and ${testing_count} testing headers compile alone with ${CXX} ${CXX_FLAGS} -std=${STD} and are header-light")
