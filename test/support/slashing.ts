/**
 * A TestChain with staking and slashing on short periods, whose blocks carry what CometBFT would
 * send: the last validator set's votes (absent for the validators set offline) and, when given,
 * double-sign evidence.
 */
import * as sq from "cosmjs-types/cosmos/slashing/v1beta1/query";
import type { ValidatorSigningInfo } from "cosmjs-types/cosmos/slashing/v1beta1/slashing";
import * as q from "cosmjs-types/cosmos/staking/v1beta1/query";
import type { Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { MsgUnjail } from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import { MisbehaviorType, type ExecTxResult, type Misbehavior, type ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { syntheticBlock } from "../../sdk/simulation/block-request.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { validatorConsAddress } from "../../x/slashing/keeper.js";
import { TestChain } from "./chain.js";
import type { EncodedMsg, Member } from "./governance.js";
import { signTx, testAccount } from "./signing.js";
import { STAKING_TEST_PARAMS, valoper } from "./staking.js";

/** A 10-block window, half of it to sign, 10 s of jail: downtime shows within a test. */
export const SLASHING_TEST_PARAMS = {
  signed_blocks_window: "10",
  min_signed_per_window: "0.5",
  downtime_jail_duration: "10s",
  slash_fraction_double_sign: "0.05",
  slash_fraction_downtime: "0.01",
};

export const unjailMsg = (validator: string): EncodedMsg => ({ typeUrl: MsgUnjail.typeUrl, value: MsgUnjail.encode({ validatorAddr: validator }).finish() });

export class SlashingChain {
  /** Operators (agoravaloper) whose validators do not sign. */
  readonly offline = new Set<string>();
  /** The validator updates of the last block. */
  lastUpdates: ValidatorUpdate[] = [];

  private constructor(
    readonly chain: TestChain,
    readonly members: Member[],
  ) {}

  static async open(balances: bigint[], appState: Record<string, Record<string, unknown>> = {}): Promise<SlashingChain> {
    const members: Member[] = [];
    for (const [i] of balances.entries()) members.push({ ...(await testAccount(300 + i)), number: BigInt(i), sequence: 0n });
    const chain = TestChain.open();
    chain.initChain({
      auth: { accounts: members.map((m) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: m.address, account_number: String(m.number), sequence: "0" })) },
      bank: { balances: members.map((m, i) => ({ address: m.address, coins: [{ denom: "uagora", amount: balances[i]!.toString() }] })) },
      staking: { params: STAKING_TEST_PARAMS },
      slashing: { params: SLASHING_TEST_PARAMS },
      ...appState,
    });
    return new SlashingChain(chain, members);
  }

  /** The votes CometBFT would put in the next block's last commit: the last set, offline ones absent. */
  private votes() {
    const ctx = this.chain.app.base.queryContext();
    const staking = this.chain.app.staking;
    return [...staking.lastValidatorPowers.entries(ctx)].map(([operator, power]) => {
      const v = staking.mustGetValidator(ctx, operator);
      const flag = this.offline.has(v.operatorAddress) ? BlockIDFlag.BLOCK_ID_FLAG_ABSENT : BlockIDFlag.BLOCK_ID_FLAG_COMMIT;
      return { validator: { address: validatorConsAddress(v), power }, blockIdFlag: flag };
    });
  }

  /** Finalizes and commits one block with the last set's votes and the given evidence. */
  block(txs: Uint8Array[] = [], misbehavior: Misbehavior[] = []): { results: ExecTxResult[]; updates: ValidatorUpdate[] } {
    const height = this.chain.height + 1n;
    const request = { ...syntheticBlock(height, txs), decidedLastCommit: { round: 0, votes: this.votes() }, misbehavior };
    const response = this.chain.app.base.finalizeBlock(request);
    this.chain.app.base.commit();
    this.chain.height = height;
    this.lastUpdates = response.validatorUpdates;
    return { results: response.txResults, updates: response.validatorUpdates };
  }

  /** Empty blocks; returns every validator update they made. */
  advance(blocks: number): ValidatorUpdate[] {
    const updates: ValidatorUpdate[] = [];
    for (let i = 0; i < blocks; i++) updates.push(...this.block().updates);
    return updates;
  }

  async tx(from: Member, msgs: EncodedMsg[], misbehavior: Misbehavior[] = []): Promise<ExecTxResult> {
    const tx = await signTx(from, msgs, { chainId: this.chain.chainId, accountNumber: from.number, sequence: from.sequence, fee: [] });
    const result = this.block([tx], misbehavior).results[0]!;
    from.sequence = this.chain.app.accounts.getAccount(this.chain.app.base.queryContext(), fromAccAddress(from.address))!.sequence;
    return result;
  }

  async ok(from: Member, msgs: EncodedMsg[]): Promise<ExecTxResult> {
    const result = await this.tx(from, msgs);
    if (result.code !== 0) throw new Error(`tx failed (${result.codespace} ${result.code}): ${result.log}`);
    return result;
  }

  query<T>(path: string, request: { encode(m: never): { finish(): Uint8Array } }, value: unknown, response: { decode(b: Uint8Array): T }): T {
    const res = this.chain.query(path, request.encode(value as never).finish());
    if (res.code !== 0) throw new Error(`${path} failed (${res.codespace} ${res.code}): ${res.log}`);
    return response.decode(res.value);
  }

  validator(operator: string): Validator {
    return this.query("/cosmos.staking.v1beta1.Query/Validator", q.QueryValidatorRequest, { validatorAddr: operator }, q.QueryValidatorResponse).validator;
  }

  /** The validator's consensus address as bech32 (agoravalcons), as `query slashing signing-info` takes it. */
  valcons(operator: string): string {
    return toAccAddress(validatorConsAddress(this.validator(operator)), "agoravalcons");
  }

  signingInfo(operator: string): ValidatorSigningInfo {
    return this.query("/cosmos.slashing.v1beta1.Query/SigningInfo", sq.QuerySigningInfoRequest, { consAddress: this.valcons(operator) }, sq.QuerySigningInfoResponse).valSigningInfo;
  }

  /** Double-sign evidence against `operator`'s validator for `height`, as CometBFT reports it. */
  duplicateVote(operator: string, height: bigint, power: bigint): Misbehavior {
    const time = syntheticBlock(height, []).time!;
    return { type: MisbehaviorType.DUPLICATE_VOTE, validator: { address: validatorConsAddress(this.validator(operator)), power }, height, time, totalVotingPower: power };
  }

  supply(): bigint {
    return this.chain.app.bank.getSupply(this.chain.app.base.queryContext(), "uagora");
  }

  /** The invariants the app registers, all of them; throws at a broken one. */
  checkInvariants(): void {
    this.chain.app.invariants.assertAll(this.chain.app.base.queryContext());
  }

  destroy(): Promise<void> {
    return this.chain.destroy();
  }
}

export { valoper };
