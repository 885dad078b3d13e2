/**
 * A mixed workload through the app in-process, a block at a time (CheckTx for every tx, then
 * FinalizeBlock, then Commit): each tx one action, a post, follow, tip or order, by distinct
 * senders. Genesis gives every account a profile and one post, and two sellers a listing, so
 * every action has a target from the first block. More modules join the mix as `MixedAction`s.
 */
import { rmSync } from "node:fs";
import { encodeProto } from "../sdk/codec/encode.js";
import { genesisState, TestChain } from "../test/support/chain.js";
import { signTx, testAccount, type TestAccount } from "../test/support/signing.js";
import { MsgPlaceOrder } from "../x/commerce/types.js";
import { MsgCreatePost, MsgFollow, MsgTip } from "../x/social/types.js";

export interface MixedResult {
  label: string;
  txs: number;
  /** Txs (warm-up blocks included) whose CheckTx or FinalizeBlock result was not code 0. */
  failed: number;
  nanos: bigint;
  /** Txs of each action in the measured blocks. */
  byAction: Record<string, number>;
}

/** One kind of tx in the mix: the message `sender` (account `index` of `count`) sends in block `k`. */
export interface MixedAction {
  name: string;
  weight: number;
  msg(sender: TestAccount, index: number, count: number, k: number): { typeUrl: string; value: Uint8Array };
}

export const SOCIAL_ACTIONS: MixedAction[] = [
  {
    name: "post",
    weight: 2,
    msg: (sender, _i, _n, k) => ({ typeUrl: MsgCreatePost.typeUrl, value: encodeProto(MsgCreatePost, { author: sender.address, content: { text: `bench post ${k} by ${sender.address}`, contentHash: "", uri: "" }, replyTo: 0n }) }),
  },
  {
    name: "follow",
    weight: 1,
    // Block k's follow goes k + 1 accounts ahead: never the sender, never twice.
    msg: (sender, i, n, k) => ({ typeUrl: MsgFollow.typeUrl, value: encodeProto(MsgFollow, { follower: sender.address, followee: benchAccounts[(i + k + 1) % n]!.address }) }),
  },
  {
    name: "tip",
    weight: 1,
    // Genesis post i + 1 is account i's: tip the next account's.
    msg: (sender, i, n) => ({ typeUrl: MsgTip.typeUrl, value: encodeProto(MsgTip, { sender: sender.address, postId: BigInt(((i + 1) % n) + 1), amount: { denom: "uagora", amount: "10" } }) }),
  },
];

export const COMMERCE_ACTIONS: MixedAction[] = [
  {
    name: "order",
    weight: 1,
    // One unit of account 1's listing (2), or, for account 1 itself, of account 0's (1).
    msg: (sender, i) => ({ typeUrl: MsgPlaceOrder.typeUrl, value: encodeProto(MsgPlaceOrder, { buyer: sender.address, listingId: i === 1 ? 1n : 2n, quantity: 1n, price: { denom: "uagora", amount: "10" } }) }),
  },
];

let benchAccounts: TestAccount[] = [];

function socialGenesis(accounts: TestAccount[]): Record<string, unknown> {
  const profiles = accounts.map((a, i) => ({ address: a.address, handle: `bench_${i}`, created_at_height: "1", updated_at_height: "1" }));
  const posts = accounts.map((a, i) => ({ id: String(i + 1), author: a.address, content: { text: "hello" }, created_at_height: "1" }));
  return { profiles, posts, next_post_id: String(accounts.length) };
}

/** Accounts 0 and 1 sell: a store each, and a listing of a million units at 10uagora. */
function commerceGenesis(accounts: TestAccount[]): Record<string, unknown> {
  const sellers = accounts.slice(0, 2);
  const stores = sellers.map((a, i) => ({ id: String(i + 1), owner: a.address, name: `bench store ${i}` }));
  const listings = sellers.map((a, i) => ({
    id: String(i + 1),
    store_id: String(i + 1),
    seller: a.address,
    title: "bench item",
    price: { denom: "uagora", amount: "10" },
    inventory: "1000000",
    listing_status: "LISTING_STATUS_ACTIVE",
  }));
  return { stores, listings };
}

/** The action of the tx at `slot` of a block: by weight, round-robin. */
function actionAt(actions: MixedAction[], slot: number): MixedAction {
  const total = actions.reduce((n, a) => n + a.weight, 0);
  let ticket = slot % total;
  for (const action of actions) if ((ticket -= action.weight) < 0) return action;
  return actions[actions.length - 1]!;
}

export async function runMixed(o: { blockSize: number; warmupBlocks: number; blocks: number; actions?: MixedAction[] }): Promise<MixedResult> {
  const actions = o.actions ?? [...SOCIAL_ACTIONS, ...COMMERCE_ACTIONS];
  const count = 2 * o.blockSize;
  benchAccounts = await Promise.all(Array.from({ length: count }, (_, i) => testAccount(i)));
  const chain = TestChain.open();
  chain.initChain({ ...genesisState(benchAccounts.map((a) => ({ address: a.address, amount: 1_000_000_000_000n }))), social: socialGenesis(benchAccounts), commerce: commerceGenesis(benchAccounts) });
  chain.block([]);

  // Sign every block first: signing is the wallets' work. Block k's senders are one half of the accounts.
  const blocks: { txs: Uint8Array[]; actions: string[] }[] = [];
  for (let k = 0; k < o.warmupBlocks + o.blocks; k++) {
    const half = k % 2;
    const sequence = BigInt(Math.floor(k / 2));
    const block = { txs: [] as Uint8Array[], actions: [] as string[] };
    for (let s = 0; s < o.blockSize; s++) {
      const index = half * o.blockSize + s;
      const action = actionAt(actions, s + k);
      const sender = benchAccounts[index]!;
      block.txs.push(await signTx(sender, [action.msg(sender, index, count, k)], { chainId: chain.chainId, accountNumber: BigInt(index), sequence }));
      block.actions.push(action.name);
    }
    blocks.push(block);
  }

  let nanos = 0n;
  let failed = 0;
  let txs = 0;
  const byAction: Record<string, number> = {};
  for (const [b, block] of blocks.entries()) {
    const start = process.hrtime.bigint();
    for (const tx of block.txs) if (chain.checkTx(tx).code !== 0) failed++;
    const { results } = chain.block(block.txs);
    const end = process.hrtime.bigint();
    failed += results.filter((r) => r.code !== 0).length;
    if (b < o.warmupBlocks) continue;
    nanos += end - start;
    txs += block.txs.length;
    for (const name of block.actions) byAction[name] = (byAction[name] ?? 0) + 1;
  }
  await chain.close();
  rmSync(chain.home, { recursive: true, force: true });
  return { label: "CheckTx + FinalizeBlock + Commit", txs, failed, nanos, byAction };
}
