#!/usr/bin/env bash
# Runs the function app locally in one command:
#   installs the pinned Azurite and Azure Functions Core Tools (npm, into node_modules/, never globally),
#   starts Azurite's table service, seeds samples/policies.json into it, then runs `func start` in
#   src/Functions/App (local.settings.json is created from local.settings.example.json when missing).
# Azurite is stopped when the script exits, however it exits.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/azurite.sh

# Core Tools' npm package downloads its real binary on first use (its postinstall, skipped above).
# A Core Tools already on PATH is used when the repository's copy cannot be set up.
func="$repo/node_modules/.bin/func"
if ! "$func" --version >/dev/null 2>&1 && command -v func >/dev/null 2>&1; then
  func="$(command -v func)"
fi
if [ "$func" = "$repo/node_modules/.bin/func" ]; then
  # The pinned Core Tools declares the Node.js it needs; on an older one its installer crashes obscurely.
  needed="$(node -p "require('./node_modules/azure-functions-core-tools/package.json').engines.node.replace(/[^0-9.]/g, '')")"
  if [ "$(node -p "process.versions.node.split('.')[0] >= parseInt('$needed') ? 'ok' : 'old'")" != ok ]; then
    echo "run-local: Node.js $(node --version) is too old for the pinned Azure Functions Core Tools, which needs Node.js >= $needed." >&2
    echo "  Install Node.js $needed or later, or install Core Tools v4 yourself and put func on PATH." >&2
    exit 1
  fi
fi
if ! func_error="$("$func" --version 2>&1)"; then
  cat >&2 <<MSG
run-local: Azure Functions Core Tools is not usable. It said:
$(printf '%s\n' "$func_error" | tail -n 15 | sed 's/^/  | /')
  Its npm package (azure-functions-core-tools, pinned in package.json) downloads the func binary from
  Microsoft's CDN on first use. Allow that download and run this script again, or install Core Tools v4
  yourself, put func on PATH and run this script again.
MSG
  exit 1
fi

port="${AZURITE_TABLE_PORT:-10002}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "run-local: port $port is already in use (another Azurite?). Stop that process first; nothing was seeded." >&2
  exit 1
fi
data="$repo/.azurite"
mkdir -p "$data"
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$port" --location "$data" \
  --silent --disableTelemetry &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    break
  fi
  sleep 0.2
done

connection="UseDevelopmentStorage=true"
if [ "$port" != 10002 ]; then
  connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
fi

dotnet run --project tools/Seeder -- --connection-string "$connection" --file samples/policies.json

cd src/Functions/App
if [ ! -f local.settings.json ]; then
  cp local.settings.example.json local.settings.json
  echo "run-local: created src/Functions/App/local.settings.json from local.settings.example.json"
fi
"$func" start
