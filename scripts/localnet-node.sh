#!/usr/bin/env bash
# One node of a running localnet: scripts/localnet-node.sh stop|kill|pause|resume|restart|start N
# (SIGTERM / SIGKILL / SIGSTOP / SIGCONT of node N's agorad and its CometBFT; restart and start run
# them again on the same home). Extra flags pass through, e.g. `--only app` or `--only comet`.
# The localnet is $AGORA_LOCALNET (default .localnet, as `make localnet` makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: $0 stop|kill|pause|resume|restart|start N [--only app|comet]" >&2
  exit 1
fi
action=$1 node=$2
shift 2
exec ./bin/agorad testnet node "$action" "$node" --output-dir "${AGORA_LOCALNET:-.localnet}" "$@"
