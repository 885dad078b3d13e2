/**
 * A marketplace on an in-process chain: a seller, buyers, an arbiter and helpers that send the
 * commerce messages and read the module's queries, as the commerce tests use them.
 */
import assert from "node:assert/strict";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import type { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import type * as types from "../../generated/proto/agora/commerce/v1/commerce.js";
import * as q from "../../generated/proto/agora/commerce/v1/query.js";
import type { MessageType } from "../../sdk/codec/registry.js";
import { toAccAddress } from "../../sdk/types/address.js";
import * as t from "../../x/commerce/types.js";
import { actors, actorsGenesis, anyMsg, dispatchNested, nextBlockContext, type Actor } from "./actors.js";
import { TestChain } from "./chain.js";
import { signTx } from "./signing.js";

export const FAST_PARAMS = { marketplace_fee: "0.010000000000000000", release_timeout_seconds: "3", appeal_window_seconds: "2", max_review_length: 100, max_text_length: 64 };

export class Market {
  private constructor(
    readonly chain: TestChain,
    readonly seller: Actor,
    readonly buyer: Actor,
    readonly arbiter: Actor,
    readonly other: Actor,
  ) {}

  /** Block time advances one second a block; the release timeout is 3 s and the appeal window 2 s. */
  static async open(extraGenesis: Record<string, unknown> = {}): Promise<Market> {
    const [seller, buyer, arbiter, other] = (await actors(4)) as [Actor, Actor, Actor, Actor];
    const chain = TestChain.open();
    chain.initChain(actorsGenesis([seller, buyer, arbiter, other], {
      roles: { grants: [{ role: "arbiter", address: arbiter.address }] },
      commerce: { params: FAST_PARAMS },
      ...extraGenesis,
    }));
    chain.block([]);
    return new Market(chain, seller, buyer, arbiter, other);
  }

  get authority(): string {
    return toAccAddress(this.chain.app.accounts.moduleAddress("gov"));
  }

  get escrowAddress(): string {
    return toAccAddress(this.chain.app.accounts.moduleAddress(t.ESCROW_ACCOUNT));
  }

  /** A fee-less tx (the test chain has no minimum gas price), so balances show only what commerce moved. */
  async signed<T>(from: Actor, type: MessageType<T>, value: T): Promise<Uint8Array> {
    const tx = await signTx(from, [anyMsg(type, value)], { chainId: this.chain.chainId, accountNumber: from.accountNumber, sequence: from.sequence, fee: [] });
    from.sequence++;
    return tx;
  }

  /** Sends one message in its own block; returns the tx result. */
  async send<T>(from: Actor, type: MessageType<T>, value: T): Promise<ExecTxResult> {
    return this.chain.block([await this.signed(from, type, value)]).results[0]!;
  }

  /** Sends one message that must succeed. */
  async ok<T>(from: Actor, type: MessageType<T>, value: T): Promise<ExecTxResult> {
    const res = await this.send(from, type, value);
    assert.equal(res.code, 0, res.log);
    return res;
  }

  /** Sends one message that must fail with `error`, and checks that the state did not change. */
  async refused<T>(from: Actor, type: MessageType<T>, value: T, error: { codespace: string; code: number }, log?: RegExp): Promise<ExecTxResult> {
    const before = this.commerceState();
    const res = await this.send(from, type, value);
    assert.deepEqual([res.codespace, res.code], [error.codespace, error.code], res.log);
    if (log) assert.match(res.log, log);
    assert.deepEqual(this.commerceState(), before, "a refused message changes nothing");
    return res;
  }

  /** The module's exported state and the escrow balance: what a refusal must leave alone. */
  commerceState(): unknown {
    const ctx = this.chain.app.base.queryContext();
    return JSON.parse(JSON.stringify({ state: this.chain.app.modules.exportGenesis(ctx).commerce, escrow: this.chain.balance(this.escrowAddress).toString() }));
  }

  query<Req, Res>(method: string, request: { encode(m: Req): { finish(): Uint8Array } }, req: Req, response: { decode(b: Uint8Array): Res }): Res {
    const res = this.chain.query(`/agora.commerce.v1.Query/${method}`, request.encode(req).finish());
    assert.equal(res.code, 0, res.log);
    return response.decode(res.value);
  }

  order(id: bigint): types.Order {
    return this.query("Order", q.QueryOrderRequest, { orderId: id }, q.QueryOrderResponse).order!;
  }

  listing(id: bigint): types.Listing {
    return this.query("Listing", q.QueryListingRequest, { listingId: id }, q.QueryListingResponse).listing!;
  }

  /** A store with one listing of `inventory` units at `price` uagora; returns their ids. */
  async storeWithListing(inventory = 5n, price = 1000n): Promise<{ storeId: bigint; listingId: bigint }> {
    const store = await this.ok(this.seller, t.MsgCreateStore, { owner: this.seller.address, name: "Tea House", metadata: "ipfs://tea" });
    const storeId = t.MsgCreateStoreResponse.decode(TxMsgData.decode(store.data).msgResponses[0]!.value).storeId;
    const listing = await this.ok(this.seller, t.MsgCreateListing, {
      seller: this.seller.address,
      storeId,
      title: "Green tea, 100 g",
      descriptionHash: "ab".repeat(32),
      descriptionUri: "ipfs://green-tea",
      price: { denom: "uagora", amount: price.toString() },
      inventory,
    });
    return { storeId, listingId: t.MsgCreateListingResponse.decode(TxMsgData.decode(listing.data).msgResponses[0]!.value).listingId };
  }

  async placeOrder(listingId: bigint, quantity: bigint, price = 1000n, buyer = this.buyer): Promise<bigint> {
    const res = await this.ok(buyer, t.MsgPlaceOrder, { buyer: buyer.address, listingId, quantity, price: { denom: "uagora", amount: price.toString() } });
    return t.MsgPlaceOrderResponse.decode(TxMsgData.decode(res.data).msgResponses[0]!.value).orderId;
  }

  /**
   * Runs a message as a passed proposal does (nested, through the router) on a branch of the next
   * block; returns that context to read the outcome from.
   */
  asProposal<T>(type: MessageType<T>, value: T) {
    const ctx = nextBlockContext(this.chain);
    dispatchNested(this.chain, { typeUrl: type.typeUrl, value }, ctx);
    return ctx;
  }

  /** Checks every registered invariant against the latest state. */
  assertInvariants(): void {
    this.chain.app.invariants.assertAll(this.chain.app.base.queryContext());
  }

  async destroy(): Promise<void> {
    await this.chain.destroy();
  }
}
