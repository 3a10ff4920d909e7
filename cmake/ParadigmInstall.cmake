# Install rules: headers, library, CMake package (paradigm::paradigm) and paradigm.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(PARADIGM_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/paradigm")

# Components: see cmake/ParadigmPackaging.cmake (what names none is "development").
install(TARGETS paradigm
  EXPORT paradigmTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/paradigm"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.inc")
install(DIRECTORY "${PROJECT_BINARY_DIR}/include/paradigm"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")

install(EXPORT paradigmTargets
  NAMESPACE paradigm::
  FILE paradigmTargets.cmake
  DESTINATION ${PARADIGM_CMAKE_DIR})

if(BUILD_SHARED_LIBS)
  set(PARADIGM_STATIC_PACKAGE OFF)
else()
  set(PARADIGM_STATIC_PACKAGE ON)
endif()
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/paradigmConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/paradigmConfig.cmake"
  INSTALL_DESTINATION ${PARADIGM_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/paradigmConfigVersion.cmake"
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/paradigmConfig.cmake"
  "${PROJECT_BINARY_DIR}/paradigmConfigVersion.cmake"
  DESTINATION ${PARADIGM_CMAKE_DIR})

# pkg-config: `pkg-config --cflags --libs paradigm` (the README's line) must
# link a program against what is installed. A shared libparadigm links
# libcurl itself, so its users need no libcurl.pc (pkg-config reads Requires
# even for --cflags, and would fail without libcurl's development package). A
# static one is all there is: every program needs libcurl and the threads
# library at its link, so they are in Requires and Libs, not in the .private
# fields that only `--static` reads.
if(BUILD_SHARED_LIBS)
  set(PARADIGM_PC_REQUIRES "nlohmann_json")
  set(PARADIGM_PC_LIBS_EXTRA "")
  set(PARADIGM_PC_CFLAGS_EXTRA "")
else()
  set(PARADIGM_PC_REQUIRES "nlohmann_json libcurl")
  set(PARADIGM_PC_LIBS_EXTRA "-lpthread")
  set(PARADIGM_PC_CFLAGS_EXTRA "-DPARADIGM_STATIC_DEFINE")
endif()
# The prefix is the one of the install (`cmake --install build --prefix
# /opt/paradigm`), known only then: the file is written by the install step,
# from a template whose other values are known now.
set(PARADIGM_PC_PREFIX "@PARADIGM_PC_INSTALL_PREFIX@")
configure_file("${PROJECT_SOURCE_DIR}/cmake/paradigm.pc.in" "${PROJECT_BINARY_DIR}/paradigm.pc.in" @ONLY)
install(CODE "
  set(PARADIGM_PC_INSTALL_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${PROJECT_BINARY_DIR}/paradigm.pc.in\" \"${PROJECT_BINARY_DIR}/paradigm.pc\" @ONLY)"
  COMPONENT development)
install(FILES "${PROJECT_BINARY_DIR}/paradigm.pc"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
