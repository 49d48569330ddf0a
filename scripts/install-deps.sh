#!/usr/bin/env bash
# Installs the Debian packages the kiosk needs to build and test:
#   libpcsclite-dev  headers for github.com/ebfe/scard (cgo)
#   gcc, pkg-config  the cgo toolchain
#   pcscd            the PC/SC daemon the integration tests start
#   vsmartcard-vpcd  the virtual reader driver the virtual e-KTP and SAM plug into
#   iproute2         "ip", to bring up loopback in the tests' private network namespace
#   util-linux       "unshare", to make that namespace
# Packages already installed are left alone, so a second run is quick.
set -euo pipefail

packages=(libpcsclite-dev gcc pkg-config pcscd vsmartcard-vpcd iproute2 util-linux)
if [ "${1:-}" = "--build-only" ]; then
  packages=(libpcsclite-dev gcc pkg-config)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
