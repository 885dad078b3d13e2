# Agora ZK circuits (Go + gnark v0.16.1), included from the root Makefile:
#   include circuits/circuits.mk
# `make circuits` builds circuits/build/ (skipped when up to date), `make circuits-test` runs the
# Go tests, `make circuits-smoke` runs the wasm module under Node with the built keys and vectors.

CIRCUITS_GO ?= go
CIRCUITS_BUILD := circuits/build
CIRCUITS_SRC := $(shell find circuits -name '*.go' -not -path 'circuits/build/*') circuits/go.mod circuits/go.sum
CIRCUITS_LIB_SRC := $(filter-out %_test.go circuits/cmd/zkwasm/% circuits/cmd/zkbench/%,$(CIRCUITS_SRC))
CIRCUITS_WASM_SRC := $(filter-out %_test.go circuits/cmd/zkceremony/% circuits/cmd/zkvectors/% circuits/cmd/zkbench/%,$(CIRCUITS_SRC))
CIRCUITS_NAMES := range spend vote identity
CIRCUITS_KEYS := $(foreach c,$(CIRCUITS_NAMES),$(CIRCUITS_BUILD)/keys/$(c).ccs $(CIRCUITS_BUILD)/keys/$(c).pk $(CIRCUITS_BUILD)/keys/$(c).vk)

.PHONY: circuits circuits-test circuits-smoke circuits-bench circuits-clean

circuits: $(CIRCUITS_BUILD)/zk.wasm $(CIRCUITS_BUILD)/wasm_exec.js $(CIRCUITS_BUILD)/keys/.stamp $(CIRCUITS_BUILD)/vectors/.stamp

$(CIRCUITS_BUILD)/.go-ok:
	@command -v $(CIRCUITS_GO) >/dev/null || { echo "Go (1.26) is needed to build circuits/: install golang first"; exit 1; }
	@mkdir -p $(CIRCUITS_BUILD) && touch $@

$(CIRCUITS_BUILD)/zk.wasm: $(CIRCUITS_WASM_SRC) | $(CIRCUITS_BUILD)/.go-ok
	cd circuits && GOOS=js GOARCH=wasm $(CIRCUITS_GO) build -trimpath -ldflags='-s -w' -o build/zk.wasm.tmp ./cmd/zkwasm
	mv $@.tmp $@

# wasm_exec.js must come from the Go that built zk.wasm
$(CIRCUITS_BUILD)/wasm_exec.js: $(CIRCUITS_BUILD)/zk.wasm
	cp "$$($(CIRCUITS_GO) env GOROOT)/lib/wasm/wasm_exec.js" $@

$(CIRCUITS_BUILD)/bin/zkceremony: $(CIRCUITS_LIB_SRC) | $(CIRCUITS_BUILD)/.go-ok
	cd circuits && $(CIRCUITS_GO) build -trimpath -o build/bin/zkceremony ./cmd/zkceremony

$(CIRCUITS_BUILD)/bin/zkvectors: $(CIRCUITS_LIB_SRC) | $(CIRCUITS_BUILD)/.go-ok
	cd circuits && $(CIRCUITS_GO) build -trimpath -o build/bin/zkvectors ./cmd/zkvectors

# UNSAFE deterministic development keys (see circuits/build/keys/UNSAFE-DEV-SETUP.txt)
$(CIRCUITS_BUILD)/keys/.stamp: $(CIRCUITS_BUILD)/bin/zkceremony
	cd circuits && ./build/bin/zkceremony dev --out build/keys $(CIRCUITS_NAMES)
	@touch $@

$(CIRCUITS_KEYS): $(CIRCUITS_BUILD)/keys/.stamp

$(CIRCUITS_BUILD)/vectors/.stamp: $(CIRCUITS_BUILD)/bin/zkvectors $(CIRCUITS_BUILD)/keys/.stamp
	cd circuits && ./build/bin/zkvectors --keys build/keys --out build/vectors
	@touch $@

circuits-test: | $(CIRCUITS_BUILD)/.go-ok
	cd circuits && $(CIRCUITS_GO) test ./...

circuits-smoke: circuits
	cd circuits && node cmd/zkwasm/smoke.mjs build

circuits-bench: | $(CIRCUITS_BUILD)/.go-ok
	cd circuits && $(CIRCUITS_GO) run ./cmd/zkbench

circuits-clean:
	rm -rf $(CIRCUITS_BUILD)
