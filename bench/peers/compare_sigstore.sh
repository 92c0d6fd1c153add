#!/usr/bin/env bash
# Sigstore bundle verifications per second, Assay against @sigstore/verify (node), in one run, on
# the same sigstore-conformance positive cases (those both accept), single-threaded, offline.
# Rounds alternate between the two so that machine load affects both alike; the median round
# ratio is reported.
#
# usage: bench/peers/compare_sigstore.sh [build-dir] [seconds-per-round] [rounds]
#   build-dir defaults to build/release (configure with: cmake --preset release -B <dir>;
#   cmake --build <dir> --target bench_sigstore). Needs `npm ci` for @sigstore/verify.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build="${1:-build/release}"
seconds="${2:-5}"
rounds="${3:-3}"
bench="$build/bench/bench_sigstore"
if [[ ! -x "$bench" ]]; then
  echo "compare_sigstore: $bench not found; build it with the release preset first" >&2
  exit 2
fi
if [[ ! -d node_modules/@sigstore/verify ]]; then
  echo "compare_sigstore: node_modules/@sigstore/verify missing; run npm ci" >&2
  exit 2
fi

# The cases @sigstore/verify accepts (3.1.1 rejects rekor2-dsse-happy-path: it predates Rekor v2
# DSSE entries); Assay verifies all of them, so the comparison uses these.
cases="$(node bench/peers/sigstore_verify.mjs --check |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accepted.join(",")))')"
count="$(tr ',' '\n' <<<"$cases" | grep -c .)"
echo "cases: $count ($cases)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(node --version), $(openssl version | cut -d' ' -f1-2)"

# Each prints "<wall rate> <cpu rate>" (verifications per second).
assay_rate() {
  ASSAY_SIGSTORE_BENCH_CASES="$cases" "$bench" --benchmark_filter='^BM_VerifyAllCases$' \
    --benchmark_min_time="$seconds" --benchmark_format=json 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const b=JSON.parse(s).benchmarks[0];const n=b.cases,scale={ns:1e9,us:1e6,ms:1e3,s:1}[b.time_unit];console.log((n*scale/b.real_time).toFixed(1),(n*scale/b.cpu_time).toFixed(1))})'
}
node_rate() {
  node bench/peers/sigstore_verify.mjs --only "$cases" --seconds "$((seconds * 2))" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(r.verifications_per_second.toFixed(1),r.verifications_per_cpu_second.toFixed(1))})'
}

wall_ratios=()
cpu_ratios=()
printf '%-6s %22s %22s %13s %13s\n' round "assay wall / cpu" "node wall / cpu" "wall ratio" "cpu ratio"
for round in $(seq 1 "$rounds"); do
  read -r aw ac <<<"$(assay_rate)"
  read -r nw nc <<<"$(node_rate)"
  wr="$(node -e "console.log(($aw / $nw).toFixed(2))")"
  cr="$(node -e "console.log(($ac / $nc).toFixed(2))")"
  wall_ratios+=("$wr")
  cpu_ratios+=("$cr")
  printf '%-6s %22s %22s %12sx %12sx\n' "$round" "$aw / $ac" "$nw / $nc" "$wr" "$cr"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "median ratio, Assay / @sigstore/verify 3.1.1: wall $(median "${wall_ratios[@]}")x," \
  "CPU $(median "${cpu_ratios[@]}")x"
