#!/bin/sh
# One command from a fresh Debian 12 machine to a working Assay: installs what is needed, builds
# the release binary, and runs Assay's main job on the bundled example data in examples/.
# Run from the repository root as root (or a user with sudo).
set -eu
cd "$(dirname "$0")/.."

scripts/install_deps.sh
scripts/install_node_deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target assay

ASSAY=build/release/apps/cli/assay
exec scripts/tour.sh "$ASSAY"
