#!/usr/bin/env bash
# Installs the front-end and reference-data packages from the npm registry, exactly as locked, when needed.
# Called by the Maven build (generate-resources); a no-op when node_modules matches package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is required to build Achatlas (front-end packages from the npm registry)." >&2
  exit 1
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
