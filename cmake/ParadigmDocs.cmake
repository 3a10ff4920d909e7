# `cmake --build . --target docs` generates the API reference from the public
# headers with Doxygen (docs/Doxyfile.in). Not part of the default build.
find_package(Doxygen QUIET)
if(DOXYGEN_FOUND AND PARADIGM_IS_TOP_LEVEL)
  set(PARADIGM_DOXYGEN_OUTPUT "${PROJECT_BINARY_DIR}/docs/api")
  configure_file("${PROJECT_SOURCE_DIR}/docs/Doxyfile.in" "${PROJECT_BINARY_DIR}/Doxyfile" @ONLY)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E make_directory "${PARADIGM_DOXYGEN_OUTPUT}"
    COMMAND Doxygen::doxygen "${PROJECT_BINARY_DIR}/Doxyfile"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    COMMENT "API reference -> ${PARADIGM_DOXYGEN_OUTPUT}/html/index.html"
    VERBATIM)
endif()
