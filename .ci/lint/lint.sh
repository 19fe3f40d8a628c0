#!/usr/bin/env bash
# Lints the BPMN and DMN models with Camunda's rules (bpmnlint + camunda-compat for Camunda Platform 7.24).
# Installs the locked npm packages on first use. Usage: .ci/lint/lint.sh [models-dir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/bpmnlint" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi
exec node "$here/lint.mjs" "${1:-$here/../../processes}"
