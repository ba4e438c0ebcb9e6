#!/usr/bin/env bash
# False-down soak: N nodes (default 5), each in its own network namespace, joined through a bridge
# in a hub namespace (10.200.0.x/24, only inside the namespaces this script creates), with random
# loss on every link (default 5 %: iptables statistic DROP on each node's veth INPUT). Once every
# node lists N members up, the loss is switched on and a watcher in each namespace polls that
# node's GET /control/members for the soak's duration, writing every change it sees. Nothing is
# killed, so every member that any node saw as down or removed is a false down.
#
#   scripts/false-downs.sh [--kind akka-default|meshactors] [--seconds 600] [--nodes 5] [--loss 0.05]
#                          [--bench-dll PATH] [--node-dll PATH] [--meshctl PATH] [--profile lan]
#                          [--out DIR]
# Needs root, iproute2, iptables, jq, curl (installed with apt-get when missing) and a Release
# build of benchmarks/MeshActors.Benchmarks (and, for --kind meshactors, of the node and meshctl).
# Prints the counts and leaves the watchers' logs and the nodes' logs in --out. Exit status 0 when
# the soak ran (whatever it found), 1 when it could not.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
kind=akka-default seconds=600 nodes=5 loss=0.05 profile=lan out=""
bench="$repo/benchmarks/MeshActors.Benchmarks/bin/Release/net10.0/MeshActors.Benchmarks.dll"
node_dll="$repo/src/MeshActors.Node/bin/Release/net10.0/MeshActors.Node.dll"
meshctl="$repo/src/MeshActors.Cli/bin/Release/net10.0/meshctl.dll"
while [ $# -gt 0 ]; do
  case "$1" in
    --kind) kind="$2" ;; --seconds) seconds="$2" ;; --nodes) nodes="$2" ;; --loss) loss="$2" ;;
    --bench-dll) bench="$2" ;; --node-dll) node_dll="$2" ;; --meshctl) meshctl="$2" ;;
    --profile) profile="$2" ;; --out) out="$2" ;;
    *) echo "unknown argument $1" >&2; exit 1 ;;
  esac
  shift 2
done
case "$kind" in akka-default|meshactors) ;; *) echo "--kind akka-default|meshactors" >&2; exit 1 ;; esac
[ "$nodes" -ge 3 ] && [ "$nodes" -le 200 ] || { echo "--nodes 3..200" >&2; exit 1; }
[ -f "$bench" ] || { echo "no $bench: dotnet build benchmarks/MeshActors.Benchmarks -c Release" >&2; exit 1; }
if [ "$kind" = meshactors ]; then
  [ -f "$node_dll" ] && [ -f "$meshctl" ] || { echo "--kind meshactors needs --node-dll and --meshctl (got $node_dll, $meshctl)" >&2; exit 1; }
fi
missing=()
command -v iptables >/dev/null || missing+=(iptables)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

out="${out:-$(mktemp -d /tmp/false-downs.XXXXXX)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
tag="fd$$"
hub="$tag-hub"
port=2552 control=8558
pids=()
namespaces=()

cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

ns_of() { echo "$tag-n$1"; }
addr_of() { echo "10.200.0.$(( $1 + 1 ))"; }

ip netns add "$hub"; namespaces+=("$hub")
ip -n "$hub" link add br0 type bridge
ip -n "$hub" link set br0 up
for i in $(seq 0 $((nodes - 1))); do
  ns="$(ns_of "$i")"
  ip netns add "$ns"; namespaces+=("$ns")
  ip -n "$hub" link add "vh$i" type veth peer name veth0 netns "$ns"
  ip -n "$hub" link set "vh$i" master br0 up
  ip -n "$ns" addr add "$(addr_of "$i")/24" dev veth0
  ip -n "$ns" link set lo up
  ip -n "$ns" link set veth0 up
done

if [ "$kind" = meshactors ]; then
  dotnet "$meshctl" cert ca --cluster bench --out "$out/ca" >/dev/null
  for i in $(seq 0 $((nodes - 1))); do
    dotnet "$meshctl" cert issue --ca "$out/ca" --cluster bench --node "node-$i" --out "$out/node-$i" --ip "$(addr_of "$i")" >/dev/null
  done
fi

start_node() {
  local i="$1" ns addr
  ns="$(ns_of "$i")" addr="$(addr_of "$i")"
  if [ "$kind" = akka-default ]; then
    ip netns exec "$ns" dotnet "$bench" akka-node --system bench --host "$addr" --port "$port" \
      --seeds "$(addr_of 0):$port" --control-host 127.0.0.1 --control-port "$control" >"$out/node-$i.log" 2>&1 </dev/null &
  else
    ip netns exec "$ns" dotnet "$node_dll" \
      --set "meshactors.node.id=node-$i" --set meshactors.cluster.id=bench \
      --set "meshactors.transport.host=$addr" --set "meshactors.transport.port=$port" \
      --set "meshactors.transport.tls.ca=\"$out/ca/ca.crt\"" \
      --set "meshactors.transport.tls.cert=\"$out/node-$i/node.crt\"" \
      --set "meshactors.transport.tls.key=\"$out/node-$i/node.key\"" \
      --set meshactors.control.host=127.0.0.1 --set "meshactors.control.port=$control" \
      --set meshactors.bootstrap.port=0 \
      --set "meshactors.discovery.static.seeds=[\"$(addr_of 0):$port\"]" \
      --set "meshactors.membership.profile=$profile" \
      --set "meshactors.node.data-dir=\"$out/data-$i\"" >"$out/node-$i.log" 2>&1 </dev/null &
  fi
  pids+=($!)
  node_pids[$i]=$!
}

# How many members node i lists as up, or -1 when it does not answer.
up_count() {
  local n
  n="$(ip netns exec "$(ns_of "$1")" curl -sf --max-time 2 "http://127.0.0.1:$control/control/members" \
    | jq '[.members[] | select(.status == "up")] | length' 2>/dev/null)" || n=-1
  echo "${n:--1}"
}

declare -a node_pids
echo "false-downs $(date -u '+%Y-%m-%d %H:%M') UTC: kind=$kind nodes=$nodes loss=$loss seconds=$seconds; logs in $out"
for i in $(seq 0 $((nodes - 1))); do start_node "$i"; done
deadline=$(( $(date +%s) + 180 ))
for i in $(seq 0 $((nodes - 1))); do
  until [ "$(up_count "$i")" -ge "$nodes" ]; do
    kill -0 "${node_pids[$i]}" 2>/dev/null || { echo "node $i exited before the full view; see $out/node-$i.log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no full view within 180 s (node $i); see $out" >&2; exit 1; }
    sleep 0.2
  done
done
echo "full view: all $nodes nodes list $nodes members up; starting $loss loss on every link and the watchers for $seconds s"

watchers=()
for i in $(seq 0 $((nodes - 1))); do
  ip netns exec "$(ns_of "$i")" dotnet "$bench" watch-members --control-port "$control" --label "node-$i" \
    --seconds "$seconds" --poll-ms 200 --out "$out/watch-$i.log" >"$out/watcher-$i.err" 2>&1 </dev/null &
  pids+=($!); watchers+=($!)
done
rx_packets() { ip -n "$(ns_of "$1")" -s -j link show veth0 | jq '.[0].stats64.rx.packets'; }
declare -a rx_before
for i in $(seq 0 $((nodes - 1))); do
  rx_before[$i]="$(rx_packets "$i")"
  ip netns exec "$(ns_of "$i")" iptables -A INPUT -i veth0 -m statistic --mode random --probability "$loss" -j DROP
done
for pid in "${watchers[@]}"; do wait "$pid" || true; done

exited=()
for i in $(seq 0 $((nodes - 1))); do kill -0 "${node_pids[$i]}" 2>/dev/null || exited+=("node-$i"); done
cat "$out"/watch-*.log > "$out/all-events.log"
downs="$(awk '$3 == "status" && $5 == "down" || $3 == "absent" { print $4 }' "$out/all-events.log" | sort -u)"
left="$(awk '$3 == "status" && ($5 == "leaving" || $5 == "exiting") { print $4 }' "$out/all-events.log" | sort -u)"
unreachable_events="$(awk '$3 == "reachable" && $5 == "false"' "$out/all-events.log" | wc -l)"
unreachable_members="$(awk '$3 == "reachable" && $5 == "false" { print $4 }' "$out/all-events.log" | sort -u | wc -l)"
echo "result: kind=$kind nodes=$nodes loss=$loss seconds=$seconds"
echo "  false downs (members some node saw down or removed; none was killed): $(printf '%s' "$downs" | grep -c . || true) ${downs//$'\n'/ }"
echo "  members some node saw leaving/exiting: $(printf '%s' "$left" | grep -c . || true)"
echo "  unreachable observations: $unreachable_events, of $unreachable_members distinct member(s)"
echo "  node processes that exited during the soak: ${#exited[@]} ${exited[*]:-}"
dropped=0 received=0
for i in $(seq 0 $((nodes - 1))); do
  d="$(ip netns exec "$(ns_of "$i")" iptables -L INPUT -v -n -x | awk '$3 == "DROP" { s += $1 } END { print s + 0 }')"
  dropped=$((dropped + d)) received=$((received + $(rx_packets "$i") - rx_before[i]))
done
echo "  packets dropped by the loss rules: $dropped of $received that arrived on the nodes' links during the soak"
grep -h summary "$out"/watch-*.log | sed 's/^/  watcher /'
