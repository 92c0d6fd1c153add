#!/bin/bash
# Cold `assay scan` (process start to output, database open included) on the generated corpus of
# bench/scan_bench.cc, for SBOMs of 1,000, 10,000 and 100,000 components; each run three times.
# Uses the release build:
#   cmake --preset release && cmake --build build/release -j2 --target assay bench_scan
#   bench/peers/compare_scan.sh [corpus-dir]        (ADVISORIES=500000 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build/release}
dir=${1:-$(mktemp -d)}
ASSAY_SCAN_BENCH_ADVISORIES=${ADVISORIES:-500000} "$build/bench/bench_scan" --write-corpus "$dir"
TIMEFORMAT='%R s wall, %U s user'
for n in 1000 10000 100000; do
  for run in 1 2 3; do
    echo -n "cold scan of $n components (run $run): "
    time "$build/apps/cli/assay" scan "$dir/sbom-$n.cdx.json" --db "$dir/assay.db" \
      --format json --out "$dir/findings-$n.json"
  done
  echo "  findings: $(grep -o '"findings": *[0-9]*' "$dir/findings-$n.json" | head -1)"
done
