# Agora: `make run` starts a one-validator devnet, `make test` runs every test.
# Both install what they need on a fresh machine (npm packages, the CometBFT binary, the ZK
# circuits' wasm and development keys).

COMETBFT_VERSION := v0.38.26
COMETBFT := bin/cometbft
export AGORA_COMETBFT := $(CURDIR)/$(COMETBFT)
# What `scripts/services.sh start` sets up; the indexer and cache tests connect here.
export AGORA_TEST_PG ?= postgres://agora_test:agora_test@127.0.0.1:5432/postgres
export AGORA_TEST_REDIS ?= redis://127.0.0.1:6379

.PHONY: run test build deps cometbft cosmos-protos services proto bench bench-zk bench-store bench-serving sim lint clean localnet localnet-stop test-localnet


run: build
	./deployments/devnet/run.sh

test: build circuits services
	./scripts/test.sh

# Four validators on loopback, each its own agorad and CometBFT, in the foreground until Ctrl-C
# (node0 on the devnet's ports). Homes, logs and pid files under LOCALNET_DIR; made on first run.
LOCALNET_DIR ?= $(CURDIR)/.localnet
localnet: build
	@[ -f $(LOCALNET_DIR)/localnet.json ] || ./bin/agorad testnet init-files --validators 4 --output-dir $(LOCALNET_DIR)
	./bin/agorad testnet start --output-dir $(LOCALNET_DIR)

# Stops a localnet left running (by the pid files under LOCALNET_DIR).
localnet-stop:
	./bin/agorad testnet stop --output-dir $(LOCALNET_DIR)

# The localnet's fault tests (killed, paused and restarted validators, a joining node); not in `make test`.
test-localnet: build
	./scripts/test-localnet.sh

build: deps cometbft cosmos-protos
	npx tsc -p .

deps: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

cometbft: $(COMETBFT)

$(COMETBFT):
	@command -v go >/dev/null || { echo "Go is needed to install CometBFT: install golang first"; exit 1; }
	GOBIN=$(CURDIR)/bin go install github.com/cometbft/cometbft/cmd/cometbft@$(COMETBFT_VERSION)

# The Cosmos SDK's .proto files, from its Go module, compiled for gRPC reflection (`grpcurl describe`).
# The script does nothing when its output is up to date.
cosmos-protos: deps
	./scripts/cosmos-protos.sh

# PostgreSQL and Redis for the indexer and cache tests: installed from Debian's packages if absent.
services:
	./scripts/services.sh start

proto: deps
	./scripts/protogen.sh

bench: build
	npm run bench

bench-zk: build circuits
	npm run bench:zk

# The committed store at 1M and 10M keys (about 7 minutes); `make bench-store ARGS=--json` for JSON.
bench-store: build
	npm run bench:store -- $(ARGS)

# Balance queries over gRPC and REST under load, with and without Redis; the stream into PostgreSQL.
bench-serving: build services
	npm run bench:serving

# A long randomized simulation with invariants after every block: `make sim SEED=7 BLOCKS=5000`.
sim: build
	SEED=$(SEED) BLOCKS=$(BLOCKS) npm run sim

lint: deps
	npx tsc -p . --noEmit
	./scripts/lint-determinism.sh

clean:
	rm -rf dist

include circuits/circuits.mk
