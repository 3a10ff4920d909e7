# The testing kit's public headers: each compiles on its own, none pulls in
# cpp-httplib or libcurl (the emulator's header hides its server), and only
# the gMock connection needs GoogleTest.
#   -DCXX=compiler -DINCLUDE_DIRS="a;b;c" -DHEADER_DIRS="x;y" -DWORK_DIR=...

include("${CMAKE_CURRENT_LIST_DIR}/header_deps.cmake")
set(headers "")
foreach(dir IN LISTS HEADER_DIRS)
  file(GLOB found "${dir}/*.hpp")
  list(APPEND headers ${found})
endforeach()

foreach(header IN LISTS headers)
  get_filename_component(name "${header}" NAME)
  header_deps("paradigm/testing/${name}" deps)
  if(deps MATCHES "httplib\\.h" OR deps MATCHES "curl/curl\\.h")
    message(FATAL_ERROR "<paradigm/testing/${name}> includes cpp-httplib or libcurl")
  endif()
  if(NOT name STREQUAL "mock_connection.hpp" AND deps MATCHES "gtest|gmock")
    message(FATAL_ERROR "<paradigm/testing/${name}> includes GoogleTest")
  endif()
  if(deps MATCHES "nlohmann/json\\.hpp")
    message(FATAL_ERROR "<paradigm/testing/${name}> includes the full <nlohmann/json.hpp>")
  endif()
endforeach()
list(LENGTH headers count)
if(count LESS 3)
  message(FATAL_ERROR "found only ${count} testing headers in ${HEADER_DIRS}")
endif()
message(STATUS "${count} testing kit headers are self-contained and hide the emulator's server")
