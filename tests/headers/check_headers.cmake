# One column of the header matrix: every public header, alone, compiles with
# one compiler, standard library and C++ standard, warning-free; and none but
# the opt-in json.hpp pulls in libcurl or the full nlohmann/json (the
# "header-light" promise). One compile per header: -fsyntax-only -MD both
# checks the code and lists every header the translation unit reads.
#   -DCXX=compiler -DCXX_FLAGS="-stdlib=libc++" -DSTD=c++20 -DWARNING_FLAGS="..."
#   -DINCLUDE_DIRS="a;b" -DHEADER_DIR=include/paradigm -DWORK_DIR=...

file(GLOB headers "${HEADER_DIR}/*.hpp")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(flags ${CXX_FLAGS} -std=${STD} -DPARADIGM_STATIC_DEFINE ${WARNING_FLAGS} -Werror -fsyntax-only)
foreach(dir IN LISTS INCLUDE_DIRS)
  list(APPEND flags "-I${dir}")
endforeach()

foreach(header IN LISTS headers)
  get_filename_component(name "${header}" NAME)
  set(source "${WORK_DIR}/${name}.cpp")
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
list(LENGTH headers count)
message(STATUS "${count} public headers compile alone with ${CXX} ${CXX_FLAGS} -std=${STD} and are header-light")
