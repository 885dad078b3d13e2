/**
 * The outside check after a fault, by RPC only (as an operator would check a network): every
 * running node has the same app hash at every height they all have, and on each of them every
 * account's balances sum to the total supply.
 */
import assert from "node:assert/strict";
import { accountFromAny } from "@cosmjs/stargate";
import { QueryAccountsRequest, QueryAccountsResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { QueryAllBalancesRequest, QueryAllBalancesResponse, QueryTotalSupplyRequest, QueryTotalSupplyResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { Localnet } from "./localnet.js";

export interface ChainCheck {
  /** The heights compared on every node. */
  from: number;
  to: number;
  nodes: number[];
  /** The total supply at `to`, by denom. */
  supply: Record<string, bigint>;
}

/** Asserts that the running nodes agree (app hashes) and that balances sum to the supply; returns what it compared. */
export async function checkChain(net: Localnet, nodes: number[] = net.running()): Promise<ChainCheck> {
  assert.ok(nodes.length > 0, "no node is running to check");
  const statuses = await Promise.all(nodes.map((i) => net.rpcResult<{ sync_info: { earliest_block_height: string; latest_block_height: string } }>(i, "status")));
  const from = Math.max(...statuses.map((s) => Number(s.sync_info.earliest_block_height)));
  const to = Math.min(...statuses.map((s) => Number(s.sync_info.latest_block_height)));
  assert.ok(to >= from, `the nodes share no height: earliest ${from}, latest ${to}`);

  const hashes = await Promise.all(nodes.map((i) => appHashes(net, i, from, to)));
  for (let h = from; h <= to; h++) {
    const first = hashes[0]!.get(h);
    assert.ok(first, `node${nodes[0]} has no header at height ${h}`);
    nodes.forEach((node, k) => assert.equal(hashes[k]!.get(h), first, `node${node}'s app hash at height ${h} differs from node${nodes[0]}'s`));
  }

  let supply: Record<string, bigint> | undefined;
  for (const i of nodes) {
    const onNode = await supplyMatchesBalances(net, i, to);
    if (supply) assert.deepEqual(onNode, supply, `node${i}'s supply at height ${to} differs`);
    supply = onNode;
  }
  return { from, to, nodes, supply: supply! };
}

/** Node i's headers' app hashes from `from` to `to` (CometBFT's /blockchain, 20 at a time). */
async function appHashes(net: Localnet, i: number, from: number, to: number): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  for (let low = from; low <= to; low += 20) {
    const high = Math.min(low + 19, to);
    const result = await net.rpcResult<{ block_metas: { header: { height: string; app_hash: string } }[] }>(i, `blockchain?minHeight=${low}&maxHeight=${high}`);
    for (const meta of result.block_metas) hashes.set(Number(meta.header.height), meta.header.app_hash);
  }
  return hashes;
}

/** Asserts that node i's balances at `height`, summed over every account, equal its total supply; returns the supply. */
async function supplyMatchesBalances(net: Localnet, i: number, height: number): Promise<Record<string, bigint>> {
  const total = QueryTotalSupplyResponse.decode(await abciQuery(net, i, "/cosmos.bank.v1beta1.Query/TotalSupply", QueryTotalSupplyRequest.encode({}).finish(), height));
  const supply = Object.fromEntries(total.supply.map((c) => [c.denom, BigInt(c.amount)]));
  const accounts = QueryAccountsResponse.decode(
    await abciQuery(net, i, "/cosmos.auth.v1beta1.Query/Accounts", QueryAccountsRequest.encode(QueryAccountsRequest.fromPartial({ pagination: { limit: 10_000n } })).finish(), height),
  );
  assert.ok(accounts.accounts.length < 10_000, "more accounts than one page: page through them");
  const sums: Record<string, bigint> = {};
  for (const any of accounts.accounts) {
    const { address } = accountFromAny(any);
    const balances = QueryAllBalancesResponse.decode(
      await abciQuery(net, i, "/cosmos.bank.v1beta1.Query/AllBalances", QueryAllBalancesRequest.encode(QueryAllBalancesRequest.fromPartial({ address })).finish(), height),
    );
    for (const coin of balances.balances) sums[coin.denom] = (sums[coin.denom] ?? 0n) + BigInt(coin.amount);
  }
  assert.deepEqual(sums, supply, `node${i} at height ${height}: the balances of its ${accounts.accounts.length} accounts do not sum to the total supply`);
  return supply;
}

/** ABCI query through node i's CometBFT RPC at `height`; the response's value, or a failure with its log. */
async function abciQuery(net: Localnet, i: number, path: string, data: Uint8Array, height: number): Promise<Uint8Array> {
  const result = await net.rpcResult<{ response: { code: number; log: string; value: string | null } }>(
    i,
    `abci_query?path=${encodeURIComponent(JSON.stringify(path))}&data=0x${Buffer.from(data).toString("hex")}&height=${height}`,
  );
  assert.equal(result.response.code, 0, `node${i} ${path} at ${height}: ${result.response.log}`);
  return Buffer.from(result.response.value ?? "", "base64");
}
