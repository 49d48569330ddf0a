#!/usr/bin/env bash
# Runs the kiosk demo: the simulated card reader, the fake Dukcapil gateway
# on a loopback port and a demo database under ~/.local/share/kiosk-demo.
# Installs the build's Debian packages first (cgo needs libpcsclite-dev).
# Extra arguments go to "kiosk demo", e.g. scripts/demo.sh -lang en
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --build-only
export CGO_ENABLED=1
exec go run ./cmd/kiosk demo "$@"
