#!/usr/bin/env bash
# Makes the Debian packages with CPack into a directory:
#   libparadigm0.2   the shared library
#   libparadigm-dev  headers, CMake package, pkg-config file
#   paradigm-cli     the paradigm command-line tool and the paradigm-mock emulator
#   libparadigm-testing-dev  the testing kit (find_package(paradigm COMPONENTS testing))
#
#   scripts/package.sh [OUTDIR]          default build/debs
#   PARADIGM_PACKAGE_BUILD=DIR scripts/package.sh ...
#                                        package that build tree instead of
#                                        build/package (scripts/test.sh uses its
#                                        own, configured the same way)
#
# Then: sudo dpkg -i build/debs/*.deb   (sudo apt-get install -f for what they need)
set -euo pipefail
source "$(dirname "$0")/common.sh"

out="${1:-$PARADIGM_ROOT/build/debs}"
build="${PARADIGM_PACKAGE_BUILD:-$PARADIGM_ROOT/build/package}"
# dpkg-shlibdeps (dpkg-dev) computes the dependencies; CPack needs `file`.
ensure_packages "${PARADIGM_PACKAGES[@]}" dpkg-dev file

# A shared library for /usr (GNUInstallDirs then uses Debian's multiarch
# lib/x86_64-linux-gnu, and paradigm.pc says prefix=/usr).
# Only what the packages ship is built, also in a tree with the tests
# (cpack then builds nothing more: CMAKE_SKIP_INSTALL_ALL_DEPENDENCY).
options=(-DBUILD_SHARED_LIBS=ON -DCMAKE_INSTALL_PREFIX=/usr -DPARADIGM_BUILD_EXAMPLES=ON
  -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON)
[ -z "${PARADIGM_PACKAGE_BUILD:-}" ] && options+=(-DPARADIGM_BUILD_TESTS=OFF)
configure_build "$build" "${options[@]}"
cmake --build "$build" --parallel "$PARADIGM_JOBS" --target paradigm_packaged

# CPack leaves its staging tree beside the packages: keep OUTDIR to the .debs.
rm -rf "$out"
mkdir -p "$out"
staging="$build/cpack"
rm -rf "$staging"
(cd "$build" && cpack -G DEB -B "$staging" >/dev/null)
mv "$staging"/*.deb "$out/"
rm -rf "$staging"
log "Debian packages in $out:"
ls -1 "$out"/*.deb
