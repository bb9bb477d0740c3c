#!/usr/bin/env bash
# Packs CorsFunctions.Core, CorsFunctions.Worker, CorsFunctions.Worker.Management and the corsfunctions tool (Release, already built unless --build is given) into the local
# folder feed artifacts/packages, which samples/NuGet.config reads. The version is Version.props' one.
# Usage: bash scripts/pack.sh [--build]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
feed="$repo/artifacts/packages"
build_flag="--no-build"
[ "${1:-}" = "--build" ] && build_flag=""

rm -rf "$feed"
mkdir -p "$feed"
for project in src/Core/Core.csproj src/Functions/CorsFunctions.Worker/CorsFunctions.Worker.csproj; do
  dotnet pack "$project" -c Release $build_flag -o "$feed" -nologo -v:q
done
# The opt-in management API, a package of its own (an app that does not reference it has none of its functions).
dotnet pack src/Functions/CorsFunctions.Worker.Management/CorsFunctions.Worker.Management.csproj -c Release $build_flag -o "$feed" -nologo -v:q
# The corsfunctions .NET tool (scripts/cli-tool.sh installs it from this feed).
dotnet pack tools/Cli/CorsFunctions.Cli.csproj -c Release $build_flag -o "$feed" -nologo -v:q

# The same version is packed again on every run: drop what an earlier restore extracted, or NuGet would keep
# serving that stale copy from its global packages folder instead of the package just built.
version="$(sed -n 's:.*<CorsFunctionsVersion>\(.*\)</CorsFunctionsVersion>.*:\1:p' Version.props)"
global="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
for id in corsfunctions.core corsfunctions.worker; do
  rm -rf "${global%/}/$id/$version"
done
rm -rf "${global%/}/corsfunctions.worker.management/$version"
rm -rf "${global%/}/corsfunctions.cli/$version"

ls -l "$feed"
