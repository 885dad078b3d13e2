/** Read-only calls against a node: bank balances, auth accounts and CometBFT /status. */
import type { Coin } from "@cosmjs/amino";
import { toBase64 } from "@cosmjs/encoding";
import { StargateClient } from "@cosmjs/stargate";
import { CliError } from "../cli.js";
import { checkAddress } from "./coins.js";
import { normalizeNode, withNode } from "./node.js";

export interface NodeOptions {
  /** default http://127.0.0.1:26657 */
  node?: string;
}

export interface QueryBalancesOptions extends NodeOptions {
  address: string;
  /** only this denom (reported as 0 when absent) */
  denom?: string;
}

export interface AccountResult {
  address: string;
  accountNumber: string;
  sequence: number;
  pubkey: { type: string; value: string } | null;
}

export interface NodeStatus {
  chainId: string;
  moniker: string;
  latestBlockHeight: number;
  latestAppHash: string;
  latestBlockTime: string;
  catchingUp: boolean;
}

const DENOM_RE = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

export async function queryBalances(opts: QueryBalancesOptions): Promise<{ address: string; balances: Coin[] }> {
  const address = checkAddress(opts.address);
  if (opts.denom !== undefined && !DENOM_RE.test(opts.denom)) {
    throw new CliError(`invalid --denom "${opts.denom}": expected a denom such as uagora`);
  }
  const balances = await withClient(opts, async (client) =>
    opts.denom !== undefined ? [await client.getBalance(address, opts.denom)] : [...(await client.getAllBalances(address))],
  );
  return { address, balances: balances.map((c) => ({ denom: c.denom, amount: c.amount })) };
}

/** The account at `address`; throws `account <addr> not found` when the chain has none. */
export async function queryAccount(opts: NodeOptions & { address: string }): Promise<AccountResult> {
  const address = checkAddress(opts.address);
  const account = await withClient(opts, async (client) => {
    try {
      return await client.getAccount(address);
    } catch (err) {
      if (/not ?found/i.test(String(err))) return null;
      throw err;
    }
  });
  if (!account) throw new CliError(`account ${address} not found`);
  const pubkey = account.pubkey
    ? { type: account.pubkey.type, value: typeof account.pubkey.value === "string" ? account.pubkey.value : toBase64(account.pubkey.value) }
    : null;
  return { address: account.address, accountNumber: account.accountNumber.toString(), sequence: account.sequence, pubkey };
}

/** The node's CometBFT `/status`: chain id, latest height and app hash, catching up. */
export async function queryStatus(opts: NodeOptions = {}): Promise<NodeStatus> {
  const node = normalizeNode(opts.node);
  const body = await withNode(node, async () => {
    const res = await fetch(`${node}/status`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new CliError(`node ${node} answered /status with HTTP ${res.status}: is it a CometBFT RPC endpoint?`);
    return (await res.json()) as { result?: StatusResult; error?: { message?: string; data?: string } };
  });
  if (body.error || !body.result) {
    throw new CliError(`node ${node} /status failed: ${body.error?.data ?? body.error?.message ?? "no result"}`);
  }
  const { node_info: info, sync_info: sync } = body.result;
  return {
    chainId: info.network,
    moniker: info.moniker ?? "",
    latestBlockHeight: Number(sync.latest_block_height),
    latestAppHash: sync.latest_app_hash ?? "",
    latestBlockTime: sync.latest_block_time ?? "",
    catchingUp: Boolean(sync.catching_up),
  };
}

interface StatusResult {
  node_info: { network: string; moniker?: string };
  sync_info: { latest_block_height: string; latest_app_hash?: string; latest_block_time?: string; catching_up?: boolean };
}

async function withClient<T>(opts: NodeOptions, fn: (client: StargateClient) => Promise<T>): Promise<T> {
  const node = normalizeNode(opts.node);
  return withNode(node, async () => {
    const client = await StargateClient.connect(node);
    try {
      return await fn(client);
    } finally {
      client.disconnect();
    }
  });
}
