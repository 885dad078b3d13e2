#!/usr/bin/env bash
# Runs every test (unit, in-process ABCI, end to end with CometBFT) with node's test runner and
# ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp)
# Only *.test.js files: node would also run every file under a test/ folder (the helpers there).
# The localnet's fault tests run apart, with `make test-localnet`.
mapfile -t files < <(find dist -name '*.test.js' -not -path 'dist/test/localnet/*' | sort)
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results" "${files[@]}"
status=$?
passed=$(grep -E '^# pass ' "$results" | awk '{print $3}')
failed=$(grep -E '^# fail ' "$results" | awk '{print $3}')

# The circuits' Go tests (soundness, the three-contributor ceremony), counted alongside.
(cd circuits && go test -json ./...) > "$results.go"
go_status=$?
read -r go_passed go_failed < <(node scripts/count-go-tests.mjs < "$results.go")
grep -E '"Action":"fail"' "$results.go" | grep -E '"Test"' | head -20
rm -f "$results" "$results.go"
echo "go: ${go_passed} passed, ${go_failed} failed"
passed=$(( ${passed:-0} + go_passed )); failed=$(( ${failed:-0} + go_failed ))
echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$go_status" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
