# Debian packages with CPack: `cpack -G DEB` in a shared build configured for
# /usr, or scripts/package.sh which does both. Each install component lands in
# one package (a CPack group):
#
#   component     package            contents
#   runtime       libparadigm0.2     libparadigm.so.0.2[.0]; the name carries the SONAME's
#                                    version (Debian policy 8.1), so 0.3 can be installed beside it
#   development   libparadigm-dev    headers, the libparadigm.so link, CMake package, paradigm.pc;
#                                    also every component not named in this table
#   cli, mock     paradigm-cli       bin/paradigm and bin/paradigm-mock (the emulator)
#   testing       libparadigm-testing-dev  the testing kit: paradigm::testing, paradigm::mock,
#                                    their headers and CMake files (COMPONENTS testing)
#
# Each package has /usr/share/doc/<package>/ with the Debian changelog
# (packaging/debian/changelog) and copyright (from LICENSE).
if(NOT BUILD_SHARED_LIBS)
  message(STATUS "Debian packages: made from a shared build only (-DBUILD_SHARED_LIBS=ON)")
  return()
endif()

# What the packages ship, built without the rest of the tree (the tests):
# `cmake --build . --target paradigm_packaged`, then `cpack` in a tree
# configured with -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON (scripts/package.sh).
add_custom_target(paradigm_packaged)
foreach(_paradigm_target paradigm paradigm_cli paradigm_testing paradigm_mock paradigm-mock)
  if(TARGET ${_paradigm_target})
    add_dependencies(paradigm_packaged ${_paradigm_target})
  endif()
endforeach()

set(PARADIGM_PACKAGE_MAINTAINER "paradigm-cpp maintainers <maintainers@paradigm-cpp.invalid>"
  CACHE STRING "Maintainer field of the Debian packages")

get_target_property(_paradigm_soversion paradigm SOVERSION)
set(PARADIGM_RUNTIME_PACKAGE "libparadigm${_paradigm_soversion}")
set(PARADIGM_DEBIAN_RELEASE 1)
set(PARADIGM_DEBIAN_VERSION "${PROJECT_VERSION}-${PARADIGM_DEBIAN_RELEASE}")

# --- Package documentation -------------------------------------------------
set(_paradigm_doc_dir "${PROJECT_BINARY_DIR}/packaging")
file(MAKE_DIRECTORY "${_paradigm_doc_dir}")
set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/packaging/debian/changelog" "${PROJECT_SOURCE_DIR}/LICENSE"
  "${PROJECT_SOURCE_DIR}/CHANGELOG.md")

# The top entry of the Debian changelog must be this very package version.
file(STRINGS "${PROJECT_SOURCE_DIR}/packaging/debian/changelog" _paradigm_changelog_top LIMIT_COUNT 1)
if(NOT _paradigm_changelog_top MATCHES "\\(${PARADIGM_DEBIAN_VERSION}\\)")
  message(WARNING "packaging/debian/changelog starts with '${_paradigm_changelog_top}': "
    "add an entry for ${PARADIGM_DEBIAN_VERSION} before making packages")
endif()

# copyright in the machine-readable format: the LICENSE text as its License paragraph.
file(READ "${PROJECT_SOURCE_DIR}/LICENSE" _paradigm_license)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]*)" _paradigm_match "${_paradigm_license}")
set(PARADIGM_COPYRIGHT "${CMAKE_MATCH_1}")
string(REGEX REPLACE "^.*Copyright \\(c\\) [^\n]*\n+" "" _paradigm_license "${_paradigm_license}")
string(STRIP "${_paradigm_license}" _paradigm_license)
string(REGEX REPLACE "\n\n" "\n.\n" _paradigm_license "${_paradigm_license}")
string(REGEX REPLACE "\n" "\n " PARADIGM_LICENSE_TEXT " ${_paradigm_license}")
configure_file("${PROJECT_SOURCE_DIR}/packaging/debian/copyright.in" "${_paradigm_doc_dir}/copyright" @ONLY)

# Debian wants the changelogs compressed with gzip -9n (no name, no time:
# the same bytes on every build).
find_program(PARADIGM_GZIP gzip)
if(NOT PARADIGM_GZIP)
  message(WARNING "gzip not found: the Debian packages will lack their changelogs")
endif()
function(paradigm_gzip source destination)
  if(PARADIGM_GZIP)
    execute_process(COMMAND "${PARADIGM_GZIP}" -9nc "${source}" OUTPUT_FILE "${destination}"
      COMMAND_ERROR_IS_FATAL ANY)
  endif()
endfunction()
paradigm_gzip("${PROJECT_SOURCE_DIR}/packaging/debian/changelog" "${_paradigm_doc_dir}/changelog.Debian.gz")
paradigm_gzip("${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${_paradigm_doc_dir}/changelog.gz")

# EXCLUDE_FROM_ALL: in the packages (per-component installs), not in a plain
# `cmake --install`.
function(paradigm_package_docs component package)
  set(files "${_paradigm_doc_dir}/copyright")
  if(PARADIGM_GZIP)
    list(APPEND files "${_paradigm_doc_dir}/changelog.Debian.gz" ${ARGN})
  endif()
  install(FILES ${files} DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${package}"
    COMPONENT ${component} EXCLUDE_FROM_ALL)
endfunction()
paradigm_package_docs(runtime "${PARADIGM_RUNTIME_PACKAGE}")
paradigm_package_docs(development libparadigm-dev "${_paradigm_doc_dir}/changelog.gz")
paradigm_package_docs(cli paradigm-cli)
if(PARADIGM_BUILD_TESTING_KIT)
  paradigm_package_docs(testing libparadigm-testing-dev)
endif()

# --- Components into packages ----------------------------------------------
get_cmake_property(CPACK_COMPONENTS_ALL COMPONENTS)
foreach(_paradigm_component IN LISTS CPACK_COMPONENTS_ALL)
  string(TOUPPER "${_paradigm_component}" _paradigm_upper)
  if(_paradigm_component STREQUAL "runtime")
    set(CPACK_COMPONENT_${_paradigm_upper}_GROUP runtime)
  elseif(_paradigm_component MATCHES "^(cli|mock)$")
    set(CPACK_COMPONENT_${_paradigm_upper}_GROUP cli)
  elseif(_paradigm_component STREQUAL "testing")
    set(CPACK_COMPONENT_${_paradigm_upper}_GROUP testing)
  else()
    set(CPACK_COMPONENT_${_paradigm_upper}_GROUP development)
  endif()
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_PACKAGE_NAME paradigm)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${PARADIGM_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
# CPackDeb puts any summary but its default one on the first line of every
# package's description; each package has its own summary line instead.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${PARADIGM_DEBIAN_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SOURCE paradigm-cpp)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Dependencies on other libraries come from dpkg-shlibdeps (dpkg-dev); it must
# find libparadigm.so.0.2 for the CLI, in the build tree.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
get_target_property(_paradigm_library_dir paradigm LIBRARY_OUTPUT_DIRECTORY)
if(NOT _paradigm_library_dir)
  get_target_property(_paradigm_library_dir paradigm BINARY_DIR)
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${_paradigm_library_dir}")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "${PARADIGM_RUNTIME_PACKAGE}")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
# A shlibs file, so that packages built against this one depend on it (only
# the runtime package has a shared object to describe).
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
  "C++ client for the LightOn Paradigm Threads API (shared library)
paradigm-cpp is a C++17 client SDK for the v3 Threads API of LightOn Paradigm:
threads and turns, 202 and background waiting, streaming, retries, artifact
downloads, typed errors.
This package contains the shared library.")

# What compiling and linking against the shared library needs: the public
# headers include <nlohmann/json_fwd.hpp>, and paradigmConfig.cmake finds
# nlohmann_json. libcurl is a private dependency of the .so (dpkg-shlibdeps
# puts libcurl4 in the runtime package), so no libcurl development package.
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libparadigm-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
  "${PARADIGM_RUNTIME_PACKAGE} (= ${PARADIGM_DEBIAN_VERSION}), nlohmann-json3-dev (>= 3.9)")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
  "C++ client for the LightOn Paradigm Threads API (development files)
paradigm-cpp is a C++17 client SDK for the v3 Threads API of LightOn Paradigm.
This package contains the headers, the CMake package (find_package(paradigm))
and the pkg-config file (paradigm.pc).")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME paradigm-cli)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
# dpkg-shlibdeps finds the other libraries; libparadigm is not installed while
# packaging, so this one is stated (any 0.2.x: the same SONAME, the same ABI).
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "${PARADIGM_RUNTIME_PACKAGE} (>= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_CLI_DESCRIPTION
  "command-line client for the LightOn Paradigm Threads API
The paradigm command asks Paradigm's agents questions, streams answers, waits
for background turns and downloads artifacts, from a shell. paradigm-mock
emulates a Paradigm server on loopback, for tests and demos.")

# The testing kit: static libraries linked into a user's tests. Its CMake
# files import /usr/bin/paradigm-mock (paradigm-cli) and find GoogleTest,
# cpp-httplib and zlib, so it depends on their development packages.
set(CPACK_DEBIAN_TESTING_PACKAGE_NAME libparadigm-testing-dev)
set(CPACK_DEBIAN_TESTING_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_TESTING_PACKAGE_DEPENDS
  "libparadigm-dev (= ${PARADIGM_DEBIAN_VERSION}), paradigm-cli (= ${PARADIGM_DEBIAN_VERSION}), libgtest-dev, libgmock-dev, libcpp-httplib-dev, zlib1g-dev")
set(CPACK_DEBIAN_TESTING_DESCRIPTION
  "C++ client for the LightOn Paradigm Threads API (testing kit)
paradigm-cpp is a C++17 client SDK for the v3 Threads API of LightOn Paradigm.
This package contains its testing kit: a gMock ThreadsConnection, builders of
turns, threads, pages and streams, and the emulator as a library
(find_package(paradigm COMPONENTS testing)).")

include(CPack)
