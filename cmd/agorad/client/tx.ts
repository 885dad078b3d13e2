/**
 * Signing and broadcasting messages with a key from the keyring (`signAndBroadcast`), used by
 * `tx bank send` (`prepareSend`, `sendTokens`) and the governance commands. Fees: `--fees` as given; otherwise `--gas-prices`
 * (default 0.025uagora) times gas, where gas is simulated (`auto`, times `--gas-adjustment`) or fixed.
 */
import type { Coin } from "@cosmjs/amino";
import type { EncodeObject, OfflineDirectSigner } from "@cosmjs/proto-signing";
import { calculateFee, SigningStargateClient, type GasPrice, type StdFee } from "@cosmjs/stargate";
import { CliError, DEFAULT_CHAIN_ID } from "../cli.js";
import { openKeyring, type Keyring, type KeyringBackend, type PassphraseSource } from "../keys/keyring.js";
import { checkAddress, parseCoins, parseGas, parseGasAdjustment, parseGasPrice } from "./coins.js";
import { normalizeNode, oneLine, withNode } from "./node.js";

export const DEFAULT_GAS_PRICES = "0.025uagora";
export const DEFAULT_GAS_ADJUSTMENT = 1.5;
export const MAX_MEMO_CHARS = 256;

/** Who signs, how the fee is paid, and where the tx goes: what every `tx` command takes. */
export interface BroadcastOptions {
  /** key name or address in the keyring */
  from: string;
  /** fixed fee, e.g. "2000uagora"; excludes gasPrices */
  fees?: string;
  /** "auto" (default) or a gas limit */
  gas?: string | number;
  /** multiplier for simulated gas, default 1.5 */
  gasAdjustment?: string | number;
  /** default 0.025uagora */
  gasPrices?: string;
  /** default agora-local-1; must match the node's */
  chainId?: string;
  node?: string;
  memo?: string;
  /** the keyring to sign with; else opened from home/keyringBackend/keyringPassphrase */
  keyring?: Keyring;
  home?: string;
  keyringBackend?: KeyringBackend;
  keyringPassphrase?: PassphraseSource;
  /** how long to wait for the tx to be included (default 30 s) */
  broadcastTimeoutMs?: number;
}

export interface SendTokensOptions extends BroadcastOptions {
  to: string;
  /** "100uagora" or "1uagora,2ufoo", or parsed coins */
  amount: string | Coin[];
}

/** How the fee is settled once the sender is known. */
export type FeePlan =
  | { kind: "fixed"; fee: StdFee }
  | { kind: "auto"; multiplier: number; gasPrice: GasPrice }
  | { kind: "simulate"; amount: Coin[]; multiplier: number };

export interface PreparedSend {
  from: string;
  to: string;
  amount: Coin[];
  fee: FeePlan;
  chainId: string;
  node: string;
  memo: string;
}

export interface SendResult {
  txhash: string;
  code: number;
  height: number;
  gasUsed: string;
  gasWanted: string;
  rawLog: string;
}

/** Validates every argument without touching the keyring or the network. */
export function prepareSend(opts: SendTokensOptions): PreparedSend {
  if (!opts.from) throw new CliError("missing sender: give a key name or address");
  const to = checkAddress(opts.to, "recipient address");
  const amount = typeof opts.amount === "string" ? parseCoins(opts.amount) : parseCoins(opts.amount.map((c) => c.amount + c.denom).join(","));
  const memo = opts.memo ?? "";
  if (memo.length > MAX_MEMO_CHARS) throw new CliError(`memo too long: ${memo.length} characters, at most ${MAX_MEMO_CHARS}`);
  return { from: opts.from, to, amount, fee: planFee(opts), chainId: opts.chainId ?? DEFAULT_CHAIN_ID, node: normalizeNode(opts.node), memo };
}

export function planFee(opts: Pick<SendTokensOptions, "fees" | "gas" | "gasAdjustment" | "gasPrices">): FeePlan {
  const gas = parseGas(String(opts.gas ?? "auto"));
  const multiplier = parseGasAdjustment(String(opts.gasAdjustment ?? DEFAULT_GAS_ADJUSTMENT));
  if (opts.fees !== undefined) {
    if (opts.gasPrices !== undefined) throw new CliError("give either --fees or --gas-prices, not both");
    const amount = parseCoins(opts.fees, { allowZero: true });
    return gas === "auto" ? { kind: "simulate", amount, multiplier } : { kind: "fixed", fee: { amount, gas: String(gas) } };
  }
  const gasPrice = parseGasPrice(opts.gasPrices ?? DEFAULT_GAS_PRICES);
  return gas === "auto" ? { kind: "auto", multiplier, gasPrice } : { kind: "fixed", fee: calculateFee(gas, gasPrice) };
}

/** Signs and broadcasts a MsgSend; resolves once included, whatever its code (see `assertTxSuccess`). */
export async function sendTokens(opts: SendTokensOptions): Promise<SendResult> {
  const p = prepareSend(opts);
  return signAndBroadcast(opts, (sender) => [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: sender, toAddress: p.to, amount: p.amount } }]);
}

/**
 * Signs the messages `build` makes for the sender's address and broadcasts them in one tx;
 * resolves once included, whatever its code (see `assertTxSuccess`).
 */
export async function signAndBroadcast(opts: BroadcastOptions, build: (sender: string) => EncodeObject[]): Promise<SendResult> {
  if (!opts.from) throw new CliError("missing sender: give a key name or address");
  const memo = opts.memo ?? "";
  if (memo.length > MAX_MEMO_CHARS) throw new CliError(`memo too long: ${memo.length} characters, at most ${MAX_MEMO_CHARS}`);
  const fee = planFee(opts);
  const node = normalizeNode(opts.node);
  const expectedChainId = opts.chainId ?? DEFAULT_CHAIN_ID;
  const keyring = opts.keyring ?? openKeyring(requireHome(opts.home), opts.keyringBackend ?? "file", opts.keyringPassphrase);
  const signer: OfflineDirectSigner = await keyring.signer(opts.from);
  const [account] = await signer.getAccounts();
  if (!account) throw new CliError(`key ${opts.from} has no account`);
  const msgs = build(account.address);
  const gasPrice = fee.kind === "auto" ? fee.gasPrice : undefined;
  return withNode(node, async () => {
    const client = await SigningStargateClient.connectWithSigner(node, signer, {
      gasPrice,
      broadcastPollIntervalMs: 500,
      broadcastTimeoutMs: opts.broadcastTimeoutMs ?? 30_000,
    });
    try {
      const chainId = await client.getChainId();
      if (chainId !== expectedChainId) {
        throw new CliError(`chain id mismatch: node ${node} runs ${chainId}, not ${expectedChainId}; pass --chain-id ${chainId}`);
      }
      const res = await client.signAndBroadcast(account.address, msgs, await resolveFee(client, account.address, fee, msgs, memo), memo);
      return {
        txhash: res.transactionHash,
        code: res.code,
        height: res.height,
        gasUsed: res.gasUsed.toString(),
        gasWanted: res.gasWanted.toString(),
        rawLog: res.rawLog ?? "",
      };
    } finally {
      client.disconnect();
    }
  });
}

/** Throws one line naming the tx hash, code and the chain's raw log when `code` is not 0. */
export function assertTxSuccess(res: SendResult): void {
  if (res.code !== 0) {
    throw new CliError(`tx ${res.txhash} failed at height ${res.height} with code ${res.code}: ${oneLine(res.rawLog) || "(no log)"}`);
  }
}

async function resolveFee(client: SigningStargateClient, sender: string, fee: FeePlan, msgs: EncodeObject[], memo: string): Promise<StdFee | number> {
  switch (fee.kind) {
    case "fixed":
      return fee.fee;
    case "auto":
      return fee.multiplier;
    case "simulate": {
      const gas = await client.simulate(sender, msgs, memo);
      return { amount: fee.amount, gas: String(Math.ceil(gas * fee.multiplier)) };
    }
  }
}

function requireHome(home: string | undefined): string {
  if (!home) throw new CliError("signing needs `keyring` or `home` to find the sender's key");
  return home;
}
