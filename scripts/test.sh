#!/usr/bin/env bash
# Runs every test: formatting and vet, the unit and TUI tests, and the
# PC/SC integration tests on a real pcscd with vsmartcard-vpcd. Installs
# the Debian packages they need first. The PC/SC tests need root (they
# make a private network namespace); as another user they run through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CGO_ENABLED=1

unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
  echo "test: gofmt would change these files:" >&2
  echo "$unformatted" >&2
  exit 1
fi
go vet ./...
go test -count=1 ./...

if [ "$(id -u)" = 0 ]; then
  scripts/pcsc-test.sh
else
  sudo env "PATH=$PATH" "GOPATH=$(go env GOPATH)" "GOCACHE=$(go env GOCACHE)" "GOMODCACHE=$(go env GOMODCACHE)" scripts/pcsc-test.sh
fi
