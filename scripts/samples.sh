#!/usr/bin/env bash
# Builds the sample apps under samples/ from the packages in artifacts/packages (scripts/pack.sh first), then checks
# that each one really consumed the packages just packed: CorsFunctions.Core and CorsFunctions.Worker restored as
# packages (not projects) with the hash of the .nupkg in the feed, and the library's CorsPreflight function indexed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

status=0
for project in samples/BuiltInHttp/BuiltInHttp.csproj samples/AspNetCore/AspNetCore.csproj; do
  dotnet restore "$project" --force -nologo -v:q
  dotnet build "$project" -c Release --no-restore -nologo -v:q
  dotnet run scripts/SamplePackageCheck.cs -- "$(dirname "$project")" artifacts/packages || status=1
done
exit "$status"
