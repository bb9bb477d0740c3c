#!/usr/bin/env bash
# Runs the function app locally in one command:
#   installs the pinned Azurite and Azure Functions Core Tools (npm, into node_modules/, never globally),
#   starts Azurite's blob, queue and table services (the host's AzureWebJobsStorage needs blob and queue, the
#   policies live in a table), seeds samples/policies.json into it, then runs `func start` in src/Functions/App
#   (local.settings.json is created from local.settings.example.json when missing).
# One set of ports serves Azurite, the CLI (push) and the app: the storage settings are handed to `func start` as
# environment variables, which Core Tools lets take precedence over local.settings.json.
#   AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT  ports on 127.0.0.1 (10000, 10001, 10002)
#   AZURITE_LOCATION                                           Azurite's data folder (.azurite/)
#   FUNC                                                       Core Tools to run instead of the pinned copy
#                                                              (e.g. FUNC=func for one on PATH)
#   CORE_TOOLS_PACKAGE                                         the Core Tools npm package folder to set up
#                                                              (node_modules/azure-functions-core-tools)
# Azurite is stopped when the script exits, however it exits.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/azurite.sh

# Core Tools' npm package downloads its real binary on first use (its postinstall, skipped above), from Microsoft's
# CDN: that download is said before it starts, timed and sized when done, and a blocked one names the host to allow.
# A Core Tools already on PATH is used when the repository's copy cannot be set up.
core_tools="${CORE_TOOLS_PACKAGE:-$repo/node_modules/azure-functions-core-tools}"
cdn_host=cdn.functions.azure.com
package_field() { node -p "require('$core_tools/package.json').$1"; }

setup_core_tools() {
  local version started
  version="$(package_field version)"
  echo "run-local: first use of Azure Functions Core Tools $version (pinned in package.json): downloading its func binary," \
    "Azure.Functions.Cli.<os>-<arch>.$version.zip, from https://$cdn_host/public/4.0.$(package_field consolidatedBuildId)/" \
    "into $core_tools/bin (once; the time and size are printed when it is done)"
  started=$SECONDS
  node "$core_tools/lib/install.js" && [ -x "$core_tools/bin/func" ] || return 1
  echo "run-local: Core Tools $version set up in $((SECONDS - started)) s ($(du -sm "$core_tools/bin" | cut -f1) MB in $core_tools/bin)"
}

if [ -n "${FUNC:-}" ]; then
  if ! func="$(command -v "$FUNC")"; then
    echo "run-local: FUNC=$FUNC is not an executable Core Tools (not found on PATH or not executable)." >&2
    exit 1
  fi
else
  func="$core_tools/bin/func"
  if [ ! -x "$func" ]; then
    # The pinned Core Tools declares the Node.js it needs; on an older one its installer crashes obscurely.
    needed="$(package_field "engines.node.replace(/[^0-9.]/g, '')")"
    if [ "$(node -p "process.versions.node.split('.')[0] >= parseInt('$needed') ? 'ok' : 'old'")" != ok ]; then
      if ! func="$(command -v func)"; then
        echo "run-local: Node.js $(node --version) is too old for the pinned Azure Functions Core Tools, which needs Node.js >= $needed." >&2
        echo "  Install Node.js $needed or later, or install Core Tools v4 yourself and put func on PATH." >&2
        exit 1
      fi
    elif ! setup_core_tools; then
      if ! func="$(command -v func)"; then
        cat >&2 <<MSG
run-local: the download of Azure Functions Core Tools from $cdn_host failed (the installer's message is above).
  Allow HTTPS to $cdn_host (behind a proxy: set https_proxy) and run this script again, or install Core Tools v4
  yourself and run with FUNC=func.
MSG
        exit 1
      fi
      echo "run-local: using $func (on PATH) instead of the pinned Core Tools, whose download from $cdn_host failed." >&2
    fi
  fi
fi
if ! func_error="$("$func" --version 2>&1)"; then
  cat >&2 <<MSG
run-local: Azure Functions Core Tools is not usable. It said:
$(printf '%s\n' "$func_error" | tail -n 15 | sed 's/^/  | /')
  Its npm package (azure-functions-core-tools, pinned in package.json) downloads the func binary from
  $cdn_host on first use. Allow that download and run this script again, or install Core Tools v4
  yourself, put func on PATH and run this script again.
MSG
  exit 1
fi

# Every port is checked before anything starts, and every problem is reported at once.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
problems=()
for spec in blob:AZURITE_BLOB_PORT:10000 queue:AZURITE_QUEUE_PORT:10001 table:AZURITE_TABLE_PORT:10002; do
  IFS=: read -r service variable default <<<"$spec"
  port="${!variable:-$default}"
  printf -v "${service}_port" '%s' "$port"
  if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
    problems+=("$variable=$port is not a port number (1-65535)")
  elif listening "$port"; then
    problems+=("port $port ($service, $variable) is already in use on 127.0.0.1 (another Azurite?)")
  fi
done
if [ "$blob_port" = "$queue_port" ] || [ "$blob_port" = "$table_port" ] || [ "$queue_port" = "$table_port" ]; then
  problems+=("the blob, queue and table ports must differ (now $blob_port, $queue_port, $table_port)")
fi
if [ "${#problems[@]}" -gt 0 ]; then
  printf 'run-local: %s\n' "${problems[@]}" >&2
  cat >&2 <<MSG
  Nothing was started or seeded. Stop the process that holds the port, or choose free ports, e.g.
  AZURITE_BLOB_PORT=20000 AZURITE_QUEUE_PORT=20001 AZURITE_TABLE_PORT=20002 bash scripts/run-local.sh
MSG
  exit 1
fi

data="${AZURITE_LOCATION:-$repo/.azurite}"
mkdir -p "$data"
# --skipApiVersionCheck: the Functions host's storage SDK may speak a newer API version than this Azurite knows.
node_modules/.bin/azurite --location "$data" --silent --disableTelemetry --skipApiVersionCheck \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true' EXIT

# Azurite listens within about 2 s; the generous limit is for a loaded machine.
for port in "$blob_port" "$queue_port" "$table_port"; do
  for _ in $(seq 1 600); do
    if ! kill -0 "$azurite_pid" 2>/dev/null; then
      echo "run-local: Azurite exited before it listened (its message is above); nothing was seeded." >&2
      exit 1
    fi
    if listening "$port"; then
      continue 2
    fi
    sleep 0.1
  done
  echo "run-local: Azurite did not listen on 127.0.0.1:$port within 60 s; nothing was seeded." >&2
  exit 1
done

# The well-known development account of every Azure storage emulator (public, not a secret).
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
storage+="BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
storage+="QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;"
storage+="TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
table=CorsPolicies
policy_set=default

dotnet run --project tools/Cli -- push --file samples/policies.json --connection-string "$storage" \
  --table "$table" --policy-set "$policy_set"

cd src/Functions/App
if [ ! -f local.settings.json ]; then
  cp local.settings.example.json local.settings.json
  echo "run-local: created src/Functions/App/local.settings.json from local.settings.example.json"
fi
echo "run-local: Azurite blob $blob_port, queue $queue_port, table $table_port; AzureWebJobsStorage and CorsPolicies__ConnectionString, __TableName, __PartitionKey set for func start (they override local.settings.json)"
AzureWebJobsStorage="$storage" CorsPolicies__ConnectionString="$storage" \
  CorsPolicies__TableName="$table" CorsPolicies__PartitionKey="$policy_set" \
  "$func" start
