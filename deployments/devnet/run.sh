#!/usr/bin/env bash
# A one-validator devnet: initialises $AGORA_HOME (default ~/.agora) on first run, funds the dev
# account and makes it the roles admin (so it can grant pauser and the other roles), then runs the
# node. DEVNET ONLY: the dev key is a published test mnemonic.
set -euo pipefail
cd "$(dirname "$0")/../.."
home="${AGORA_HOME:-$HOME/.agora}"
chain_id="${AGORA_CHAIN_ID:-agora-local-1}"
mnemonic="${AGORA_DEV_MNEMONIC:-abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about}"
agorad() { ./bin/agorad --home "$home" "$@"; }

if [ ! -f "$home/config/genesis.json" ]; then
  agorad init devnet --chain-id "$chain_id"
  printf '%s\n' "$mnemonic" | agorad keys add dev --recover --keyring-backend test
  agorad genesis add-genesis-account dev 1000000000000000uagora --keyring-backend test
  agorad genesis add-role admin dev --keyring-backend test
  # The node's validator is a staking validator: its own key, funded, self-delegating by gentx.
  agorad keys add validator --keyring-backend test >/dev/null
  agorad genesis add-genesis-account validator 100000000000uagora --keyring-backend test
  agorad genesis gentx validator 10000000000uagora --moniker devnet --keyring-backend test
  agorad genesis collect-gentxs
fi
echo "dev account: $(agorad keys show dev --address --keyring-backend test)"
echo "RPC http://127.0.0.1:26657 · ABCI tcp://127.0.0.1:26658 · home $home"
exec ./bin/agorad --home "$home" start
