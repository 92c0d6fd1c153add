#!/bin/sh
# Compares purl parse throughput of Assay (bench_purl BM_ParseMixed, release build) and
# packageurl-js 2.0.1 (bench/peers/purl_parse.mjs) on the same file, one after the other in the
# same run. Prints both rates and their ratio by wall clock and by the process's CPU time (the
# latter is steadier on a shared machine; node runs with --single-threaded so that V8's garbage
# collection is counted on the main thread, not hidden in or added from helper threads).
# Builds nothing. Run from anywhere:
#   [ROUNDS=3] bench/peers/compare_purl.sh [release-build-dir] [purls-file] [seconds-per-run]
# Defaults: build/release, bench/data/purls.txt, 2. Build the release bench first, e.g.
#   cmake --preset release -B build/release && cmake --build build/release --target bench_purl
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build_dir="${1:-build/release}"
data="${2:-bench/data/purls.txt}"
seconds="${3:-2}"
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

# Alternate the two sides `rounds` times and compare medians, so that a burst of load from other
# processes on a shared machine skews one round rather than one side.
rounds="${ROUNDS:-3}"
assay_runs=""
node_runs=""
round=0
while [ "$round" -lt "$rounds" ]; do
  assay_runs="$assay_runs$(ASSAY_PURL_BENCH_DATA="$data" "$bench" \
    --benchmark_filter='^BM_ParseMixed/real_time$' --benchmark_min_time="$seconds" \
    --benchmark_format=json 2>/dev/null | tr -d '\n')
"
  node_runs="$node_runs$(node --single-threaded bench/peers/purl_parse.mjs "$data" "$seconds")
"
  round=$((round + 1))
done

ASSAY_RUNS="$assay_runs" NODE_RUNS="$node_runs" BUILD_TYPE="$build_type" node --input-type=module -e '
const lines = (text) => text.split("\n").filter((line) => line.trim().length > 0).map((line) => JSON.parse(line));
const median = (values) => { const v = [...values].sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
const seconds = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 };
const peers = lines(process.env.NODE_RUNS);
const purls = peers[0].purls;
const runs = lines(process.env.ASSAY_RUNS).map((doc) => {
  const run = doc.benchmarks.find((b) => b.name.startsWith("BM_ParseMixed"));
  if (!run || run.error_occurred) { console.error("compare_purl: bench_purl failed"); process.exit(1); }
  return { wall: run.items_per_second, cpu: purls / (run.cpu_time * seconds[run.time_unit]) };
});
if (peers.some((peer) => peer.failures !== 0)) { console.error("compare_purl: packageurl-js failed on some purls"); }
const assayWall = median(runs.map((r) => r.wall));
const assayCpu = median(runs.map((r) => r.cpu));
const peerWall = median(peers.map((p) => p.items_per_second));
const peerCpu = median(peers.map((p) => p.items_per_cpu_second));
const fmt = (rate) => `${(rate / 1e6).toFixed(3)} M purls/s (${(1e9 / rate).toFixed(0)} ns/purl)`;
console.log(`input:          ${purls} purls from ${process.argv[1]}; median of ${runs.length} alternating rounds per side`);
console.log(`assay:          wall ${fmt(assayWall)}, cpu ${fmt(assayCpu)}  [${process.env.BUILD_TYPE} build]`);
console.log(`packageurl-js:  wall ${fmt(peerWall)}, cpu ${fmt(peerCpu)}  [${peers[0].peer} ${peers[0].version}, node ${process.version}]`);
console.log(`ratio:          wall ${(assayWall / peerWall).toFixed(1)}x, cpu ${(assayCpu / peerCpu).toFixed(1)}x`);
' "$data"
