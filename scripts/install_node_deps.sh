#!/bin/sh
# Installs the npm packages the tests and benchmarks use as reference implementations and
# schema sources (package.json / package-lock.json at the repository root) into node_modules/.
set -eu
cd "$(dirname "$0")/.."
if [ -f package-lock.json ]; then
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    echo "install_node_deps: node_modules up to date"
    exit 0
  fi
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
