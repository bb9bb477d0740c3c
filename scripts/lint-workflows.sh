#!/usr/bin/env bash
# Lints GitHub Actions workflow files against the workflow schema with action-validator (@action-validator/cli,
# pinned in package.json / package-lock.json, installed into node_modules/ when missing). Every file is checked and
# every invalid one reported; exit 1 if any is invalid.
# Usage: bash scripts/lint-workflows.sh [FILE...]   (default: .github/workflows/*.yml)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

want="$(node -p "require('./package.json').devDependencies['@action-validator/cli']")"
have="$(node -p "try { require('./node_modules/@action-validator/cli/package.json').version } catch { '' }")"
if [ "$have" != "$want" ]; then
  echo "lint-workflows: installing @action-validator/cli@$want from package-lock.json (npm ci --ignore-scripts)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

files=("$@")
[ "${#files[@]}" -gt 0 ] || files=(.github/workflows/*.yml)
invalid=0
for file in "${files[@]}"; do
  if node_modules/.bin/action-validator "$file"; then
    echo "lint-workflows: $file: valid"
  else
    echo "lint-workflows: $file: invalid (above)" >&2
    invalid=$((invalid + 1))
  fi
done
[ "$invalid" -eq 0 ]
