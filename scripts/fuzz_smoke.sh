#!/bin/sh
# Builds the clang-14 libFuzzer preset and gives every fuzz target a short real fuzzing run,
# starting from its committed corpus. Crashes leave their input in build/fuzz/artifacts/ and fail.
#   scripts/fuzz_smoke.sh [seconds-per-target]   (default 20; FUZZ_SECONDS overrides)
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-20}}
cmake --workflow --preset fuzz >/dev/null
mkdir -p build/fuzz/artifacts
status=0
for bin in build/fuzz/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin" | sed 's/^fuzz_//')
  work=$(mktemp -d)
  # Fuzz into a scratch corpus seeded from the committed one; never rewrite the repository.
  dict=""
  [ -f "fuzz/dicts/$name.dict" ] && dict="-dict=fuzz/dicts/$name.dict"
  # shellcheck disable=SC2086
  if ! "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=8192 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-" $dict \
        "$work" "fuzz/corpus/$name" >"build/fuzz/$name.log" 2>&1; then
    echo "fuzz: $name FAILED (log: build/fuzz/$name.log)" >&2
    tail -30 "build/fuzz/$name.log" >&2
    status=1
  else
    echo "fuzz: $name ok ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "build/fuzz/$name.log" | grep -o '[0-9]*$' || echo '?') runs)"
  fi
  rm -rf "$work"
done
exit $status
