#!/usr/bin/env bash
# Installs the npm tools pinned in package.json / package-lock.json into node_modules/ (idempotent):
# Azurite 3.37.0 for the integration tests and run-local.sh. Install scripts are skipped, so Core Tools'
# postinstall (a CDN download) never runs here; scripts/run-local.sh sets Core Tools up when it is needed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if ! command -v npm >/dev/null 2>&1; then
  echo "azurite: npm is not installed (Node.js 20+ is required for Azurite)" >&2
  exit 1
fi

want="$(node -p "require('./package.json').devDependencies.azurite")"
have="$(node -p "try { require('./node_modules/azurite/package.json').version } catch { '' }")"
if [ "$have" = "$want" ] && [ -x node_modules/.bin/azurite-table ]; then
  exit 0
fi

echo "azurite: installing azurite@$want from package-lock.json (npm ci --ignore-scripts)"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node_modules/.bin/azurite-table --version >/dev/null
