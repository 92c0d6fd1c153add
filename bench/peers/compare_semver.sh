#!/bin/sh
# Compares Assay's npm version work (bench_version, release build) with node's semver 7.8.6
# (bench/peers/semver_bench.mjs) on the same files in one run: compare(a, b) including parsing
# over bench/data/semver_pairs.txt, and satisfies(v, range) including parsing over
# bench/data/semver_ranges.txt. Prints both rates and the ratios (wall clock and process CPU
# time). Builds nothing. Run from anywhere:
#   bench/peers/compare_semver.sh [release-build-dir] [seconds-per-side]
# Defaults: build/release, 3. Build first, e.g.
#   cmake --preset release -B build/release && cmake --build build/release --target bench_version
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build_dir="${1:-build/release}"
seconds="${2:-3}"
bench="$build_dir/bench/bench_version"
if [ ! -x "$bench" ]; then
  echo "compare_semver: no $bench; build the release preset's bench_version first" >&2
  exit 2
fi
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)"
case "$build_type" in
  Release | RelWithDebInfo) ;;
  *) echo "compare_semver: warning: $build_dir is a '${build_type:-unknown}' build, not optimised" >&2 ;;
esac

assay_json="$("$bench" --benchmark_filter='^BM_Npm(CompareFile|SatisfiesFile|ContainsParsed)' \
  --benchmark_min_time="$seconds" --benchmark_format=json 2>/dev/null)"
node_json="$(node --single-threaded bench/peers/semver_bench.mjs "$seconds")"

ASSAY_JSON="$assay_json" NODE_JSON="$node_json" BUILD_TYPE="$build_type" node --input-type=module -e '
const assay = JSON.parse(process.env.ASSAY_JSON);
const peer = JSON.parse(process.env.NODE_JSON);
const find = (prefix) => {
  const run = assay.benchmarks.find((b) => b.name.startsWith(prefix));
  if (!run || run.error_occurred) { console.error(`compare_semver: ${prefix} failed`); process.exit(1); }
  const unit = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 }[run.time_unit];
  const perIteration = run.items_per_second * run.real_time * unit;
  return { wall: run.items_per_second, cpu: perIteration / (run.cpu_time * unit) };
};
const fmt = (x) => x.toExponential(3);
const compare = find("BM_NpmCompareFile");
const satisfies = find("BM_NpmSatisfiesFile");
const contains = find("BM_NpmContainsParsed");
console.log(`build: ${process.env.BUILD_TYPE}; node-semver errors: ${peer.errors}`);
console.log(`compare incl. parsing   Assay ${fmt(compare.wall)}/s (cpu ${fmt(compare.cpu)}/s)   node-semver ${fmt(peer.compare_per_second)}/s (cpu ${fmt(peer.compare_cpu_per_second)}/s)   ratio ${(compare.wall / peer.compare_per_second).toFixed(1)}x wall, ${(compare.cpu / peer.compare_cpu_per_second).toFixed(1)}x cpu`);
console.log(`satisfies incl. parsing Assay ${fmt(satisfies.wall)}/s (cpu ${fmt(satisfies.cpu)}/s)   node-semver ${fmt(peer.satisfies_per_second)}/s (cpu ${fmt(peer.satisfies_cpu_per_second)}/s)   ratio ${(satisfies.wall / peer.satisfies_per_second).toFixed(1)}x wall, ${(satisfies.cpu / peer.satisfies_cpu_per_second).toFixed(1)}x cpu`);
console.log(`contains, pre-parsed    Assay ${fmt(contains.wall)}/s (cpu ${fmt(contains.cpu)}/s)   ratio to node satisfies ${(contains.wall / peer.satisfies_per_second).toFixed(1)}x wall`);
'
