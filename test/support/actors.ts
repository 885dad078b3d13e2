/**
 * Funded accounts that sign any messages in turn (sequences tracked), and a writable context for
 * running a message the way a passed proposal will: through MsgRouter.dispatch, nested.
 */
import type { RoutedMsg } from "../../sdk/baseapp/msg-router.js";
import type { MessageType } from "../../sdk/codec/registry.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import { branch } from "../../sdk/store/multistore.js";
import type { Context } from "../../sdk/types/context.js";
import { genesisState, TestChain } from "./chain.js";
import { signTx, testAccount, type TestAccount } from "./signing.js";

export interface Actor extends TestAccount {
  accountNumber: bigint;
  sequence: bigint;
}

/** A message ready for a tx: its type's codec encodes the value. */
export function anyMsg<T>(type: MessageType<T>, value: T): { typeUrl: string; value: Uint8Array } {
  return { typeUrl: type.typeUrl, value: encodeProto(type, value) };
}

/** `count` accounts with 1,000,000uagora each, numbered in genesis order. */
export async function actors(count: number, firstSeed = 100): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 0; i < count; i++) out.push({ ...(await testAccount(firstSeed + i)), accountNumber: BigInt(i), sequence: 0n });
  return out;
}

/** The actors' funds plus extra genesis sections (e.g. roles), merged by module name. */
export function actorsGenesis(people: Actor[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...genesisState(people.map((p) => ({ address: p.address, amount: 1_000_000n }))), ...extra };
}

/**
 * Signs a tx with the actor's next sequence (advanced: the ante takes it even when a msg fails).
 * `gas` above signTx's default for a tx that writes much (a trip of every message type).
 */
export async function signed(chain: TestChain, from: Actor, msgs: { typeUrl: string; value: Uint8Array }[], gas?: bigint): Promise<Uint8Array> {
  const tx = await signTx(from, msgs, { chainId: chain.chainId, accountNumber: from.accountNumber, sequence: from.sequence, ...(gas ? { gas } : {}) });
  from.sequence++;
  return tx;
}

/** A writable branch of the latest state, as the next block sees it; discarded after use. */
export function nextBlockContext(chain: TestChain): Context {
  const query = chain.app.base.queryContext();
  return query.withStore(branch(query.multiStore));
}

/** Runs a message as a passed proposal does (nested, through the router's admission checks). */
export function dispatchNested(chain: TestChain, msg: RoutedMsg, ctx = nextBlockContext(chain)): unknown {
  return chain.app.base.msgRouter.dispatch(ctx, msg).response;
}
