#!/usr/bin/env bash
# Measures the built kiosk demo as an operator meets it: the time from
# starting the process to the first frame on the terminal, and the resident
# memory once the database, fake gateway and simulated reader are up.
# Runs the demo in a detached tmux session with a throwaway data directory.
#   scripts/bench-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
command -v tmux >/dev/null || { echo "bench-startup: needs tmux (apt-get install tmux)" >&2; exit 1; }

work=$(mktemp -d)
trap 'tmux kill-session -t kiosk-bench 2>/dev/null || true; rm -rf "$work"' EXIT
CGO_ENABLED=1 go build -o "$work/kiosk" ./cmd/kiosk

for i in $(seq "$runs"); do
  rm -rf "$work/data"
  start=$(date +%s%N)
  tmux new-session -d -s kiosk-bench -x 80 -y 24 "$work/kiosk demo -data $work/data"
  until tmux capture-pane -p -t kiosk-bench 2>/dev/null | grep -q "Kiosk PPDB"; do sleep 0.005; done
  first=$(( ($(date +%s%N) - start) / 1000000 ))
  until tmux capture-pane -p -t kiosk-bench | grep -q "Dukcapil: siap"; do sleep 0.01; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  pid=$(pgrep -f "$work/kiosk demo" | head -n 1)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "run $i: first frame ${first} ms, all parts up ${ready} ms, RSS ${rss} KiB"
  tmux kill-session -t kiosk-bench
  sleep 0.2
done
