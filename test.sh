#!/usr/bin/env bash
# The one test command: installs the OS-level peers the tests need, builds, runs every test,
# and ends with "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests talk to or drive. Each is installed only when missing.
# openssl: the tests check certificates with it and probe the mesh port with s_client.
# dnsmasq-base, unbound, dnsutils: real DNS servers for the DNS provider (unbound changes records at run time).
# python3-zeroconf, iproute2: an independent mDNS peer, run inside network namespaces the tests create.
# avahi-daemon, avahi-utils, dbus: a second mDNS peer (avahi on a private D-Bus bus, in a test's namespace).
# prometheus: its promtool checks a real /metrics scrape.
# postgresql: a real PostgreSQL server (initdb + pg_ctl on a private port) for the postgres lease store.
# iptables: cuts a node's link inside its own namespace (the leader partition test).
PACKAGES=(openssl dnsmasq-base dnsutils unbound python3-zeroconf iproute2 avahi-daemon avahi-utils dbus prometheus postgresql iptables)

missing=()
for p in ${PACKAGES[@]+"${PACKAGES[@]}"}; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test.sh: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=TestResults
rm -rf "$results"
dotnet build MeshActors.sln -c Release -nologo -clp:ErrorsOnly
status=0
# One test project after the other, not side by side as `dotnet test MeshActors.sln` would run them:
# the node tests start up to twelve node processes whose failure detectors must not compete for
# two cores with the in-process suite's own clusters (a 10-process membership test once had a
# member downed that way).
for project in tests/MeshActors.Tests tests/MeshActors.Node.Tests; do
  dotnet test "$project" -c Release --no-build -nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?
done

passed=0 failed=0 skipped=0
shopt -s nullglob
trx=("$results"/*.trx)
if ((${#trx[@]} == 0)); then
  echo "test.sh: no test results were written" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
for f in "${trx[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$f")
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if ((status != 0 && failed == 0)); then failed=1; fi
if ((skipped)); then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
((failed == 0))
