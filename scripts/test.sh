#!/bin/sh
# The whole test suite, exactly as CI runs it (.ci/run calls this). On a fresh Debian 12 machine
# it installs what the tests need first, including the reference implementations the differential
# version tests compare Assay with (tests/differential/README.md). Most of its time goes into
# compiling the ASan/UBSan and the clang libFuzzer builds.
#   FUZZ_SECONDS=N   seconds of real fuzzing per target (default 10)
set -eu
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start ))s)"; }

step "dependencies"
scripts/install_deps.sh --test
scripts/install_node_deps.sh

step "static checks"
scripts/format.sh --check
scripts/check_layering.sh
scripts/check_banned.sh

step "build and test under ASan + UBSan (preset ci)"
cmake --workflow --preset ci

step "fuzzing (clang-14 libFuzzer, preset fuzz)"
scripts/fuzz_smoke.sh "${FUZZ_SECONDS:-10}"

step "done"
