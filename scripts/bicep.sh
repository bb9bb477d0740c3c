#!/usr/bin/env bash
# Installs the Bicep CLI from its NuGet package into .tools/ (once), then:
#   1. lints and compiles every entry template infra/*.bicep into infra/bin/<name>.json;
#   2. evaluates every test scenario tests/Infra.Tests/Scenarios/*.bicepparam with
#      `bicep snapshot` (offline what-if: conditions and parameters resolved) into
#      infra/bin/snapshots/<scenario>.snapshot.json.
# Any Bicep warning or error fails the script. tests/Infra.Tests reads infra/bin/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version="0.49.2"
packages="$repo/.tools/nuget"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [ ! -x "$bicep" ]; then
  echo "bicep: installing Bicep CLI $version into .tools/"
  dotnet restore tools/bicep/BicepCli.proj --packages "$packages" -p:BicepVersion="$version" \
    --verbosity quiet
  chmod +x "$bicep"
fi

out="$repo/infra/bin"
snapshots="$out/snapshots"
rm -rf "$out"
mkdir -p "$snapshots"

logs="$out/logs"
mkdir -p "$logs"

# Runs one bicep command with its output in $logs/<label>.log (bicep lint exits 0 on
# warnings, so success is judged from the diagnostics, not only from the exit code).
run() {
  local label="$1"
  shift
  if ! "$bicep" "$@" >"$logs/$label.log" 2>&1; then
    echo "exit code $?" >>"$logs/$label.log"
  fi
}

# Each bicep call costs about 1.5 s of start-up: run them side by side.
for template in infra/*.bicep; do
  name="$(basename "$template" .bicep)"
  run "lint-$name" lint "$template" &
  run "build-$name" build "$template" --outfile "$out/$name.json" &
done

# Fixed, fake ids: the snapshots are read by tests, never deployed.
for scenario in tests/Infra.Tests/Scenarios/*.bicepparam; do
  name="$(basename "$scenario" .bicepparam)"
  (
    run "snapshot-$name" snapshot "$scenario" --mode overwrite \
      --subscription-id 00000000-0000-0000-0000-000000000000 \
      --resource-group rg-corsfunctions-ci --location westeurope
    if [ -f "${scenario%.bicepparam}.snapshot.json" ]; then
      mv "${scenario%.bicepparam}.snapshot.json" "$snapshots/$name.snapshot.json"
    else
      echo "no snapshot produced for $scenario" >>"$logs/snapshot-$name.log"
    fi
  ) &
done
wait

failed=0
for log in "$logs"/*.log; do
  if [ -s "$log" ]; then
    # Any output at all is a diagnostic (warning or error) or a failure: print it and fail.
    echo "== $(basename "$log" .log)" >&2
    cat "$log" >&2
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "bicep: FAILED (warnings count as failures)" >&2
  exit 1
fi
echo "bicep: $("$bicep" --version | head -1); lint, build and snapshots clean -> infra/bin/"
