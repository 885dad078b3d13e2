import assert from "node:assert/strict";
import { test } from "node:test";
import { MsgFundCommunityPool, MsgSetWithdrawAddress, MsgUpdateParams, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import { toAccAddress } from "../../sdk/types/address.js";
import { createValidatorMsg, consensusKey, delegateMsg, StakingChain, undelegateMsg, valoper } from "../../test/support/staking.js";
import { block, commission, communityPool, feeOnly, feeTx, outstanding, rewards, signedBy, slashInNextBlock, uagora } from "../../test/support/distribution.js";
import type { EncodedMsg } from "../../test/support/governance.js";

const AGORA = 1_000_000n;
const enc = <T>(type: { typeUrl: string; encode(m: T): { finish(): Uint8Array } }, value: T): EncodedMsg => ({ typeUrl: type.typeUrl, value: type.encode(value).finish() });
const withdrawMsg = (delegator: string, validator: string) => enc(MsgWithdrawDelegatorReward, { delegatorAddress: delegator, validatorAddress: validator });


test("a block's fees are split by signing power between two validators after the community tax, each validator's commission rate of its share to its commission", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const [alice, bob, carol] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(bob, [createValidatorMsg(bob.address, 30n * AGORA, consensusKey(2), { rate: "200000000000000000", maxRate: "300000000000000000" })]);
  block(s, [await feeOnly(s, carol, 1000n)]);
  // The next block pays the fees collected in this one, by the votes that signed it: 10 and 30.
  block(s, [], signedBy([1, 10n], [2, 30n]));
  const [a, b] = [valoper(alice.address), valoper(bob.address)];
  // 2% of 1000 to the pool; alice 25% of 980 = 245, of which 10% commission; bob 735, 20% commission.
  assert.equal(communityPool(s), uagora(20n));
  assert.equal(outstanding(s, a), uagora(245n));
  assert.equal(outstanding(s, b), uagora(735n));
  assert.equal(commission(s, a), uagora(24n, 500_000_000_000_000_000n));
  assert.equal(commission(s, b), uagora(147n));
  assert.equal(rewards(s, alice.address, a), uagora(220n, 500_000_000_000_000_000n));
  assert.equal(rewards(s, bob.address, b), uagora(588n));

  // Withdrawing pays whole coins: the half unit of rewards goes to the pool, commission's stays.
  const before = s.chain.balance(alice.address);
  block(s, [await feeTx(s, alice, [withdrawMsg(alice.address, a), enc(MsgWithdrawValidatorCommission, { validatorAddress: a })], 0n)]);
  assert.equal(s.chain.balance(alice.address), before + 220n + 24n);
  assert.equal(commission(s, a), uagora(0n, 500_000_000_000_000_000n));
  assert.equal(communityPool(s), uagora(20n, 500_000_000_000_000_000n));
  assert.equal(rewards(s, alice.address, a), "", "nothing more accrued");
  s.checkInvariants();
  await s.destroy();
});

test("a delegator who joins later earns only from then on (F1), and a withdrawal pays exactly what accrued, truncated", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const [alice, dave, carol] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  const a = valoper(alice.address);
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1), { rate: "0" })]);
  block(s, [await feeOnly(s, carol, 1000n)]);
  block(s, [await feeTx(s, dave, [delegateMsg(dave.address, a, 20n * AGORA)], 0n)], signedBy([1, 10n]));
  assert.equal(rewards(s, alice.address, a), uagora(980n), "all of the first fees are alice's");
  assert.equal(rewards(s, dave.address, a), "", "dave delegated after them");
  block(s, [await feeOnly(s, carol, 999n)]);
  block(s, [], signedBy([1, 30n]));
  // 999 × 0.98 = 979.02, a third to alice's 10, two thirds to dave's 20 (per token, truncated).
  assert.equal(rewards(s, alice.address, a), uagora(980n + 326n, 340_000_000_000_000_000n));
  assert.equal(rewards(s, dave.address, a), uagora(652n, 680_000_000_000_000_000n));
  const before = s.chain.balance(dave.address);
  block(s, [await feeTx(s, dave, [withdrawMsg(dave.address, a)], 0n)]);
  assert.equal(s.chain.balance(dave.address), before + 652n);
  // Undelegating withdraws first (the staking hook): nothing is left behind, nothing paid twice.
  block(s, [await feeTx(s, dave, [undelegateMsg(dave.address, a, 20n * AGORA)], 0n)]);
  assert.equal(s.chain.balance(dave.address), before + 652n);
  s.checkInvariants();
  await s.destroy();
});

test("a slash between two fee allocations reduces what a delegator earns after it, as the SDK reckons it", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const [alice, dave, carol] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  const a = valoper(alice.address);
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1), { rate: "0" })]);
  block(s, [await feeTx(s, dave, [delegateMsg(dave.address, a, 10n * AGORA)], 0n)]);
  block(s, [await feeOnly(s, carol, 1000n)]);
  block(s, [], signedBy([1, 20n]));
  assert.equal(rewards(s, dave.address, a), uagora(490n));
  slashInNextBlock(s, 1, 20n, 100_000_000_000_000_000n);
  assert.equal(s.validator(a).tokens, "18000000", "10% of 20 AGORA burned");
  block(s, [await feeOnly(s, carol, 1000n)]);
  block(s, [], signedBy([1, 18n]));
  // After the slash dave's stake is 9 of 18: half of 980 again, less the truncation of 980/18M per token.
  assert.equal(rewards(s, dave.address, a), uagora(979n, 999_999_999_996_000_000n));
  const before = s.chain.balance(dave.address);
  block(s, [await feeTx(s, dave, [withdrawMsg(dave.address, a)], 0n)]);
  assert.equal(s.chain.balance(dave.address), before + 979n);
  s.checkInvariants();
  await s.destroy();
});

test("the community pool grows by the community tax and by funding; a withdraw address receives the rewards", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const [alice, carol, erin] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  const a = valoper(alice.address);
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1), { rate: "0" })]);
  block(s, [await feeTx(s, alice, [enc(MsgSetWithdrawAddress, { delegatorAddress: alice.address, withdrawAddress: erin.address })], 0n)]);
  block(s, [await feeOnly(s, carol, 5000n)]);
  block(s, [await feeTx(s, carol, [enc(MsgFundCommunityPool, { depositor: carol.address, amount: [{ denom: "uagora", amount: "7" }] })], 0n)], signedBy([1, 10n]));
  assert.equal(communityPool(s), uagora(100n + 7n));
  const before = s.chain.balance(erin.address);
  block(s, [await feeTx(s, alice, [withdrawMsg(alice.address, a)], 0n)]);
  assert.equal(s.chain.balance(erin.address), before + 4900n);
  s.checkInvariants();
  await s.destroy();
});

test("refusals keep the SDK's codes: no delegation, no commission, a module account as withdraw address, params from anyone but the gov authority", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA]);
  const [alice, bob] = s.members as [(typeof s.members)[0], (typeof s.members)[0]];
  const a = valoper(alice.address);
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1))]);
  const refusals: [EncodedMsg, string][] = [
    [withdrawMsg(bob.address, a), "distribution 5"],
    [withdrawMsg(bob.address, valoper(bob.address)), "distribution 6"],
    [enc(MsgWithdrawValidatorCommission, { validatorAddress: valoper(bob.address) }), "distribution 7"],
    [enc(MsgSetWithdrawAddress, { delegatorAddress: bob.address, withdrawAddress: toAccAddress(s.chain.app.accounts.moduleAddress("distribution")) }), "sdk 4"],
    [enc(MsgUpdateParams, { authority: bob.address, params: { communityTax: "0", baseProposerReward: "0", bonusProposerReward: "0", withdrawAddrEnabled: false } }), "sdk 4"],
    [enc(MsgFundCommunityPool, { depositor: bob.address, amount: [{ denom: "uagora", amount: (1000n * AGORA).toString() }] }), "sdk 5"],
  ];
  for (const [msg, expected] of refusals) {
    const r = await s.tx(bob, [msg]);
    assert.equal(`${r.codespace} ${r.code}`, expected, r.log);
  }
  s.checkInvariants();
  await s.destroy();
});
