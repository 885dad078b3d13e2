#!/usr/bin/env bash
# Runs every test (unit, in-process ABCI, end to end with CometBFT) with node's test runner and
# ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp)
# Only *.test.js files: node would also run every file under a test/ folder (the helpers there).
mapfile -t files < <(find dist -name '*.test.js' | sort)
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results" "${files[@]}"
status=$?
passed=$(grep -E '^# pass ' "$results" | awk '{print $3}')
failed=$(grep -E '^# fail ' "$results" | awk '{print $3}')
rm -f "$results"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then exit 1; fi
