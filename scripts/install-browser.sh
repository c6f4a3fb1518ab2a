#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser tests. Idempotent: does nothing when a chromium binary is
# already on PATH or CHROMIUM_PATH points at one. The tests never download a browser of their own.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then
  exit 0
fi
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium chromium-driver
command -v chromium >/dev/null 2>&1 || { echo "chromium was installed but is not on PATH" >&2; exit 1; }
