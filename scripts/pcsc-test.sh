#!/usr/bin/env bash
# Runs the PC/SC integration tests of package device against a real pcscd
# with Debian's vsmartcard-vpcd. The tests start and stop pcscd themselves,
# inside a private network namespace with only loopback (vpcd listens on
# all interfaces without authentication) and a private /run, so no other
# pcscd on the machine is touched.
#
# Needs root and the Debian packages pcscd, vsmartcard-vpcd and
# libpcsclite-dev.
#
#   scripts/pcsc-test.sh          run the TestPCSC tests
#   scripts/pcsc-test.sh -bench   also run BenchmarkPCSCCardToNIK
#
# Exits non-zero when a test fails, or when a test was skipped or none ran.
set -euo pipefail
cd "$(dirname "$0")/.."

bench=0
if [ "${1:-}" = "-bench" ]; then
	bench=1
fi

fail() {
	echo "pcsc-test: $*" >&2
	exit 1
}

[ "$(id -u)" = 0 ] || fail "run as root: the private network namespace needs it"
pcscd_bin=$(command -v pcscd || true)
[ -n "$pcscd_bin" ] || [ ! -x /usr/sbin/pcscd ] || pcscd_bin=/usr/sbin/pcscd
[ -n "$pcscd_bin" ] || fail "pcscd not found: apt-get install pcscd vsmartcard-vpcd libpcsclite-dev"
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || fail "vpcd driver not found: apt-get install vsmartcard-vpcd"
command -v unshare >/dev/null || fail "unshare not found: apt-get install util-linux"
command -v ip >/dev/null || fail "ip not found: apt-get install iproute2"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Build outside the namespace, which has no network for module downloads.
go test -c -o "$work/device.test" ./device/
go build -o "$work/fingersim" ./cmd/fingersim
go build -o "$work/vcard" ./cmd/vcard

# PCSC_RUN narrows the tests to a -test.run pattern while debugging.
run=${PCSC_RUN:-^TestPCSC}
args=(-test.run "$run" -test.v -test.count=1 -test.timeout=150s)
if [ "$bench" = 1 ]; then
	args+=(-test.bench '^BenchmarkPCSC' -test.benchtime=20x)
fi

export KIOSK_PCSC=1 KIOSK_PCSCD="$pcscd_bin" KIOSK_FINGERSIM="$work/fingersim" KIOSK_VCARD="$work/vcard"
set +e
unshare --net --mount --propagation private bash -euo pipefail -c '
	ip link set lo up
	mount -t tmpfs -o mode=0755 tmpfs /run
	mkdir /run/pcscd
	cd device
	exec "$@"
' pcsc-test "$work/device.test" "${args[@]}" 2>&1 | tee "$work/out.txt"
status=${PIPESTATUS[0]}
set -e

want=$("$work/device.test" -test.list "$run" | grep -c '^TestPCSC' || true)
passed=$(grep -c '^--- PASS: TestPCSC' "$work/out.txt" || true)
skipped=$(grep -c -- '--- SKIP' "$work/out.txt" || true)

[ "$status" = 0 ] || fail "tests failed (exit status $status)"
[ "$skipped" = 0 ] || fail "$skipped tests were skipped, but all must run here"
[ "$want" -gt 0 ] && [ "$passed" = "$want" ] || fail "$passed of $want TestPCSC tests passed"
echo "pcsc-test: $passed passed, 0 failed"
