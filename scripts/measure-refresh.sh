#!/usr/bin/env bash
# Measures the background policy refresh against Azurite in one command (issue 24): starts the pinned Azurite table
# service in memory on a free port, runs tests/Benchmarks in its --azurite mode (the app's table store, row mapper,
# loader and retry settings over 10, 1,000 and 10,000 stored policies), prints a Markdown table, stops Azurite.
#   AZURITE_TABLE_PORT  the port on 127.0.0.1 (default: a free one)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/azurite.sh
port="${AZURITE_TABLE_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$port" --inMemoryPersistence --silent --disableTelemetry &
azurite=$!
trap 'kill "$azurite" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done

# Azurite's well-known development account key (public, documented by Microsoft).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
dotnet build tests/Benchmarks/CorsFunctions.Benchmarks.csproj -c Release --nologo -v quiet
dotnet tests/Benchmarks/bin/Release/net10.0/CorsFunctions.Benchmarks.dll --azurite \
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
