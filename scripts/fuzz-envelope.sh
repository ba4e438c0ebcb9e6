#!/usr/bin/env bash
# Runs the envelope decoder fuzz test with many more cases than CI: 10,000,000 by default.
#   scripts/fuzz-envelope.sh [CASES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export MESHACTORS_FUZZ_CASES="${1:-10000000}" MESHACTORS_FUZZ_SEED="${2:-20261121}"
echo "fuzzing the envelope decoder: $MESHACTORS_FUZZ_CASES cases, seed $MESHACTORS_FUZZ_SEED"
dotnet test tests/MeshActors.Tests -c Release --filter "FullyQualifiedName~EnvelopeFuzzTests.Random_and_mutated" --logger "console;verbosity=detailed"
