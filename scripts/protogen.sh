#!/usr/bin/env bash
# Generates TypeScript for Agora's own protobuf packages (proto/agora/<module>/v1) into
# generated/proto. Generated code is never edited by hand: change the .proto and run this again.
set -euo pipefail
cd "$(dirname "$0")/../proto"
if ! find agora -name '*.proto' 2>/dev/null | grep -q .; then
  echo "no .proto files under proto/agora yet: nothing to generate"
  exit 0
fi
rm -rf ../generated/proto
../node_modules/.bin/buf lint
../node_modules/.bin/buf generate
echo "generated $(find ../generated/proto -name '*.ts' | wc -l) files into generated/proto"
