# Shared by the scripts: dependency installation and the build directory.
# Source it; do not run it.

PARADIGM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARADIGM_JOBS="${PARADIGM_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Debian packages the build and the tests need.
PARADIGM_PACKAGES=(
  cmake make g++ pkg-config ca-certificates
  libcurl4-openssl-dev nlohmann-json3-dev libgtest-dev libcpp-httplib-dev
  libssl-dev zlib1g-dev libcli11-dev libasio-dev
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the given Debian packages that are missing; apt-get runs only when
# something is missing, and needs root.
ensure_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Run this script as root, or install them first:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# configure_build DIR [cmake options...]: configure (once) a build tree.
configure_build() {
  local dir="$1"
  shift
  cmake -S "$PARADIGM_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE="${PARADIGM_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
}
