#!/bin/sh
# Formats every C++ file with clang-format-14, or with --check lists the files that need it and
# fails.
set -eu
cd "$(dirname "$0")/.."
FORMAT=${CLANG_FORMAT:-clang-format-14}
files=$(git ls-files --cached --others --exclude-standard -- '*.cc' '*.h' | grep -v '^build/' || true)
[ -n "$files" ] || exit 0
if [ "${1:-}" = "--check" ]; then
  bad=""
  for f in $files; do
    [ -f "$f" ] || continue
    if ! $FORMAT --style=file "$f" | cmp -s - "$f"; then bad="$bad $f"; fi
  done
  if [ -n "$bad" ]; then
    echo "format: these files need scripts/format.sh:" >&2
    for f in $bad; do echo "  $f" >&2; done
    exit 1
  fi
  echo "format: ok"
else
  # shellcheck disable=SC2086
  $FORMAT --style=file -i $files
fi
