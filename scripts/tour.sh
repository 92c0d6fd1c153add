#!/bin/sh
# A short tour of Assay on the bundled example data; quickstart.sh runs it after building.
#   scripts/tour.sh [path/to/assay]
set -eu
cd "$(dirname "$0")/.."
ASSAY=${1:-build/release/apps/cli/assay}

show() {
  printf '\n$ assay'
  for arg in "$@"; do printf " '%s'" "$arg"; done
  printf '\n'
  "$ASSAY" "$@" || echo "(exit status $?)"
}

echo "== Versions: each ecosystem's own ordering (one wrong answer hides a vulnerability)"
show version compare PyPI 1.0.dev1 1.0a1
show version compare Debian 1:1.2.3~rc1-1 1:1.2.3-1
show version compare Maven 1.0-SNAPSHOT 1.0
show version compare Go v1.2.4-0.20230101000000-abcdefabcdef v1.2.4
show version contains npm '^1.2.0 || >=2.1.0 <3' 2.5.1
show version contains PyPI '>=1.0,!=1.5.*,<2' 1.5.2
printf '\n$ assay version compare RubyGems --batch < examples/versions/rubygems-pairs.tsv\n'
"$ASSAY" version compare RubyGems --batch < examples/versions/rubygems-pairs.tsv || true

echo
echo "== Package URLs: the identity Assay matches on"
show purl parse 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar'
show purl parse 'pkg:npm/%40angular/core@16.2.0'

echo
echo "== SBOMs: read any format, say exactly what is wrong, score it"
show sbom validate examples/scan/parking-permits.cdx.json
show sbom quality examples/scan/parking-permits.cdx.json --profile ntia

echo
echo "== Advisories and VEX (examples/scan: fictional advisories and a vendor's VEX statement)"
show advisory inspect examples/scan/advisories/EXAMPLE-2026-0002.yaml
show vex inspect examples/scan/vendor.openvex.json

echo
echo "== Scan: the SBOM's components against a vulnerability database, VEX applied"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
show db import examples/scan/advisories --db "$work/assay.db"
show scan examples/scan/parking-permits.cdx.json --db "$work/assay.db"
show scan examples/scan/parking-permits.cdx.json --db "$work/assay.db" \
  --vex examples/scan/vendor.openvex.json --fail-on critical

echo
echo "== Assess a vendor against the Code of Practice (examples/packs: fictional vendors)"
show assess examples/packs/gappy-vendor --advisories examples/intel --now 2026-12-07T12:00:00Z \
  --out "$work/gappy.txt"
head -25 "$work/gappy.txt"
echo "  ... (the full report, with evidence and the questions to ask, is longer)"
show assess examples/packs/gappy-vendor --advisories examples/intel --now 2026-12-07T12:00:00Z \
  --format html --out assay-report-gappy-vendor.html
echo "The HTML report for procurement is in $(pwd)/assay-report-gappy-vendor.html"
