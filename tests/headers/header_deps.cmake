# Shared by the header checks: compile a header on its own and list every
# header it reads.

# header_deps(HEADER OUT): the headers that `#include <HEADER>` reads,
# with -std=c++17 and the directories of INCLUDE_DIRS; stops with an error
# when it does not compile on its own. Writes its test file in WORK_DIR.
function(header_deps header out)
  set(flags -std=c++17 -DPARADIGM_STATIC_DEFINE)
  foreach(dir IN LISTS INCLUDE_DIRS)
    list(APPEND flags "-I${dir}")
  endforeach()
  string(REPLACE "/" "_" file_name "${header}")
  set(source "${WORK_DIR}/${file_name}.cpp")
  file(MAKE_DIRECTORY "${WORK_DIR}")
  file(WRITE "${source}" "#include <${header}>\n")
  # -fsyntax-only compiles the header (-M alone would only preprocess it).
  execute_process(COMMAND "${CXX}" ${flags} -fsyntax-only -MD -MF "${source}.d" "${source}"
    RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "<${header}> does not compile on its own:\n${err}")
  endif()
  file(READ "${source}.d" deps)
  set(${out} "${deps}" PARENT_SCOPE)
endfunction()
