#!/usr/bin/env bash
# Measures start-up in one command (issue 24 point 4): for 10, 2,000 and 10,000 stored policies (or SIZES, e.g.
# SIZES=10,500), seeds real Azurite, launches the real worker of src/Functions/App through the suite's host emulator
# (tests/EndToEnd/Emulator; the Functions host's own start is not included), times launch -> first correct preflight,
# then samples the worker's CPU over two 20 s idle windows and its RSS after them (refresh every 5 s). Prints a
# Markdown table. About 2.5 minutes.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/azurite.sh
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
dotnet build tests/EndToEnd/EndToEnd.csproj -c Release --nologo -v quiet
CORS_MEASURE_STARTUP_SIZES="${SIZES:-10,2000,10000}" CORS_MEASURE_STARTUP_OUTPUT="$table" \
  dotnet test tests/EndToEnd/EndToEnd.csproj -c Release --no-build --nologo \
  --filter 'FullyQualifiedName~CorsFunctions.EndToEnd.Startup.StartupMeasurement'
cat "$table"
