#!/usr/bin/env bash
# Mutation testing with Stryker.NET (pinned in .config/dotnet-tools.json). Slow (Core: about 12 min on
# 2 cores), so not part of .ci/run: run it before merging a change to Core's decision logic, the request
# path or the snapshot refresher, or to their tests.
# Usage: bash scripts/mutation.sh [core|functions] [extra Stryker arguments, e.g. --mutate "**/Origins/PublicSuffixList.cs"]
#   core       src/Core, by tests/Core.Tests
#   functions  the library's request path and refresher (CorsRequestHandler, PolicySnapshot*), by
#              tests/Functions.Tests without the Azurite integration tests (Category!=Azurite)
#   (neither)  both, one after the other
# Prints the score per file and every mutant left alive; fails when Stryker's overall "break" threshold
# or the per-file threshold of the config ("per-file-thresholds") is not met.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "${1:-}" in
  core) projects=(tests/Core.Tests); shift ;;
  functions) projects=(tests/Functions.Tests); shift ;;
  *) projects=(tests/Core.Tests tests/Functions.Tests) ;;
esac

dotnet tool restore >/dev/null

status=0
for tests in "${projects[@]}"; do
  name="$(basename "$tests")"
  output="$repo/StrykerOutput/$name"
  rm -rf "$output"
  (cd "$tests" && dotnet tool run dotnet-stryker -- --skip-version-check --output "$output" "$@") || status=$?
  dotnet run scripts/MutationReport.cs -- "$output/reports/mutation-report.json" "$tests/stryker-config.json" || status=1
done
exit "$status"
