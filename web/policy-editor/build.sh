#!/usr/bin/env bash
# Builds the policy workbench's DMN editor (dmn-js, bundled by esbuild) into $1 (Maven: target/classes/static/...).
# Installs the locked node packages first when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")"
out=${1:?usage: build.sh OUT_DIR}
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
OUT_DIR="$out" node build.mjs
