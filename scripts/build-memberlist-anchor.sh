#!/usr/bin/env bash
# Builds the HashiCorp memberlist anchor (benchmarks/anchors/memberlist-bench/main.go) with
# Debian's Go toolchain and memberlist 0.2.2 sources, without modules or network access.
#   scripts/build-memberlist-anchor.sh [OUTPUT]     (default /tmp/mlbench)
# Installs golang-go and golang-github-hashicorp-memberlist-dev with apt-get when missing (root).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/tmp/mlbench}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

missing=()
for pkg in golang-go golang-github-hashicorp-memberlist-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

work="$(mktemp -d /tmp/mlbench-build.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/mlbench"
cp "$repo/benchmarks/anchors/memberlist-bench/main.go" "$work/src/mlbench/"
GO111MODULE=off GOPATH="$work:/usr/share/gocode" GOCACHE="$work/cache" GOFLAGS= \
  go build -o "$out" mlbench
echo "built $out ($(go version))"
