# Public headers: each compiles on its own, and none but the opt-in json.hpp
# pulls in libcurl or the full nlohmann/json (the "header-light" promise).
#   -DCXX=compiler -DINCLUDE_DIRS="a;b" -DHEADER_DIR=include/paradigm -DWORK_DIR=...

include("${CMAKE_CURRENT_LIST_DIR}/header_deps.cmake")
file(GLOB headers "${HEADER_DIR}/*.hpp")

foreach(header IN LISTS headers)
  get_filename_component(name "${header}" NAME)
  header_deps("paradigm/${name}" deps)
  if(deps MATCHES "curl/curl\\.h")
    message(FATAL_ERROR "<paradigm/${name}> includes <curl/curl.h>")
  endif()
  if(NOT name STREQUAL "json.hpp" AND deps MATCHES "nlohmann/json\\.hpp")
    message(FATAL_ERROR "<paradigm/${name}> includes the full <nlohmann/json.hpp>")
  endif()
endforeach()

# The umbrella header must reach only the forward declarations.
header_deps("paradigm/paradigm.hpp" deps)
if(NOT deps MATCHES "nlohmann/json_fwd\\.hpp")
  message(FATAL_ERROR "expected <paradigm/paradigm.hpp> to use <nlohmann/json_fwd.hpp>")
endif()
list(LENGTH headers count)
message(STATUS "${count} public headers are self-contained and header-light")
