#!/bin/sh
# Fails when a module includes a module it may not depend on (scripts/layers.txt), or when anything
# outside a module includes that module's internal/ headers.
set -eu
cd "$(dirname "$0")/.."
status=0
modules=$(sed -n 's/^\([a-z_]*\):.*/\1/p' scripts/layers.txt)
for dir in src/assay/*/; do
  m=$(basename "$dir")
  if ! echo "$modules" | grep -qx "$m"; then
    echo "layering: module '$m' is not listed in scripts/layers.txt" >&2
    status=1
    continue
  fi
done
for m in $modules; do
  [ -d "src/assay/$m" ] || continue
  allowed="$m $(sed -n "s/^$m:\(.*\)/\1/p" scripts/layers.txt)"
  # Every "assay/<x>/..." include in this module's files.
  grep -rHnoE '#include "assay/[a-z_]+/[^"]*"' "src/assay/$m" | while IFS= read -r hit; do
    file=${hit%%:*}
    target=$(echo "$hit" | sed -E 's/.*#include "assay\/([a-z_]+)\/.*/\1/')
    path=$(echo "$hit" | sed -E 's/.*#include "([^"]*)"/\1/')
    ok=0
    for a in $allowed; do [ "$a" = "$target" ] && ok=1; done
    if [ $ok -eq 0 ]; then
      echo "layering: $file includes $path, but '$m' may depend only on: $allowed" >&2
      echo fail >> /tmp/assay_layering.$$
    fi
    case "$path" in
      assay/"$m"/internal/*) ;;
      assay/*/internal/*)
        echo "layering: $file includes another module's internal header $path" >&2
        echo fail >> /tmp/assay_layering.$$ ;;
    esac
  done
done
for dir in apps tests bench fuzz; do
  [ -d "$dir" ] || continue
  if grep -rnE '#include "assay/[a-z_]+/internal/' "$dir" >&2; then
    echo "layering: $dir/ may include only public headers" >&2
    status=1
  fi
done
if [ -f /tmp/assay_layering.$$ ]; then
  rm -f /tmp/assay_layering.$$
  status=1
fi
[ $status -eq 0 ] && echo "layering: ok"
exit $status
