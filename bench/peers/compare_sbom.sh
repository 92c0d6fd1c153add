#!/bin/sh
# Side by side in one run: Assay's CycloneDX validation (schema + semantic checks + read into the
# model) against @cyclonedx/cyclonedx-library's JSON validator in node, on the same generated
# 100,000-component BOM; plus Assay's read throughput and peak memory (/usr/bin/time -v).
# Usage: bench/peers/compare_sbom.sh [BUILD_DIR]   (default build/release; configure it with
#        cmake --preset release, and run scripts/install_node_deps.sh first)
set -eu
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$build/bench/bench_sbom" --write-cyclonedx "$work/bom.json"
"$build/bench/bench_sbom" --write-spdx "$work/bom.spdx.json"
echo "input: $(wc -c < "$work/bom.json") bytes CycloneDX JSON, $(wc -c < "$work/bom.spdx.json") bytes SPDX JSON"

echo "--- Assay: in-process throughput (Google Benchmark, best of repetitions)"
"$build/bench/bench_sbom" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_filter='BM_(Read|Validate)' 2>/dev/null | grep -E 'mean|min|Benchmark' || true

echo "--- Assay: validate_sbom on the file (whole process: read file, schema, semantic checks, model)"
/usr/bin/time -v "$build/bench/bench_sbom" --validate "$work/bom.json" > "$work/assay.out" 2> "$work/assay.time" || true
tail -1 "$work/assay.out"
grep -E 'Elapsed|Maximum resident' "$work/assay.time"
assay_s=$(awk -F': ' '/Elapsed/ {split($2, t, ":"); print t[1]*60 + t[2]}' "$work/assay.time")

echo "--- node: @cyclonedx/cyclonedx-library JsonStrictValidator (validate only, best of 3)"
node bench/peers/cyclonedx_validate.mjs "$work/bom.json" 3 | tee "$work/node.json"
/usr/bin/time -v node bench/peers/cyclonedx_validate.mjs "$work/bom.json" 1 > /dev/null 2> "$work/node.time"
grep -E 'Elapsed|Maximum resident' "$work/node.time"
node_ms=$(sed 's/.*"best_ms":\([0-9.]*\).*/\1/' "$work/node.json")
awk -v a="$assay_s" -v n="$node_ms" 'BEGIN { printf "ratio: node validator %.0f ms / assay validate (whole process) %.0f ms = %.1fx\n", n, a*1000, n/(a*1000) }'
