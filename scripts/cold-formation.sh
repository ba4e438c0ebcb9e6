#!/usr/bin/env bash
# Cluster Bootstrap timings with real node processes (mutual TLS, certificates from meshctl cert),
# contact points found only through a dnsmasq SRV name that lists each node's bootstrap port.
#
#  1. Cold formation: N nodes launched together, RUNS cold starts per bootstrap profile. Per run:
#     launch of the first process -> every node lists the same N members up, and how many nodes
#     logged "Join decided: formed" (more than one = a second cluster). Profiles:
#       meshactors   MeshActors' defaults (stable-margin 1s, interval 500ms, probe-interval 500ms)
#       akka         Akka.Management's reference values (stable-margin 5s, interval 1s, probe-interval 5s)
#       margin1s     stable-margin 1s, Akka's other reference values
#  2. Join: one node joining a running 3-node cluster, launch -> its /health/ready answers 200,
#     RUNS times each through static seeds (meshactors.discovery.static.seeds, Akka's seed-node
#     join) and through the SRV name (Cluster Bootstrap). The joiner leaves (SIGTERM) between runs.
#
#  3. mdns: the same join inside a network namespace, contact points found only over mDNS (root).
#
#   scripts/cold-formation.sh [RUNS=10] [N=5] [PARTS="cold join mdns"]
# Needs dnsmasq, curl and jq; build first: dotnet build MeshActors.sln -c Release
set -euo pipefail
runs="${1:-10}"
n="${2:-5}"
parts="${3:-cold join mdns}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
node_dll="$repo/src/MeshActors.Node/bin/Release/net10.0/MeshActors.Node.dll"
meshctl="$repo/src/MeshActors.Cli/bin/Release/net10.0/meshctl.dll"
for f in "$node_dll" "$meshctl"; do [ -f "$f" ] || { echo "no $f: dotnet build MeshActors.sln -c Release" >&2; exit 1; }; done
for t in dnsmasq curl jq; do command -v "$t" >/dev/null || { echo "needs $t" >&2; exit 1; }; done

# Cluster Bootstrap uses its default discovery method, MeshActors' tiered 'meshactors', which
# reads meshactors.discovery.dns.* (dns_args below).
method=()
# Commands run inside a network namespace (the mdns part); empty: the root namespace.
ns=()
boot=akka.management.cluster.bootstrap
declare -A profile=(
  [meshactors]=""
  [akka]="--set $boot.contact-point-discovery.stable-margin=5s --set $boot.contact-point-discovery.interval=1s --set $boot.contact-point.probe-interval=5s"
  [margin1s]="--set $boot.contact-point-discovery.stable-margin=1s --set $boot.contact-point-discovery.interval=1s --set $boot.contact-point.probe-interval=5s"
)

out="$(mktemp -d /tmp/cold-formation-XXXX)"
pids=()
dns_pid=""
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [ -n "$dns_pid" ] && kill "$dns_pid" 2>/dev/null || true
}
trap cleanup EXIT

cluster=cold
dotnet "$meshctl" cert ca --cluster "$cluster" --out "$out/ca" >/dev/null
for i in $(seq 1 $((n > 4 ? n : 4))); do
  dotnet "$meshctl" cert issue --ca "$out/ca" --cluster "$cluster" --node "node-$i" --out "$out/node-$i" --ip 127.0.0.1 >/dev/null
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
port_base=20000   # below the ephemeral range (32768+)
# Node i of a layout: remoting base+i, control base+100+i, bootstrap base+200+i; dnsmasq base+300.
start_dns() { # base count
  local base=$1 count=$2 conf="$out/dnsmasq-$1.conf"
  { echo "port=$((base + 300))"; printf '%s\n' listen-address=127.0.0.1 bind-interfaces no-resolv no-hosts no-poll local=/test.local/ local-ttl=5
    for i in $(seq 1 "$count"); do
      echo "srv-host=_mesh._tcp.test.local,node-$i.test.local,$((base + 200 + i)),10,50"
      echo "host-record=node-$i.test.local,127.0.0.1"
    done; } > "$conf"
  dnsmasq --keep-in-foreground --conf-file="$conf" --pid-file="$out/dnsmasq-$base.pid" --user=root &
  dns_pid=$!
  until dig +short +time=1 +tries=1 @127.0.0.1 -p $((base + 300)) SRV _mesh._tcp.test.local 2>/dev/null | grep -q .; do :; done
}
stop_dns() { kill "$dns_pid" 2>/dev/null || true; wait "$dns_pid" 2>/dev/null || true; dns_pid=""; }
launch() { # base i data-dir log extra-args...
  local base=$1 i=$2 data=$3 log=$4; shift 4
  "${ns[@]}" dotnet "$node_dll" --set "meshactors.node.id=node-$i" --set "meshactors.cluster.id=$cluster" \
    --set "meshactors.node.data-dir=\"$data\"" --set meshactors.membership.profile=lan \
    --set "meshactors.transport.port=$((base + i))" --set "meshactors.control.port=$((base + 100 + i))" --set "meshactors.bootstrap.port=$((base + 200 + i))" \
    --set "meshactors.transport.tls.ca=\"$out/ca/ca.crt\"" --set "meshactors.transport.tls.cert=\"$out/node-$i/node.crt\"" --set "meshactors.transport.tls.key=\"$out/node-$i/node.key\"" \
    "$@" >"$log" 2>&1 </dev/null &
  pids+=($!)
}
dns_args() { echo --set meshactors.discovery.dns.enabled=true --set 'meshactors.discovery.dns.srv="_mesh._tcp.test.local"' --set "meshactors.discovery.dns.server=\"127.0.0.1:$(($1 + 300))\""; }
all_up() { # base count: every node lists count members, all up
  local base=$1 count=$2 i
  for i in $(seq 1 "$count"); do
    [ "$("${ns[@]}" curl -s --max-time 2 "http://127.0.0.1:$((base + 100 + i))/control/members" | jq '[.members[] | select(.status == "up")] | length' 2>/dev/null)" = "$count" ] || return 1
  done
}
kill_all() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }
median() { sort -n | awk '{a[NR]=$1} END { if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2 }'; }

if [[ " $parts " == *" cold "* ]]; then
echo "# cold formation, N=$n, $runs cold starts per profile; $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A results
run=0
for name in meshactors akka margin1s; do
  for r in $(seq 1 "$runs"); do
    run=$((run + 1)); base=$((port_base + run * 380))
    start_dns "$base" "$n"
    dir="$out/$name-$r"; mkdir -p "$dir"
    t0=$(now_ms)
    # shellcheck disable=SC2046,SC2086
    for i in $(seq 1 "$n"); do launch "$base" "$i" "$dir/data-$i" "$dir/node-$i.log" "${method[@]}" $(dns_args "$base") ${profile[$name]}; done
    deadline=$((t0 + 120000)); ok=1
    until all_up "$base" "$n"; do [ "$(now_ms)" -lt "$deadline" ] || { ok=0; break; }; sleep 0.05; done
    t1=$(now_ms)
    formed=$(cat "$dir"/node-*.log | grep -c "Join decided: formed" || true)
    kill_all; stop_dns
    secs=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.2f", d / 1000 }')
    [ "$ok" = 1 ] || secs="timeout"
    echo "$name run $r: launch -> all $n list $n up: $secs s; formed: $formed $([ "$formed" = 1 ] && echo '(one cluster)' || echo '(NOT one cluster)')"
    results[$name]+="$secs $formed"$'\n'
  done
done
for name in meshactors akka margin1s; do
  times=$(printf '%s' "${results[$name]}" | awk '$1 != "timeout" {print $1}')
  med=$(echo "$times" | median); worst=$(echo "$times" | sort -n | tail -1)
  doubles=$(printf '%s' "${results[$name]}" | awk '$2 != 1' | wc -l)
  echo "SUMMARY cold $name: median $med s, worst $worst s, runs not forming exactly one cluster: $doubles/$runs"
done
fi
if [[ " $parts " == *" join "* ]]; then

# Join: a running 3-node cluster (formed through the SRV name), one node joining it. The SRV
# name lists only the three: a listed contact point that never answers keeps Akka's bootstrap
# from forming (it forms only once every contact point answered), so the joiner is not in it.
echo "# join a running 3-node cluster, $runs runs per way; $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
base=$((port_base + (3 * runs + 1) * 380))
start_dns "$base" 3
dir="$out/join"; mkdir -p "$dir"
# shellcheck disable=SC2046
for i in 1 2 3; do launch "$base" "$i" "$dir/data-$i" "$dir/node-$i.log" "${method[@]}" $(dns_args "$base"); done
deadline=$(( $(now_ms) + 120000 ))
until all_up "$base" 3; do [ "$(now_ms)" -lt "$deadline" ] || { echo "the 3-node cluster did not form" >&2; exit 1; }; sleep 0.1; done
for how in static contact-points dns; do
  list=""
  for r in $(seq 1 "$runs"); do
    case "$how" in
      static) extra=(--set "meshactors.discovery.static.seeds=[\"127.0.0.1:$((base + 1))\"]") ;;
      contact-points) extra=(--set "meshactors.discovery.static.contact-points=[\"127.0.0.1:$((base + 201))\", \"127.0.0.1:$((base + 202))\", \"127.0.0.1:$((base + 203))\"]") ;;
      *) read -ra extra <<<"${method[*]} $(dns_args "$base")" ;;
    esac
    t0=$(now_ms)
    launch "$base" 4 "$dir/data-4-$how-$r" "$dir/joiner-$how-$r.log" "${extra[@]}"
    joiner=${pids[-1]}
    deadline=$((t0 + 60000)); ok=1
    until [ "$("${ns[@]}" curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$((base + 104))/health/ready")" = 200 ]; do [ "$(now_ms)" -lt "$deadline" ] || { ok=0; break; }; sleep 0.02; done
    t1=$(now_ms)
    secs=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.2f", d / 1000 }'); [ "$ok" = 1 ] || secs=timeout
    echo "join via $how run $r: launch -> Up: $secs s"
    list+="$secs"$'\n'
    kill -TERM "$joiner"; wait "$joiner" 2>/dev/null || true
    unset 'pids[-1]'
    back=$(( $(now_ms) + 60000 ))   # the joiner left: back to 3 before the next run
    until all_up "$base" 3; do [ "$(now_ms)" -lt "$back" ] || { echo "after run $r the 3 nodes did not list 3 members up again; node logs in $dir (a node that stopped logs why: event 3007)" >&2; exit 1; }; sleep 0.1; done
  done
  times=$(printf '%s' "$list" | grep -v timeout || true)
  echo "SUMMARY join $how: median $(echo "$times" | median) s, worst $(echo "$times" | sort -n | tail -1) s"
done
kill_all; stop_dns
fi
[[ " $parts " == *" mdns "* ]] || { echo "logs: $out"; exit 0; }

# mDNS: the same join, every process inside one network namespace made here (multicast on its
# loopback only; never in the root namespace), contact points found only over mDNS.
netns="coldform-$$"
ip netns add "$netns"
trap 'cleanup; ip netns del "$netns" 2>/dev/null || true' EXIT
ip -n "$netns" link set lo up
ip -n "$netns" link set lo multicast on
ip -n "$netns" route add 224.0.0.0/4 dev lo src 127.0.0.1
ns=(ip netns exec "$netns")
mdns_args=(--set meshactors.discovery.mdns.enabled=true --set meshactors.discovery.mdns.refresh-interval=2s)
echo "# join a running 3-node cluster through mDNS (network namespace), $runs runs; $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
base=$((port_base + (3 * runs + 2) * 380))
dir="$out/mdns"; mkdir -p "$dir"
for i in 1 2 3; do launch "$base" "$i" "$dir/data-$i" "$dir/node-$i.log" "${mdns_args[@]}"; done
deadline=$(( $(now_ms) + 120000 ))
until all_up "$base" 3; do [ "$(now_ms)" -lt "$deadline" ] || { echo "the 3-node cluster did not form over mDNS" >&2; exit 1; }; sleep 0.1; done
list=""
for r in $(seq 1 "$runs"); do
  t0=$(now_ms)
  launch "$base" 4 "$dir/data-4-$r" "$dir/joiner-$r.log" "${mdns_args[@]}"
  joiner=${pids[-1]}
  deadline=$((t0 + 60000)); ok=1
  until [ "$("${ns[@]}" curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$((base + 104))/health/ready")" = 200 ]; do [ "$(now_ms)" -lt "$deadline" ] || { ok=0; break; }; sleep 0.02; done
  t1=$(now_ms)
  secs=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.2f", d / 1000 }'); [ "$ok" = 1 ] || secs=timeout
  echo "join via mdns run $r: launch -> Up: $secs s"
  list+="$secs"$'\n'
  kill -TERM "$joiner"; wait "$joiner" 2>/dev/null || true
  unset 'pids[-1]'
  back=$(( $(now_ms) + 60000 ))
  until all_up "$base" 3; do [ "$(now_ms)" -lt "$back" ] || { echo "after run $r the 3 nodes did not list 3 members up again; node logs in $dir" >&2; exit 1; }; sleep 0.1; done
done
times=$(printf '%s' "$list" | grep -v timeout || true)
echo "SUMMARY join mdns: median $(echo "$times" | median) s, worst $(echo "$times" | sort -n | tail -1) s"
echo "logs: $out"
