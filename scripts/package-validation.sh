#!/usr/bin/env bash
# Package validation against the shipped 0.1.0 surface. 0.1.0 was never published to a feed and has no tag: it is
# what landed on main at commit fbf3191 (2026-12-03, the first landing that packed CorsFunctions.Core and
# CorsFunctions.Worker 0.1.0; see CHANGELOG.md). So the baseline packages are built from that commit's source, offline,
# into a temporary folder, and the SDK's package validation (EnablePackageValidation with PackageValidationBaselinePath)
# compares each current package with its 0.1.0 baseline: a public API removed or changed since then fails, unless
# the project's CompatibilitySuppressions.xml lists it as a deliberate break (each one is in CHANGELOG.md).
# CorsFunctions.Worker.Management and the CLI did not exist in 0.1.0: they have no baseline.
# Usage: bash scripts/package-validation.sh   (the current projects built in Release)
#        ApiCompatGenerateSuppressionFile=true bash scripts/package-validation.sh   rewrites the suppression files
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
baseline_commit=fbf3191d429329ded36db817746804b9983ea292
projects=(src/Core/Core.csproj src/Functions/CorsFunctions.Worker/CorsFunctions.Worker.csproj)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "package-validation: building the 0.1.0 baseline from commit ${baseline_commit:0:7}"
mkdir -p "$work/source"
git archive "$baseline_commit" | tar -x -C "$work/source"
for project in "${projects[@]}"; do
  dotnet pack "$work/source/$project" -c Release -o "$work/baseline" -nologo -v:q -p:CI=false
done

status=0
for project in "${projects[@]}"; do
  id="$(dotnet msbuild "$project" -getProperty:PackageId)"
  dotnet pack "$project" -c Release --no-build -o "$work/current" -nologo -v:q \
    -p:EnablePackageValidation=true \
    -p:PackageValidationBaselinePath="$work/baseline/$id.0.1.0.nupkg" \
    -p:ApiCompatGenerateSuppressionFile="${ApiCompatGenerateSuppressionFile:-false}" || status=1
done
if [ "$status" -ne 0 ]; then
  echo "package-validation: a package breaks the 0.1.0 surface (above). Keep the API, or list the deliberate break in CHANGELOG.md and regenerate the suppressions (see this script's usage)." >&2
  exit 1
fi
echo "package-validation: CorsFunctions.Core and CorsFunctions.Worker are compatible with 0.1.0 (deliberate breaks: each project's CompatibilitySuppressions.xml)"
