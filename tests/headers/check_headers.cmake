# Public headers: each compiles on its own, and none but the opt-in json.hpp
# pulls in libcurl or the full nlohmann/json (the "header-light" promise).
# Converting a type that is not a model type fails to compile, and says why.
#   -DCXX=compiler -DINCLUDE_DIRS="a;b" -DHEADER_DIR=include/paradigm -DWORK_DIR=...

include("${CMAKE_CURRENT_LIST_DIR}/header_deps.cmake")
set(flags -std=c++17 -DPARADIGM_STATIC_DEFINE)
foreach(dir IN LISTS INCLUDE_DIRS)
  list(APPEND flags "-I${dir}")
endforeach()
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
message(STATUS "${count} public headers are self-contained and header-light")
