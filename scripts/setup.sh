#!/usr/bin/env bash
# Sets up a fresh Debian machine for enroll-desk: system packages, then npm packages.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  libsecret-1-dev   # keytar builds against it
  gnome-keyring     # a Secret Service for keytar (tests, desks without a desktop keyring)
  dbus-x11          # dbus-run-session for the keyring
  chromium          # Playwright end-to-end tests and browser mode
  fonts-dejavu-core # readable screenshots
  xvfb xauth        # headed runs (webcam tests, Electron where present)
)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}"
fi

if [ -f package-lock.json ]; then npm ci --no-fund --no-audit; else npm install --no-fund --no-audit; fi
