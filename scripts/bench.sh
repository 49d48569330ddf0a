#!/usr/bin/env bash
# Runs the kiosk's benchmarks with the commands that docs/benchmarks.md
# records, and prints the machine they ran on. The PC/SC benchmark needs
# root, like the PC/SC tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CGO_ENABLED=1

echo "machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) CPUs), $(go version)"
go test ./client -run '^$' -bench 'LookupClient|LookupRawHTTP|DecodeLookup' -benchtime 5000x -count 8
go test ./outbox -run '^$' -bench EnqueueDurable -benchtime 5000x -count 3
go test ./outbox -run '^$' -bench Drain -benchtime 3x -count 2
go test ./ppdb -run '^$' -bench . -benchmem -benchtime 1s
go test ./tui -run '^$' -bench Frame -benchtime 2000x -count 3
scripts/bench-startup.sh 5
if [ "$(id -u)" = 0 ]; then
  scripts/pcsc-test.sh -bench
else
  echo "bench: skipping the PC/SC benchmark, which needs root" >&2
fi
