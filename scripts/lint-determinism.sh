#!/usr/bin/env bash
# The state machine's law (shared/DESIGN.md): no clock, randomness, floats or JSON hashing in
# code that runs inside CheckTx, FinalizeBlock or Commit. Tests are exempt.
set -uo pipefail
cd "$(dirname "$0")/.."
hits=$(grep -rnE 'Math\.random|Date\.now|new Date\(|parseFloat|performance\.now' \
  --include='*.ts' sdk/store sdk/baseapp sdk/collections x/ | grep -v '\.test\.ts:' || true)
if [ -n "$hits" ]; then
  echo "non-deterministic calls in state-machine code:"
  echo "$hits"
  exit 1
fi
echo "determinism lint: clean"
