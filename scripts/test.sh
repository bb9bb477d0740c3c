#!/usr/bin/env bash
# Runs every test of the repository: build, packages and the sample apps built from them, unit, integration
# (real Azurite), CLI (tests/Cli.Tests, real Azurite) and template tests.
# Installs what it needs itself, checks the Markdown files' relative links (scripts/check-links.sh) and ends with the
# line "N passed, N failed" (totals of all runs; a failed sample check and each broken link count as failed tests).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
results="$repo/TestResults"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# What the tests need, each step idempotent: Bicep CLI for this OS and architecture (compiles infra/ for the
# template tests), Azurite from the npm lockfile (integration and end-to-end tests start their own instances),
# a Chromium or Chrome for the end-to-end browser tests (found, or installed from Debian as root).
bash scripts/bicep.sh
bash scripts/azurite.sh
browser="$(bash scripts/chromium.sh)"
echo "chromium: $browser"
export CHROMIUM_PATH="$browser"

dotnet build CorsFunctions.sln -c Release

# Pack the libraries and the corsfunctions tool into artifacts/packages, then build the sample apps from those
# packages alone (scripts/samples.sh fails when a sample fell back to the projects or to a stale package).
bash scripts/pack.sh
status=0
package_failures=0
bash scripts/samples.sh || { status=1; package_failures=1; }
# The corsfunctions tool from that feed, installed into a tool path of its own: --help and validate must run.
bash scripts/cli-tool.sh --feed artifacts/packages || { status=1; package_failures=$((package_failures + 1)); }
# CorsFunctions.Core and CorsFunctions.Worker against their 0.1.0 surface (baseline built from that commit).
bash scripts/package-validation.sh || { status=1; package_failures=$((package_failures + 1)); }

dotnet test CorsFunctions.sln -c Release --no-build \
  --logger "trx" --results-directory "$results" || status=$?

# Every relative link and #anchor of the Markdown files must resolve (scripts/check-links.sh prints each broken one
# as FILE:LINE); each broken link counts as one failed test, a checker that could not run as one.
link_failures=0
links_output="$(bash scripts/check-links.sh 2>&1)" || {
  status=1
  link_failures="$(grep -c ': broken link ' <<<"$links_output" || true)"
  [ "$link_failures" -gt 0 ] || link_failures=1
}
printf '%s\n' "$links_output"

# Sum the counters of every TRX file: dotnet test's own summary is per project.
passed=0
failed=$((package_failures + link_failures))
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
