#!/usr/bin/env bash
# Installs headless Chromium from Debian for the end-to-end browser tests (tests/EndToEnd).
# Idempotent: does nothing when /usr/bin/chromium is already there. Needs root (CI runs as root).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium.sh: /usr/bin/chromium is missing and installing it needs root (apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends: without it apt upgrades unrelated system packages.
apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
