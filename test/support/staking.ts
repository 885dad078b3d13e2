/** A TestChain with staking on a short unbonding time, and helpers to stake and read. */
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import * as q from "cosmjs-types/cosmos/staking/v1beta1/query";
import type { Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { MsgBeginRedelegate, MsgCreateValidator, MsgDelegate, MsgUndelegate } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import type { ExecTxResult, ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { sha256 } from "@noble/hashes/sha2.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { TestChain } from "./chain.js";
import type { EncodedMsg, Member } from "./governance.js";
import { signTx, testAccount } from "./signing.js";

export const STAKING_TEST_PARAMS = { unbonding_time: "10s", max_validators: 100, max_entries: 7, bond_denom: "uagora" };

/** A deterministic 32-byte consensus key (the app checks its length, CometBFT is not involved). */
export function consensusKey(seed: number): Uint8Array {
  return sha256(new TextEncoder().encode(`agora-consensus-key-${seed}`));
}

export function valoper(address: string): string {
  return toAccAddress(fromAccAddress(address), "agoravaloper");
}

const encoded = <T>(type: { typeUrl: string; encode(m: T): { finish(): Uint8Array } }, value: T): EncodedMsg => ({ typeUrl: type.typeUrl, value: type.encode(value).finish() });

export function createValidatorMsg(operator: string, amount: bigint, key: Uint8Array, opts: { rate?: string; maxRate?: string; maxChangeRate?: string; minSelfDelegation?: string; denom?: string } = {}): EncodedMsg {
  return encoded(
    MsgCreateValidator,
    MsgCreateValidator.fromPartial({
      description: { moniker: `validator ${operator.slice(-4)}` },
      commission: { rate: opts.rate ?? "100000000000000000", maxRate: opts.maxRate ?? "200000000000000000", maxChangeRate: opts.maxChangeRate ?? "10000000000000000" },
      minSelfDelegation: opts.minSelfDelegation ?? "1",
      validatorAddress: valoper(operator),
      pubkey: { typeUrl: Ed25519PubKey.typeUrl, value: encodeProto(Ed25519PubKey, { key }) },
      value: { denom: opts.denom ?? "uagora", amount: amount.toString() },
    }),
  );
}

export const delegateMsg = (delegator: string, validator: string, amount: bigint, denom = "uagora") =>
  encoded(MsgDelegate, { delegatorAddress: delegator, validatorAddress: validator, amount: { denom, amount: amount.toString() } });
export const undelegateMsg = (delegator: string, validator: string, amount: bigint) =>
  encoded(MsgUndelegate, { delegatorAddress: delegator, validatorAddress: validator, amount: { denom: "uagora", amount: amount.toString() } });
export const redelegateMsg = (delegator: string, src: string, dst: string, amount: bigint) =>
  encoded(MsgBeginRedelegate, { delegatorAddress: delegator, validatorSrcAddress: src, validatorDstAddress: dst, amount: { denom: "uagora", amount: amount.toString() } });

export class StakingChain {
  /** The validator updates of the last block. */
  lastUpdates: ValidatorUpdate[] = [];

  private constructor(
    readonly chain: TestChain,
    readonly members: Member[],
  ) {}

  static async open(balances: bigint[], params: Record<string, unknown> = {}): Promise<StakingChain> {
    const members: Member[] = [];
    for (const [i] of balances.entries()) members.push({ ...(await testAccount(200 + i)), number: BigInt(i), sequence: 0n });
    const chain = TestChain.open();
    chain.initChain({
      auth: { accounts: members.map((m) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: m.address, account_number: String(m.number), sequence: "0" })) },
      bank: { balances: members.map((m, i) => ({ address: m.address, coins: [{ denom: "uagora", amount: balances[i]!.toString() }] })) },
      staking: { params: { ...STAKING_TEST_PARAMS, ...params } },
    });
    return new StakingChain(chain, members);
  }

  /** One block with one fee-less tx from `from`; returns its result. */
  async tx(from: Member, msgs: EncodedMsg[]): Promise<ExecTxResult> {
    const tx = await signTx(from, msgs, { chainId: this.chain.chainId, accountNumber: from.number, sequence: from.sequence, fee: [] });
    const block = this.chain.block([tx]);
    this.lastUpdates = block.validatorUpdates;
    from.sequence = this.chain.app.accounts.getAccount(this.chain.app.base.queryContext(), fromAccAddress(from.address))!.sequence;
    return block.results[0]!;
  }

  /** Like tx, throwing with the log when the tx fails. */
  async ok(from: Member, msgs: EncodedMsg[]): Promise<ExecTxResult> {
    const result = await this.tx(from, msgs);
    if (result.code !== 0) throw new Error(`tx failed (${result.codespace} ${result.code}): ${result.log}`);
    return result;
  }

  /** Empty blocks, one second apart; returns every validator update they made. */
  advance(seconds: number): ValidatorUpdate[] {
    const updates: ValidatorUpdate[] = [];
    for (let i = 0; i < seconds; i++) updates.push(...this.chain.block([]).validatorUpdates);
    return updates;
  }

  query<T>(method: string, request: { encode(m: never): { finish(): Uint8Array } }, value: unknown, response: { decode(b: Uint8Array): T }): T {
    const res = this.chain.query(`/cosmos.staking.v1beta1.Query/${method}`, request.encode(value as never).finish());
    if (res.code !== 0) throw new Error(`${method} failed (${res.codespace} ${res.code}): ${res.log}`);
    return response.decode(res.value);
  }

  validator(address: string): Validator {
    return this.query("Validator", q.QueryValidatorRequest, { validatorAddr: address }, q.QueryValidatorResponse).validator;
  }

  pool(): { bonded: bigint; notBonded: bigint } {
    const pool = this.query("Pool", q.QueryPoolRequest, {}, q.QueryPoolResponse).pool;
    return { bonded: BigInt(pool.bondedTokens), notBonded: BigInt(pool.notBondedTokens) };
  }

  /** The invariants the app registers, all of them; throws at a broken one. */
  checkInvariants(): void {
    this.chain.app.invariants.assertAll(this.chain.app.base.queryContext());
  }

  destroy(): Promise<void> {
    return this.chain.destroy();
  }
}
