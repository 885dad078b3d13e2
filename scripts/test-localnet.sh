#!/usr/bin/env bash
# The localnet fault tests (test/localnet): four validators, each its own agorad and CometBFT,
# killed, paused and restarted. Apart from `make test`: they start many processes and take minutes.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp)
mapfile -t files < <(find dist/test/localnet -name '*.test.js' | sort)
start=$(date +%s)
# One file at a time: each runs its own four validators, and two localnets would starve each other.
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results" "${files[@]}"
status=$?
passed=$(grep -E '^# pass ' "$results" | awk '{print $3}')
failed=$(grep -E '^# fail ' "$results" | awk '{print $3}')
rm -f "$results"
echo "localnet tests took $(( $(date +%s) - start )) s"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then exit 1; fi
