# Public headers: each compiles on its own, and none but the opt-in json.hpp
# pulls in libcurl or the full nlohmann/json (the "header-light" promise).
#   -DCXX=compiler -DINCLUDE_DIRS="a;b" -DHEADER_DIR=include/paradigm -DWORK_DIR=...

file(GLOB headers "${HEADER_DIR}/*.hpp")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(flags -std=c++17 -DPARADIGM_STATIC_DEFINE)
foreach(dir IN LISTS INCLUDE_DIRS)
  list(APPEND flags "-I${dir}")
endforeach()

foreach(header IN LISTS headers)
  get_filename_component(name "${header}" NAME)
  set(source "${WORK_DIR}/${name}.cpp")
  file(WRITE "${source}" "#include <paradigm/${name}>\n")
  # -M lists every header the translation unit reads.
  execute_process(COMMAND "${CXX}" ${flags} -M "${source}"
    RESULT_VARIABLE code OUTPUT_VARIABLE deps ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "<paradigm/${name}> does not compile on its own:\n${err}")
  endif()
  if(deps MATCHES "curl/curl\\.h")
    message(FATAL_ERROR "<paradigm/${name}> includes <curl/curl.h>")
  endif()
  if(NOT name STREQUAL "json.hpp" AND deps MATCHES "nlohmann/json\\.hpp")
    message(FATAL_ERROR "<paradigm/${name}> includes the full <nlohmann/json.hpp>")
  endif()
endforeach()

# The umbrella header must reach only the forward declarations.
execute_process(COMMAND "${CXX}" ${flags} -M "${WORK_DIR}/paradigm.hpp.cpp" OUTPUT_VARIABLE deps)
if(NOT deps MATCHES "nlohmann/json_fwd\\.hpp")
  message(FATAL_ERROR "expected <paradigm/paradigm.hpp> to use <nlohmann/json_fwd.hpp>")
endif()
list(LENGTH headers count)
message(STATUS "${count} public headers are self-contained and header-light")
