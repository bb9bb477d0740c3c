#!/usr/bin/env bash
# Installs the Bicep CLI from its NuGet package for this OS and architecture into .tools/ (once), then:
#   1. lints and compiles every entry template infra/*.bicep into infra/bin/<name>.json;
#   2. evaluates every test scenario tests/Infra.Tests/Scenarios/*.bicepparam with
#      `bicep snapshot` (offline what-if: conditions and parameters resolved) into
#      infra/bin/snapshots/<scenario>.snapshot.json;
#   3. lints and snapshots the templates of tests/Infra.Tests/Callers/ (teams' own templates calling
#      infra/modules/cors-policies.bicep) into infra/bin/snapshots/callers/.
# Any Bicep warning or error fails the script. tests/Infra.Tests reads infra/bin/.
#   BICEP=/path/to/bicep   use a Bicep CLI installed otherwise (a platform whose package the NuGet feed lacks)
#   --print-package        print the NuGet package this machine needs and exit
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version="0.49.2"
os="$(uname -s)"
arch="$(uname -m)"
case "$os/$arch" in
  Linux/x86_64 | Linux/amd64)
    if ldd --version 2>&1 | grep -qi musl; then rid=linux-musl-x64; else rid=linux-x64; fi ;;
  Linux/aarch64 | Linux/arm64) rid=linux-arm64 ;;
  Darwin/x86_64) rid=osx-x64 ;;
  Darwin/arm64) rid=osx-arm64 ;;
  *) rid="" ;;
esac
package="Azure.Bicep.CommandLine.$rid"

if [ "${1:-}" = --print-package ]; then
  if [ -z "$rid" ]; then
    echo "bicep: no Bicep CLI package for $os $arch" >&2
    exit 1
  fi
  echo "$package $version"
  exit 0
fi

if [ -n "${BICEP:-}" ]; then
  if ! bicep="$(command -v "$BICEP")"; then
    echo "bicep: BICEP=$BICEP is not an executable Bicep CLI." >&2
    exit 1
  fi
elif [ -z "$rid" ]; then
  cat >&2 <<MSG
bicep: no Bicep CLI NuGet package for $os $arch (there are packages for Linux x64 and arm64, Linux musl x64,
  macOS x64 and arm64; on Windows run the tests in WSL). Install the Bicep CLI yourself and run again with
  BICEP=/path/to/bicep.
MSG
  exit 1
else
  packages="$repo/.tools/nuget"
  bicep="$packages/$(tr '[:upper:]' '[:lower:]' <<<"$package")/$version/tools/bicep"
  if [ ! -x "$bicep" ]; then
    echo "bicep: installing Bicep CLI $version ($package) into .tools/"
    if ! restore="$(dotnet restore tools/bicep/BicepCli.proj --packages "$packages" -p:BicepVersion="$version" \
      -p:BicepPackage="$package" --verbosity quiet 2>&1)"; then
      cat >&2 <<MSG
bicep: could not get $package $version, the Bicep CLI package for this machine ($os $arch), from the NuGet
  feeds configured here. NuGet said:
$(printf '%s\n' "$restore" | tail -n 5 | sed 's/^/  | /')
  Make that package reachable from a NuGet feed, or install Bicep CLI $version yourself and run again with
  BICEP=/path/to/bicep.
MSG
      exit 1
    fi
    chmod +x "$bicep"
  fi
fi

out="$repo/infra/bin"
snapshots="$out/snapshots"
rm -rf "$out"
mkdir -p "$snapshots/callers"

logs="$out/logs"
mkdir -p "$logs"

# Runs one bicep command with its output in $logs/<label>.log (bicep lint exits 0 on
# warnings, so success is judged from the diagnostics, not only from the exit code).
run() {
  local label="$1"
  shift
  "$bicep" "$@" >"$logs/$label.log" 2>&1 || echo "exit code $?" >>"$logs/$label.log"
}

# Each bicep call costs about 1.5 s of start-up: run them side by side.
for template in infra/*.bicep; do
  name="$(basename "$template" .bicep)"
  run "lint-$name" lint "$template" &
  run "build-$name" build "$template" --outfile "$out/$name.json" &
done

# Fixed, fake ids: the snapshots are read by tests, never deployed.
snapshot() {
  local scenario="$1" target="$2" name
  name="$(basename "$scenario" .bicepparam)"
  run "snapshot-$name" snapshot "$scenario" --mode overwrite \
    --subscription-id 00000000-0000-0000-0000-000000000000 \
    --resource-group rg-corsfunctions-ci --location westeurope
  if [ -f "${scenario%.bicepparam}.snapshot.json" ]; then
    mv "${scenario%.bicepparam}.snapshot.json" "$target/$name.snapshot.json"
  else
    echo "no snapshot produced for $scenario" >>"$logs/snapshot-$name.log"
  fi
}

for scenario in tests/Infra.Tests/Scenarios/*.bicepparam; do
  snapshot "$scenario" "$snapshots" &
done
for caller in tests/Infra.Tests/Callers/*.bicep; do
  run "lint-caller-$(basename "$caller" .bicep)" lint "$caller" &
  snapshot "${caller%.bicep}.bicepparam" "$snapshots/callers" &
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
