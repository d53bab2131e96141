#!/usr/bin/env bash
# Runs a command with a private, unlocked GNOME Keyring (the Secret Service keytar talks
# to) on its own D-Bus session, with HOME in a temporary folder so no real keyring is touched.
set -euo pipefail
if [ "$#" -eq 0 ]; then echo "usage: scripts/with-keyring.sh <command...>" >&2; exit 2; fi
export ENROLL_DESK_KEYRING_HOME="$(mktemp -d)"
export HOME="$ENROLL_DESK_KEYRING_HOME"
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
exec dbus-run-session -- sh -c 'echo -n enroll-desk | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
