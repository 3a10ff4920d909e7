# Install rules of the testing kit: the `testing` component of the CMake
# package (find_package(paradigm CONFIG COMPONENTS testing)), with
# paradigm::testing, paradigm::mock, the paradigm-mock executable (also as
# the imported target paradigm::paradigm-mock) and their headers. Kept out
# of ParadigmInstall.cmake: the kit has its own dependencies (GoogleTest,
# cpp-httplib, zlib), which the package looks for only when asked for it.
include(GNUInstallDirs)

#
# Install components (the Debian packages, cmake/ParadigmPackaging.cmake):
# `testing` for the libraries, headers and CMake files (libparadigm-testing-dev),
# `mock` for the paradigm-mock executable (paradigm-cli, beside `paradigm`).
install(TARGETS paradigm_testing paradigm_mock paradigm-mock
  EXPORT paradigmTestingTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT testing
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT testing
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT mock
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(DIRECTORY "${PROJECT_SOURCE_DIR}/testing/include/paradigm"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT testing
  FILES_MATCHING PATTERN "*.hpp")

install(EXPORT paradigmTestingTargets
  NAMESPACE paradigm::
  FILE paradigmTestingTargets.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/paradigm
  COMPONENT testing)
