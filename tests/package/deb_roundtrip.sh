#!/usr/bin/env bash
# The Debian packages as a user gets them: installs them into this machine
# with dpkg, builds a program against them from /usr (find_package(paradigm
# CONFIG) and pkg-config) and a test project with its testing kit
# (find_package(paradigm CONFIG COMPONENTS testing)), runs them and the
# installed CLI against the installed emulator, then purges the packages and
# checks that none of their files is left. The machine is restored even when
# a step fails (trap).
#
#   deb_roundtrip.sh DEB_DIR
#
# DEB_DIR holds the four .deb files of scripts/package.sh. Installing needs
# root: as another user the test is skipped (exit code 77).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
deb_dir="$1"
mock=/usr/bin/paradigm-mock  # from paradigm-cli

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: installing Debian packages with dpkg needs root" >&2
  exit 77
fi

shopt -s nullglob
debs=("$deb_dir"/*.deb)
[ ${#debs[@]} -eq 4 ] || fail "expected 4 packages in $deb_dir, found ${#debs[@]}"
packages=()
for deb in "${debs[@]}"; do packages+=("$(dpkg-deb -f "$deb" Package)"); done
for package in "${packages[@]}"; do
  # Purging it afterwards would not give the machine back as it was.
  if [ -n "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -v "not-installed")" ]; then
    fail "$package is already on this machine: remove it (dpkg --purge $package) and run again"
  fi
done

work="$(mktemp -d)"
installed=false
restore() {
  if $installed; then dpkg --purge "${packages[@]}" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap restore EXIT
trap 'exit 1' INT TERM HUP  # through the EXIT trap

# Every path the packages bring; directories such as /usr/share/doc may
# exist already, files must not.
for deb in "${debs[@]}"; do
  dpkg-deb -c "$deb" | awk '{ print $6 }' | sed -e 's|^\./|/|' -e 's|/$||' | grep -v '^$'
done | sort -u > "$work/paths"
: > "$work/existing"
while read -r path; do
  if [ -e "$path" ] || [ -L "$path" ]; then
    [ -d "$path" ] && [ ! -L "$path" ] || fail "$path exists before installing"
    echo "$path" >> "$work/existing"
  fi
done < "$work/paths"

echo "== dpkg -i ${packages[*]}"
installed=true
dpkg -i "${debs[@]}" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }

runtime=$(printf '%s\n' "${packages[@]}" | grep -E '^libparadigm[0-9]')
version=$(dpkg-query -W -f='${Version}' "$runtime")
# (Pipelines into grep -q would fail under pipefail when grep stops reading early.)
runtime_depends=$(dpkg-query -W -f='${Depends}' "$runtime")
dev_depends=$(dpkg-query -W -f='${Depends}' libparadigm-dev)
cli_depends=$(dpkg-query -W -f='${Depends}' paradigm-cli)
testing_depends=$(dpkg-query -W -f='${Depends}' libparadigm-testing-dev)
printf '%s: %s\nlibparadigm-dev: %s\nparadigm-cli: %s\nlibparadigm-testing-dev: %s\n' "$runtime" "$runtime_depends" \
  "$dev_depends" "$cli_depends" "$testing_depends"
grep -q 'libcurl4' <<< "$runtime_depends" || fail "$runtime does not depend on libcurl4 (dpkg-shlibdeps)"
grep -qF "$runtime (= $version)" <<< "$dev_depends" || fail "libparadigm-dev must depend on $runtime (= $version)"
grep -q 'nlohmann-json3-dev' <<< "$dev_depends" || fail "libparadigm-dev must depend on nlohmann-json3-dev"
grep -qF "$runtime" <<< "$cli_depends" || fail "paradigm-cli must depend on $runtime"
for needed in "libparadigm-dev (= $version)" "paradigm-cli (= $version)" libgmock-dev libcpp-httplib-dev zlib1g-dev; do
  grep -qF "$needed" <<< "$testing_depends" || fail "libparadigm-testing-dev must depend on $needed"
done
[ -x "$mock" ] || fail "paradigm-cli did not install $mock"

# The Debian changelog of each package names this very version.
for package in "${packages[@]}"; do
  changelog="/usr/share/doc/$package/changelog.Debian.gz"
  [ -f "$changelog" ] && [ -f "/usr/share/doc/$package/copyright" ] || fail "$package lacks its changelog or copyright"
  zcat "$changelog" > "$work/changelog"
  top=$(dpkg-parsechangelog -l "$work/changelog" -S Version)
  [ "$top" = "$version" ] || fail "$changelog starts at $top, the package is $version"
done
grep -q "libparadigm.so.0" <<< "$(ldconfig -p)" || fail "ldconfig does not know the installed library"

# Nothing of the build tree may leak into the consumer's builds.
unset CMAKE_PREFIX_PATH PKG_CONFIG_PATH LD_LIBRARY_PATH

echo "== a consumer with find_package(paradigm CONFIG)"
cmake -S "$here/consumer" -B "$work/cmake" -DCONSUMER_MODE=find_package -DCMAKE_BUILD_TYPE=Release > "$work/cmake.log" 2>&1 ||
  { cat "$work/cmake.log" >&2; fail "configuring the consumer"; }
grep -q '^paradigm_DIR:PATH=/usr/lib/.*cmake/paradigm$' "$work/cmake/CMakeCache.txt" ||
  fail "find_package found $(grep '^paradigm_DIR' "$work/cmake/CMakeCache.txt"), not the package's"
cmake --build "$work/cmake" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "building the consumer"; }

echo "== a consumer with pkg-config"
[ "$(pkg-config --variable=prefix paradigm)" = /usr ] || fail "paradigm.pc is not for /usr"
[ -z "$(pkg-config --print-requires-private paradigm)" ] || fail "paradigm.pc needs more than the -dev package depends on"
# shellcheck disable=SC2046  # pkg-config's output is a list of flags
c++ -std=c++17 -o "$work/consumer-pc" "$here/consumer/main.cpp" $(pkg-config --cflags --libs paradigm) ||
  fail "building with pkg-config"

for consumer in "$work/cmake/consumer" "$work/consumer-pc"; do
  # (/lib is /usr/lib on a merged-/usr system.)
  grep -Eq "libparadigm\.so\.0[^ ]* => (/usr)?/lib/" <<< "$(ldd "$consumer")" ||
    fail "$consumer does not use the installed library: $(ldd "$consumer" | grep paradigm)"
  bash "$root/tests/smoke/with_mock.sh" "$mock" -- 0 "paradigm [0-9.]+: .*server: The capital of France is Paris" \
    "$consumer" --server || fail "$consumer against the emulator"
done
echo "== a test project with find_package(paradigm CONFIG COMPONENTS testing)"
cmake -S "$here/testing_consumer" -B "$work/kit" -DCMAKE_BUILD_TYPE=Release > "$work/kit-cmake.log" 2>&1 ||
  { cat "$work/kit-cmake.log" >&2; fail "configuring the testing-kit consumer"; }
cmake --build "$work/kit" > "$work/kit-build.log" 2>&1 || { cat "$work/kit-build.log" >&2; fail "building the testing-kit consumer"; }
"$work/kit/kit_consumer" > "$work/kit-run.log" 2>&1 || { cat "$work/kit-run.log" >&2; fail "the testing-kit consumer"; }

echo "== the installed CLI"
bash "$root/tests/smoke/with_mock.sh" "$mock" -- 0 "^The capital of France is Paris" \
  /usr/bin/paradigm ask "What is the capital of France?" || fail "/usr/bin/paradigm against the emulator"

echo "== dpkg --purge ${packages[*]}"
dpkg --purge "${packages[@]}" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg --purge"; }
installed=false
left=()
while read -r path; do
  grep -qxF "$path" "$work/existing" && continue
  if [ -e "$path" ] || [ -L "$path" ]; then left+=("$path"); fi
done < "$work/paths"
[ ${#left[@]} -eq 0 ] || fail "left behind: ${left[*]}"
if grep -q "libparadigm.so.0" <<< "$(ldconfig -p)"; then fail "ldconfig still lists libparadigm"; fi
for package in "${packages[@]}"; do
  if [ -n "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -v "not-installed")" ]; then
    fail "$package is still known to dpkg"
  fi
done
echo "Installed, used and removed ${packages[*]} ($version): nothing left behind"
