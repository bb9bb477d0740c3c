#!/usr/bin/env bash
# Finds a Chromium or Chrome for the end-to-end browser tests (tests/EndToEnd) and prints its path, alone, on
# stdout (messages go to stderr). In this order:
#   1. CHROMIUM_PATH, then CHROME_PATH, when set: it must be an executable (a wrong value is an error, not skipped);
#   2. the first of chromium, chromium-browser, google-chrome, google-chrome-stable, chrome on PATH;
#   3. Google Chrome or Chromium in /Applications (macOS);
#   4. otherwise, as root where apt-get exists (Debian, Ubuntu, CI), installs Debian's chromium.
set -euo pipefail

for variable in CHROMIUM_PATH CHROME_PATH; do
  value="${!variable:-}"
  if [ -n "$value" ]; then
    if [ -f "$value" ] && [ -x "$value" ]; then
      echo "$value"
      exit 0
    fi
    echo "chromium.sh: $variable=$value is not an executable Chromium or Chrome." >&2
    exit 1
  fi
done

for name in chromium chromium-browser google-chrome google-chrome-stable chrome; do
  if path="$(command -v "$name")"; then
    echo "$path"
    exit 0
  fi
done

for app in "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" "/Applications/Chromium.app/Contents/MacOS/Chromium"; do
  if [ -x "$app" ]; then
    echo "$app"
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "chromium.sh: no Chromium or Chrome found; installing Debian's chromium (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # --no-install-recommends: without it apt upgrades unrelated system packages.
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  command -v chromium
  exit 0
fi

# printf is a builtin: the message still comes out when PATH holds nothing at all.
printf '%s\n' >&2 \
  "chromium.sh: no Chromium or Chrome found (looked at CHROMIUM_PATH, CHROME_PATH, then chromium," \
  "  chromium-browser, google-chrome, google-chrome-stable and chrome on PATH, and /Applications on macOS)." \
  "  Install Chromium or Chrome, or set CHROMIUM_PATH=/path/to/browser. As root where apt-get exists, this" \
  "  script installs Debian's chromium itself."
exit 1
