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

# pkg-config: a shared libparadigm links libcurl itself, so its users need no
# libcurl.pc (pkg-config reads Requires.private even for --cflags, and would
# fail without libcurl's development package); a static one needs libcurl at
# the user's link time.
if(BUILD_SHARED_LIBS)
  set(PARADIGM_PC_LIBS_PRIVATE "")
  set(PARADIGM_PC_REQUIRES_PRIVATE "")
else()
  set(PARADIGM_PC_LIBS_PRIVATE "-lpthread")
  set(PARADIGM_PC_REQUIRES_PRIVATE "libcurl")
endif()
if(NOT BUILD_SHARED_LIBS)
  set(PARADIGM_PC_CFLAGS_EXTRA "-DPARADIGM_STATIC_DEFINE")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/paradigm.pc.in"
  "${PROJECT_BINARY_DIR}/paradigm.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/paradigm.pc"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
