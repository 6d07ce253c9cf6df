#!/usr/bin/env bash
# Installs the system services the corpus tests use: Debian's PostgreSQL server (the store
# tests start their own throw-away cluster from its binaries) and chromium (the Playwright
# browser tests drive it headless). Idempotent and quiet: does nothing when both are there.
# Needs root (CI runs it as root); without root it only says what is missing.
set -euo pipefail

missing=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    missing+=(postgresql)
fi
if ! command -v chromium >/dev/null 2>&1; then
    missing+=(chromium)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "services.sh: missing ${missing[*]}; run as root to install them (tests that need them skip)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian package starts a cluster of its own on install; the tests start theirs on a
# free port, so the packaged one is not needed, but it is left as Debian set it up.
echo "services.sh: installed ${missing[*]}"
