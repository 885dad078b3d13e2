import assert from "node:assert/strict";
import { test } from "node:test";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { QueryDelegationRewardsRequest, QueryDelegationRewardsResponse } from "cosmjs-types/cosmos/distribution/v1beta1/query";
import { MsgSetWithdrawAddress } from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import { BondStatus } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { toAccAddress } from "../../sdk/types/address.js";
import { sendMsg, signTx } from "../../test/support/signing.js";
import { validatorToJson } from "../staking/genesis.js";
import { SYNTHETIC_GENESIS_SECONDS } from "../../sdk/simulation/block-request.js";
import { TestChain } from "../../test/support/chain.js";
import { block, feeOnly, feeTx, rewards, signedBy, slashInNextBlock } from "../../test/support/distribution.js";
import { consensusKey, createValidatorMsg, delegateMsg, StakingChain, valoper } from "../../test/support/staking.js";

const AGORA = 1_000_000n;

/** Two validators, a delegator, fees over several blocks, a slash, a withdraw address; returns each block's app hash. */
async function busyChain(): Promise<{ s: StakingChain; hashes: string[] }> {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const [alice, bob, carol, dave] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(bob, [createValidatorMsg(bob.address, 20n * AGORA, consensusKey(2))]);
  const hashes: string[] = [];
  const record = () => hashes.push(Buffer.from(s.chain.app.base.info().lastBlockAppHash).toString("hex"));
  const votes = signedBy([1, 10n], [2, 20n]);
  block(s, [await feeTx(s, dave, [delegateMsg(dave.address, valoper(alice.address), 7n * AGORA)], 333n)], votes);
  record();
  block(s, [await feeOnly(s, carol, 1234n), await feeTx(s, dave, [{ typeUrl: MsgSetWithdrawAddress.typeUrl, value: MsgSetWithdrawAddress.encode({ delegatorAddress: dave.address, withdrawAddress: carol.address }).finish() }], 17n)], signedBy([1, 17n], [2, 20n]));
  record();
  slashInNextBlock(s, 2, 20n, 50_000_000_000_000_000n, signedBy([1, 17n], [2, 20n]));
  record();
  block(s, [await feeOnly(s, carol, 999n)], signedBy([1, 17n], [2, 19n]));
  record();
  block(s, [], signedBy([1, 17n], [2, 19n]));
  record();
  return { s, hashes };
}

test("the same blocks give the same app hashes and the same rewards on two chains", async () => {
  const first = await busyChain();
  const second = await busyChain();
  assert.deepEqual(second.hashes, first.hashes);
  const [, , , dave] = first.s.members;
  const alice = valoper(first.s.members[0]!.address);
  assert.equal(rewards(second.s, dave!.address, alice), rewards(first.s, dave!.address, alice));
  first.s.checkInvariants();
  await first.s.destroy();
  await second.s.destroy();
});

test("an exported genesis imports to the same app hash, exports again unchanged, and rewards go on accruing alike", async () => {
  const { s } = await busyChain();
  const chain = s.chain;
  const lastHash = Buffer.from(chain.app.base.info().lastBlockAppHash).toString("hex");
  const exported = JSON.parse(JSON.stringify(chain.app.modules.exportGenesis(chain.app.base.queryContext()))) as Record<string, Record<string, unknown[]>>;
  assert.ok(exported.distribution!.validator_slash_events!.length > 0, "the export carries the slash event");
  assert.ok(exported.distribution!.delegator_withdraw_infos!.length > 0, "the export carries the withdraw address");
  // The new chain starts at the next height, as a chain restarted from an export does.
  const fresh = TestChain.open();
  const initHash = fresh.app.base.initChain({
    time: { seconds: SYNTHETIC_GENESIS_SECONDS + chain.height, nanos: 0 },
    chainId: fresh.chainId,
    validators: [],
    appStateBytes: Buffer.from(JSON.stringify(exported)),
    initialHeight: chain.height + 1n,
  }).appHash;
  assert.equal(Buffer.from(initHash).toString("hex"), lastHash, "the exported state hashes to the exporting chain's app hash");
  fresh.height = chain.height;
  const [carol] = [s.members[2]!];
  const fee = await feeOnly(s, carol, 500n);
  const next = signedBy([1, 17n], [2, 19n]);
  assert.deepEqual(fresh.block([fee], next).appHash, chain.block([fee], next).appHash, "the same block on both");
  assert.deepEqual(fresh.block([], next).appHash, chain.block([], next).appHash, "its fees allocated alike");
  const again = (c: TestChain) => JSON.parse(JSON.stringify(c.app.modules.exportGenesis(c.app.base.queryContext()))) as unknown;
  assert.deepEqual(again(fresh), again(chain), "both export the same genesis");
  chain.app.invariants.assertAll(chain.app.base.queryContext());
  fresh.app.invariants.assertAll(fresh.app.base.queryContext());
  await fresh.destroy();
  await s.destroy();
});

test("a genesis whose distribution account does not hold the community pool is refused, naming both amounts", async () => {
  const chain = TestChain.open();
  assert.throws(() => chain.initChain({ distribution: { fee_pool: { community_pool: [{ denom: "uagora", amount: "5.000000000000000000" }] } } }), /distribution module balance does not match the module holdings: it holds "", genesis owes "5uagora"/);
  await chain.destroy();
});

test("a new chain's genesis validators and delegations get their reward records, and earn from the first fees", async () => {
  const chain = TestChain.open();
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA]);
  const [alice, carol] = s.members as [(typeof s.members)[0], (typeof s.members)[0]];
  await s.destroy();
  const operator = valoper(alice.address);
  const validator = validatorToJson({
    operatorAddress: operator,
    consensusPubkey: { typeUrl: Ed25519PubKey.typeUrl, value: Ed25519PubKey.encode({ key: consensusKey(1) }).finish() },
    jailed: false,
    status: BondStatus.BOND_STATUS_BONDED,
    tokens: (10n * AGORA).toString(),
    delegatorShares: (10n * AGORA * 10n ** 18n).toString(),
    description: { moniker: "genesis", identity: "", website: "", securityContact: "", details: "" },
    unbondingHeight: 0n,
    unbondingTime: { seconds: 0n, nanos: 0 },
    commission: { commissionRates: { rate: "0", maxRate: "0", maxChangeRate: "0" }, updateTime: { seconds: 0n, nanos: 0 } },
    minSelfDelegation: "1",
    unbondingOnHoldRefCount: 0n,
    unbondingIds: [],
  });
  const bondedPool = toAccAddress(chain.app.accounts.moduleAddress("bonded_tokens_pool"));
  chain.initChain({
    auth: { accounts: [alice, carol].map((m, i) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: m.address, account_number: String(i), sequence: "0" })) },
    bank: {
      balances: [
        { address: alice.address, coins: [{ denom: "uagora", amount: (90n * AGORA).toString() }] },
        { address: carol.address, coins: [{ denom: "uagora", amount: (100n * AGORA).toString() }] },
        { address: bondedPool, coins: [{ denom: "uagora", amount: (10n * AGORA).toString() }] },
      ],
    },
    staking: { validators: [validator], delegations: [{ delegator_address: alice.address, validator_address: operator, shares: "10000000.000000000000000000" }] },
  });
  const fee = await signTx(carol, [sendMsg(carol.address, carol.address, "1")], { chainId: chain.chainId, accountNumber: 1n, sequence: 0n, fee: [{ denom: "uagora", amount: "1000" }] });
  assert.equal(chain.block([fee]).results[0]!.code, 0);
  chain.block([], signedBy([1, 10n]));
  const res = chain.query("/cosmos.distribution.v1beta1.Query/DelegationRewards", QueryDelegationRewardsRequest.encode({ delegatorAddress: alice.address, validatorAddress: operator }).finish());
  assert.equal(res.code, 0, res.log);
  assert.deepEqual(QueryDelegationRewardsResponse.decode(res.value).rewards, [{ denom: "uagora", amount: (980n * 10n ** 18n).toString() }]);
  chain.app.invariants.assertAll(chain.app.base.queryContext());
  await chain.destroy();
});
