#!/usr/bin/env bash
# Idle CPU of one MeshActors node with no peers: starts the Release node on free ports, lets it
# settle for 8 s, then reads utime+stime from /proc/PID/stat over 15 s and prints the share of
# one core. Extra arguments go to the node (e.g. --set meshactors.transport.tls.mode=insecure).
#   scripts/idle-cpu.sh [--set path=value]...
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
node="$repo/src/MeshActors.Node/bin/Release/net10.0/MeshActors.Node.dll"
[ -f "$node" ] || { echo "no $node: dotnet build MeshActors.sln -c Release" >&2; exit 1; }
dir="$(mktemp -d)"
dotnet "$node" --set "meshactors.node.data-dir=\"$dir\"" --set meshactors.control.port=0 --set meshactors.bootstrap.port=0 --set meshactors.transport.port=0 "$@" > "$dir/node.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
sleep 8   # a fixed settling window before measuring, not a wait for a condition
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); sleep 15; t1=$(ticks)
awk -v d="$((t1 - t0))" -v hz="$hz" 'BEGIN { printf "idle CPU: %.1f %% of a core over 15 s (%d ticks)\n", 100 * d / hz / 15, d }'
