# MockThreadsConnection mocks every operation of ThreadsConnection. The
# mock's `override`s already make a renamed or removed operation a compile
# error; this catches the other direction: an operation added to
# <paradigm/connection.hpp> and not mocked.
#   -DCONNECTION=include/paradigm/connection.hpp -DMOCK=.../mock_connection.hpp

function(names_in file regex out)
  file(READ "${file}" text)
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")  # comments
  string(REGEX REPLACE "[ \t\r\n]+" " " text "${text}")
  string(REGEX MATCHALL "${regex}" matches "${text}")
  set(names "")
  foreach(match IN LISTS matches)
    string(REGEX REPLACE "${regex}" "\\1" name "${match}")
    list(APPEND names "${name}")
  endforeach()
  list(SORT names)
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

# `virtual <return type> name(`; the destructor's name is not snake_case.
names_in("${CONNECTION}" "virtual [^;(]*[ &*>]([a-z_]+)\\(" operations)
# `MOCK_METHOD(<return type>, name,`
names_in("${MOCK}" "MOCK_METHOD\\([^,]+, ([a-z_]+)," mocked)

list(LENGTH operations count)
if(count LESS 20)
  message(FATAL_ERROR "found only ${count} operations in ${CONNECTION}: is the pattern stale?")
endif()
if(NOT operations STREQUAL mocked)
  set(missing ${operations})
  list(REMOVE_ITEM missing ${mocked})
  message(FATAL_ERROR "MockThreadsConnection does not mock every operation of ThreadsConnection.\n"
                      "  operations: ${operations}\n  mocked:     ${mocked}\n  missing:    ${missing}")
endif()
message(STATUS "MockThreadsConnection mocks the ${count} operations of ThreadsConnection")
