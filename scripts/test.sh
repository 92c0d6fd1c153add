#!/bin/sh
# The whole test suite, exactly as CI runs it (.ci/run calls this). On a fresh Debian 12 machine
# it installs what the tests need first. Takes under an hour on 2 cores (most of it compiling the
# ASan/UBSan and the clang libFuzzer builds). The differential tests against the ecosystems' own
# implementations are not part of it for now: `scripts/install_deps.sh --test` installs their
# reference tools and `ctest --preset differential` runs them (tests/differential/README.md).
#   FUZZ_SECONDS=N   seconds of real fuzzing per target (default 15)
set -eu
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start ))s)"; }

step "dependencies"
scripts/install_deps.sh
scripts/install_node_deps.sh

step "static checks"
scripts/format.sh --check
scripts/check_layering.sh
scripts/check_banned.sh

step "build and test under ASan + UBSan (preset ci)"
cmake --workflow --preset ci

step "fuzzing (clang-14 libFuzzer, preset fuzz)"
scripts/fuzz_smoke.sh "${FUZZ_SECONDS:-15}"

step "done"
