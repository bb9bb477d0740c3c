#!/usr/bin/env bash
# Installs the corsfunctions tool as a user would (dotnet tool install --tool-path) from a folder feed, then runs
# `corsfunctions --help` and `corsfunctions validate --strict` on samples/policies.json from the installed tool.
# Usage: bash scripts/cli-tool.sh [--feed DIR]
#   --feed DIR  the folder feed holding CorsFunctions.Cli.<version>.nupkg (scripts/pack.sh writes artifacts/packages);
#               without it, tools/Cli (Release, already built) is packed into a temporary feed first.
# NuGet reads that feed alone (a config of its own) into a private package folder, so neither another source nor a
# copy of the same version cached by an earlier install can stand in for the package under test.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

feed=""
if [ "${1:-}" = "--feed" ]; then
  feed="$(cd "${2:?cli-tool: --feed needs a folder}" && pwd)"
else
  feed="$work/feed"
  dotnet pack tools/Cli/CorsFunctions.Cli.csproj -c Release --no-build -o "$feed" -nologo -v:q
fi

version="$(sed -n 's:.*<CorsFunctionsVersion>\(.*\)</CorsFunctionsVersion>.*:\1:p' Version.props)"
package="$feed/CorsFunctions.Cli.$version.nupkg"
if [ ! -f "$package" ]; then
  echo "cli-tool: $package is missing (scripts/pack.sh packs the tool)" >&2
  exit 1
fi

cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="corsfunctions" value="$feed" />
  </packageSources>
</configuration>
CONFIG
export NUGET_PACKAGES="$work/packages"
dotnet tool install CorsFunctions.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config"

tool="$work/tools/corsfunctions"
help="$("$tool" --help)"
if ! grep -q '^  corsfunctions \[command\] \[options\]$' <<<"$help"; then
  printf 'cli-tool: the installed tool'"'"'s usage does not name corsfunctions:\n%s\n' "$help" >&2
  exit 1
fi
"$tool" validate --strict --file samples/policies.json

echo "cli-tool: CorsFunctions.Cli $version ($(stat -c %s "$package") bytes) installed from $feed; --help and validate ran from the installed tool"
