#!/usr/bin/env bash
# Leader failover benchmark (issue 12): meshactors, akka-lan and akka-default back to back in one
# invocation of the leader-failover verb, with the date and `uptime` before and after.
# Usage: scripts/leader-failover.sh [OUT_FILE] [extra leader-failover options...]
# Expects `dotnet build MeshActors.sln -c Release` to have run (node dll, meshctl, benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/leader-failover.$(date -u +%Y%m%d-%H%M%S).txt}"
shift || true
B=benchmarks/MeshActors.Benchmarks/bin/Release/net10.0/MeshActors.Benchmarks
{
  echo "date: $(date -u)"
  echo "uptime before: $(uptime)"
  "$B" leader-failover --kind meshactors,akka-lan,akka-default --nodes 5 --trials 20 --akka-default-trials 5 \
    --node-dll src/MeshActors.Node/bin/Release/net10.0/MeshActors.Node.dll --json "$@" || echo "exit status $?"
  echo "uptime after: $(uptime)"
  echo "date: $(date -u)"
} 2>&1 | tee "$out"
