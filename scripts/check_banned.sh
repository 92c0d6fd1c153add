#!/bin/sh
# Fails on calls that are unsafe or that bypass our I/O and process rules: unbounded C string
# functions, shell-outs, and printf-family formatting into raw buffers.
set -eu
cd "$(dirname "$0")/.."
pattern='(^|[^a-z_:.])(sprintf|vsprintf|strcpy|strcat|gets|system|popen|strtok|atoi|atol|atof|rand|srand|tmpnam|mktemp)[[:space:]]*\('
if git ls-files --cached --others --exclude-standard -- 'src/*.cc' 'src/*.h' 'apps/*.cc' 'apps/*.h' \
     | xargs -r grep -nE "$pattern" ; then
  echo "banned: the calls above are not allowed (see HACKING.md, 'Banned calls')" >&2
  exit 1
fi
echo "banned: ok"
