#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed: the end-to-end tests drive
# /usr/bin/chromium with playwright-core (no browser is ever downloaded).
set -euo pipefail
CHROMIUM="${PENHOLDER_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "ensure-chromium: $CHROMIUM not found; installing Debian's chromium package" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-chromium: need root (or sudo) to run apt-get install chromium" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: install finished but $CHROMIUM is missing" >&2; exit 1; }
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null)" >&2
