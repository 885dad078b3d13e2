/** Names and defaults users rely on (shared/DESIGN.md). */
export const APP_NAME = "agora";
export const APP_VERSION = "0.1.0";
export const DEFAULT_CHAIN_ID = "agora-local-1";
export const BOND_DENOM = "uagora";
export const DEV_MNEMONIC =
  "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
export const DEFAULT_MIN_GAS_PRICES = "0.0025uagora";
export const PORTS = { rpc: 26657, p2p: 26656, abci: 26658, grpc: 9090, rest: 1317, metrics: 9464 } as const;
