#!/bin/sh
# Compares purl parse throughput of Assay (bench_purl BM_ParseMixed, release build) and
# packageurl-js 2.0.1 (bench/peers/purl_parse.mjs) on the same file, one after the other in the
# same run. Prints both rates and their ratio by wall clock and by the process's CPU time (the
# latter is steadier on a shared machine; node runs with --single-threaded so that V8's garbage
# collection is counted on the main thread, not hidden in or added from helper threads).
# Builds nothing. Run from anywhere:
#   bench/peers/compare_purl.sh [release-build-dir] [purls-file] [seconds-per-side]
# Defaults: build/release, bench/data/purls.txt, 3. Build the release bench first, e.g.
#   cmake --preset release -B build/release && cmake --build build/release --target bench_purl
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build_dir="${1:-build/release}"
data="${2:-bench/data/purls.txt}"
seconds="${3:-3}"
bench="$build_dir/bench/bench_purl"
if [ ! -x "$bench" ]; then
  echo "compare_purl: no $bench; build the release preset's bench_purl first" >&2
  exit 2
fi
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)"
case "$build_type" in
  Release | RelWithDebInfo) ;;
  *) echo "compare_purl: warning: $build_dir is a '${build_type:-unknown}' build, not optimised" >&2 ;;
esac

assay_json="$(ASSAY_PURL_BENCH_DATA="$data" "$bench" --benchmark_filter='^BM_ParseMixed/real_time$' \
  --benchmark_min_time="$seconds" --benchmark_format=json 2>/dev/null)"
node_json="$(node --single-threaded bench/peers/purl_parse.mjs "$data" "$seconds")"

ASSAY_JSON="$assay_json" NODE_JSON="$node_json" BUILD_TYPE="$build_type" node --input-type=module -e '
const assay = JSON.parse(process.env.ASSAY_JSON);
const peer = JSON.parse(process.env.NODE_JSON);
const run = assay.benchmarks.find((b) => b.name.startsWith("BM_ParseMixed"));
if (!run || run.error_occurred) { console.error("compare_purl: bench_purl failed"); process.exit(1); }
if (peer.failures !== 0) { console.error(`compare_purl: packageurl-js failed on ${peer.failures} purls`); }
const purls = peer.purls;
const assayWall = run.items_per_second;
const seconds = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 }[run.time_unit];
const assayCpu = purls / (run.cpu_time * seconds);  // cpu_time is per iteration: one pass of the file
const fmt = (rate) => `${(rate / 1e6).toFixed(3)} M purls/s (${(1e9 / rate).toFixed(0)} ns/purl)`;
console.log(`input:          ${purls} purls from ${process.argv[1] ?? "the data file"}`);
console.log(`assay:          wall ${fmt(assayWall)}, cpu ${fmt(assayCpu)}  [${process.env.BUILD_TYPE} build]`);
console.log(`packageurl-js:  wall ${fmt(peer.items_per_second)}, cpu ${fmt(peer.items_per_cpu_second)}  [${peer.peer} ${peer.version}, node ${process.version}]`);
console.log(`ratio:          wall ${(assayWall / peer.items_per_second).toFixed(1)}x, cpu ${(assayCpu / peer.items_per_cpu_second).toFixed(1)}x`);
' "$data"
