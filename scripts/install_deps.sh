#!/bin/sh
# Installs the Debian 12 packages Assay needs to build, test and run. Idempotent: run it again at
# any time; apt-get skips what is already there. Needs root (or sudo).
#   scripts/install_deps.sh           build + runtime dependencies
#   scripts/install_deps.sh --test    also the reference implementations the differential tests use,
#                                     and headless Chromium with fonts for the HTML report test
set -eu

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

BUILD_PKGS="build-essential cmake ninja-build pkg-config git ca-certificates \
  clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14 \
  libexpected-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev \
  libpugixml-dev libvalijson-dev libxml2-dev libarchive-dev libzstd-dev libssl-dev libsqlite3-dev sqlite3 \
  libcurl4-openssl-dev libcsv-dev libcpp-httplib-dev libgpgme-dev gnupg libyaml-cpp-dev libre2-dev \
  libgtest-dev libgmock-dev libbenchmark-dev nodejs"

# Reference implementations for the differential version tests (see tests/differential/README.md).
TEST_PKGS="dpkg rpm python3 python3-packaging php-cli php-composer-semver ruby \
  libmaven3-core-java default-jdk-headless golang-go golang-golang-x-mod-dev \
  librust-semver-dev libdpkg-dev golang-github-knqyf263-go-apk-version-dev"

# The HTML report test (tests/e2e/report_browser_test.cc) renders the report in headless Chromium.
BROWSER_PKGS="chromium fonts-liberation fonts-dejavu-core"

PKGS="$BUILD_PKGS"
if [ "${1:-}" = "--test" ]; then
  PKGS="$PKGS $TEST_PKGS $BROWSER_PKGS"
  # A rustup toolchain, where present, serves; otherwise take Debian's cargo.
  if ! command -v cargo >/dev/null 2>&1; then PKGS="$PKGS cargo"; fi
fi

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "install_deps: installing:$missing"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
else
  echo "install_deps: all packages present"
fi
