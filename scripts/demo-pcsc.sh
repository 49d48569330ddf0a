#!/usr/bin/env bash
# Runs the kiosk demo on the real PC/SC path: pcscd with Debian's
# vsmartcard-vpcd driver, the project's virtual e-KTP and virtual SAM
# (cmd/vcard) in its two readers, and the simulated fingerprint helper
# (cmd/fingersim). Everything runs inside a private network namespace with
# only loopback, because vpcd listens on all interfaces without
# authentication. Needs root.
#
#   scripts/demo-pcsc.sh [-card andi|...]
set -euo pipefail
cd "$(dirname "$0")/.."

[ "$(id -u)" = 0 ] || { echo "demo-pcsc: run as root (the private network namespace needs it)" >&2; exit 1; }
scripts/install-deps.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/kiosk" ./cmd/kiosk
go build -o "$work/vcard" ./cmd/vcard
go build -o "$work/fingersim" ./cmd/fingersim

exec unshare --net --mount --propagation private bash -euo pipefail -c '
	ip link set lo up
	mount -t tmpfs -o mode=0755 tmpfs /run
	mkdir /run/pcscd
	work=$1; shift
	pcscd --foreground >"$work/pcscd.log" 2>&1 &
	pcscd_pid=$!
	sleep 1
	"$work/vcard" "$@" >"$work/vcard.log" 2>&1 &
	vcard_pid=$!
	trap "kill $vcard_pid $pcscd_pid 2>/dev/null || true" EXIT
	"$work/kiosk" demo -reader pcsc -fingerprint-helper "$work/fingersim"
' demo-pcsc "$work" "$@"
