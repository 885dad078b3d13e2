#!/usr/bin/env bash
# Assembles generated/cosmos-protos/: the .proto files of the Cosmos services the gRPC server
# serves, and every file they import, as one include tree; then compiles that tree and Agora's own
# proto/agora into generated/cosmos-protos/descriptor-set.binpb, the FileDescriptorSet gRPC
# reflection serves so that `grpcurl describe` shows every service. The .proto files come from
# the Go modules that define them (through Go's module proxy, like CometBFT itself); nothing here
# is edited or committed.
#
# Compiled here, not parsed at run time: protobufjs's descriptors merge the files of a package and
# name no imports (grpc/grpc-node#2595), which grpcurl cannot link.
#
# Usage: scripts/cosmos-protos.sh [--force]   (without --force it does nothing when up to date)
set -euo pipefail
cd "$(dirname "$0")/.."

# The SDK's release whose services we serve. Its proto/ holds its own copy of tendermint/*.proto:
# that copy (not CometBFT's) is what its buf module builds against (proto/buf.yaml lists no
# CometBFT dependency), so it is the one used here.
# cosmjs-types 0.11 (whose messages the server encodes) comes from SDK v0.53.4: the served
# services' methods and messages are the same but for TxBody's unordered (4) and
# timeout_timestamp (5), new in v0.53, which `describe` does not show.
SDK=github.com/cosmos/cosmos-sdk@v0.50.10
# Its buf.yaml's other dependencies, at the versions its go.mod requires.
GOGOPROTO=github.com/cosmos/gogoproto@v1.7.0
COSMOS_PROTO=github.com/cosmos/cosmos-proto@v1.0.0-beta.5
# googleapis' google/api/{annotations,http}.proto: grpc-gateway keeps a copy (the SDK requires v1.16.0).
GOOGLEAPIS=github.com/grpc-ecosystem/grpc-gateway@v1.16.0

# The files that declare the services sdk/server/grpc/server.ts serves.
ROOTS=(
  cosmos/bank/v1beta1/query.proto
  cosmos/auth/v1beta1/query.proto
  cosmos/tx/v1beta1/service.proto
  cosmos/base/tendermint/v1beta1/query.proto
  cosmos/circuit/v1/query.proto
  cosmos/evidence/v1beta1/query.proto
  cosmos/gov/v1/query.proto
  cosmos/slashing/v1beta1/query.proto
  cosmos/staking/v1beta1/query.proto
  cosmos/upgrade/v1beta1/query.proto
)

OUT=generated/cosmos-protos
SET="$OUT/descriptor-set.binpb"
STAMP="$OUT/.modules"
MODULES="$SDK $GOGOPROTO $COSMOS_PROTO $GOOGLEAPIS ${ROOTS[*]}"

# Up to date: same modules and roots, and no Agora .proto file changed since the last compile.
if [ "${1:-}" != "--force" ] && [ -f "$SET" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$MODULES" ] \
  && ! find proto/agora -name '*.proto' -newer "$SET" | grep -q .; then
  exit 0
fi
BUF=node_modules/.bin/buf
[ -x "$BUF" ] || { echo "$BUF is missing: run \`make deps\` (npm ci) first" >&2; exit 1; }
command -v go >/dev/null || { echo "Go is needed to fetch the Cosmos SDK's .proto files: install golang first" >&2; exit 1; }

# The module's directory in Go's module cache, downloading it first if need be.
module_dir() {
  local dir
  dir=$(go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "go mod download $1 gave no directory" >&2; exit 1; }
  echo "$dir"
}

# Plain assignments, so that a failed download stops the script (set -e).
sdk_dir=$(module_dir "$SDK")
cosmos_proto_dir=$(module_dir "$COSMOS_PROTO")
gogoproto_dir=$(module_dir "$GOGOPROTO")
googleapis_dir=$(module_dir "$GOOGLEAPIS")
# Include roots, searched in this order for each import.
INCLUDES=(
  "$sdk_dir/proto"
  "$cosmos_proto_dir/proto"
  "$gogoproto_dir"
  "$gogoproto_dir/protobuf"
  "$googleapis_dir/third_party/googleapis"
)

find_include() {
  local include
  for include in "${INCLUDES[@]}"; do
    if [ -f "$include/$1" ]; then echo "$include/$1"; return; fi
  done
  echo "cannot find $1 (imported by the Cosmos services' .proto files) in: ${INCLUDES[*]}" >&2
  exit 1
}

tmp="$OUT.tmp"
rm -rf "$tmp"
mkdir -p "$tmp"
queue=("${ROOTS[@]}")
declare -A seen=()
while [ ${#queue[@]} -gt 0 ]; do
  file=${queue[0]}
  queue=("${queue[@]:1}")
  [ -n "${seen[$file]:-}" ] && continue
  seen[$file]=1
  source=$(find_include "$file")
  mkdir -p "$tmp/$(dirname "$file")"
  cp "$source" "$tmp/$file"
  chmod 644 "$tmp/$file"
  while read -r imported; do queue+=("$imported"); done < <(sed -n 's/^[[:space:]]*import[[:space:]]\{1,\}\(public[[:space:]]\{1,\}\|weak[[:space:]]\{1,\}\)\{0,1\}"\([^"]*\)".*/\2/p' "$source")
done

# One compile of the Cosmos tree and Agora's own files together (buf needs them in one directory).
compile="$OUT.compile"
rm -rf "$compile"
cp -r "$tmp" "$compile"
cp -r proto/agora "$compile/agora"
"$BUF" build "$compile" -o "$tmp/descriptor-set.binpb"
rm -rf "$compile"

echo "$MODULES" > "$tmp/.modules"
rm -rf "$OUT"
mv "$tmp" "$OUT"
echo "assembled ${#seen[@]} .proto files into $OUT and compiled them with proto/agora into $SET"
