import assert from "node:assert/strict";
import { test } from "node:test";
import * as q from "cosmjs-types/cosmos/staking/v1beta1/query";
import { BondStatus } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { MsgEditValidator, MsgUpdateParams } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import { fromAccAddress } from "../../sdk/types/address.js";
import { consensusKey, createValidatorMsg, delegateMsg, redelegateMsg, StakingChain, undelegateMsg, valoper } from "../../test/support/staking.js";
import { consAddressOf, fromValoper } from "./keeper.js";

const AGORA = 1_000_000n;

test("a created validator is bonded at the end of its block and sent to CometBFT with its power", async () => {
  const s = await StakingChain.open([100n * AGORA]);
  const [alice] = s.members as [(typeof s.members)[0]];
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1))]);
  const v = s.validator(valoper(alice.address));
  assert.equal(v.status, BondStatus.BOND_STATUS_BONDED);
  assert.equal(v.tokens, "10000000");
  assert.equal(v.delegatorShares, (10n * AGORA * 10n ** 18n).toString(), "shares are LegacyDec units, 1 per token");
  assert.deepEqual(s.lastUpdates, [{ pubKey: { ed25519: consensusKey(1) }, power: 10n }]);
  assert.deepEqual(s.pool(), { bonded: 10n * AGORA, notBonded: 0n });
  assert.equal(s.chain.balance(alice.address), 90n * AGORA);
  s.checkInvariants();
  await s.destroy();
});

test("create-validator refusals: taken operator or key, commission above its max, self-delegation below the minimum, wrong denom", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA]);
  const [alice, bob] = s.members as [(typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(alice, [createValidatorMsg(alice.address, AGORA, consensusKey(1))]);
  const refusals: [ReturnType<typeof createValidatorMsg>, string][] = [
    [createValidatorMsg(bob.address, AGORA, consensusKey(1)), "staking 5"],
    [createValidatorMsg(bob.address, AGORA, consensusKey(2), { rate: "300000000000000000" }), "staking 11"],
    [createValidatorMsg(bob.address, AGORA, consensusKey(2), { maxChangeRate: "300000000000000000" }), "staking 14"],
    [createValidatorMsg(bob.address, AGORA, consensusKey(2), { minSelfDelegation: "2000000" }), "staking 16"],
    [createValidatorMsg(bob.address, AGORA, consensusKey(2), { denom: "uatom" }), "staking 46"],
  ];
  for (const [msg, expected] of refusals) {
    const r = await s.tx(bob, [msg]);
    assert.equal(`${r.codespace} ${r.code}`, expected, r.log);
  }
  assert.equal((await s.tx(alice, [createValidatorMsg(alice.address, AGORA, consensusKey(3))])).code, 4, "staking 4: one validator per operator");
  await s.destroy();
});

test("a delegation changes the validator's power in the next validator updates, and undelegating pays out after the unbonding time", async () => {
  const s = await StakingChain.open([100n * AGORA, 50n * AGORA]);
  const [alice, bob] = s.members as [(typeof s.members)[0], (typeof s.members)[0]];
  const val = valoper(alice.address);
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(bob, [delegateMsg(bob.address, val, 20n * AGORA)]);
  assert.deepEqual(s.lastUpdates, [{ pubKey: { ed25519: consensusKey(1) }, power: 30n }]);
  const delegation = s.query("Delegation", q.QueryDelegationRequest, { delegatorAddr: bob.address, validatorAddr: val }, q.QueryDelegationResponse);
  assert.deepEqual(delegation.delegationResponse?.balance, { denom: "uagora", amount: "20000000" });

  await s.ok(bob, [undelegateMsg(bob.address, val, 5n * AGORA)]);
  assert.deepEqual(s.lastUpdates, [{ pubKey: { ed25519: consensusKey(1) }, power: 25n }]);
  assert.deepEqual(s.pool(), { bonded: 25n * AGORA, notBonded: 5n * AGORA });
  const unbonding = s.query("UnbondingDelegation", q.QueryUnbondingDelegationRequest, { delegatorAddr: bob.address, validatorAddr: val }, q.QueryUnbondingDelegationResponse);
  assert.equal(unbonding.unbond.entries[0]!.balance, "5000000");
  s.checkInvariants();
  assert.equal(s.chain.balance(bob.address), 30n * AGORA, "nothing paid before the unbonding time");
  s.advance(10);
  assert.equal(s.chain.balance(bob.address), 35n * AGORA, "paid once the 10 s unbonding time passed");
  assert.deepEqual(s.pool(), { bonded: 25n * AGORA, notBonded: 0n });
  s.checkInvariants();
  const left = await s.tx(bob, [undelegateMsg(bob.address, val, 16n * AGORA)]);
  assert.equal(`${left.codespace} ${left.code}`, "staking 24", "more than the delegation is worth");
  await s.destroy();
});

test("a redelegation moves power at once and forbids redelegating onward while it matures", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA, 50n * AGORA]);
  const [a, b, c, dave] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  for (const [i, m] of [a, b, c].entries()) await s.ok(m, [createValidatorMsg(m.address, 10n * AGORA, consensusKey(i + 1))]);
  await s.ok(dave, [delegateMsg(dave.address, valoper(a.address), 20n * AGORA)]);
  await s.ok(dave, [redelegateMsg(dave.address, valoper(a.address), valoper(b.address), 8n * AGORA)]);
  assert.deepEqual(s.lastUpdates, [
    { pubKey: { ed25519: consensusKey(1) }, power: 22n },
    { pubKey: { ed25519: consensusKey(2) }, power: 18n },
  ]);
  assert.equal(s.validator(valoper(a.address)).tokens, "22000000");
  assert.equal(s.validator(valoper(b.address)).tokens, "18000000");
  const transitive = await s.tx(dave, [redelegateMsg(dave.address, valoper(b.address), valoper(c.address), AGORA)]);
  assert.equal(`${transitive.codespace} ${transitive.code}`, "staking 32");
  const self = await s.tx(dave, [redelegateMsg(dave.address, valoper(a.address), valoper(a.address), AGORA)]);
  assert.equal(`${self.codespace} ${self.code}`, "staking 29");
  s.advance(10);
  await s.ok(dave, [redelegateMsg(dave.address, valoper(b.address), valoper(c.address), AGORA)]);
  assert.equal(s.validator(valoper(c.address)).tokens, "11000000");
  s.checkInvariants();
  await s.destroy();
});

test("only the top max_validators by power are bonded; the one pushed out gets power 0 and unbonds", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA], { max_validators: 2 });
  const [a, b, c] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(a, [createValidatorMsg(a.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(b, [createValidatorMsg(b.address, 20n * AGORA, consensusKey(2))]);
  await s.ok(c, [createValidatorMsg(c.address, 30n * AGORA, consensusKey(3))]);
  assert.deepEqual(s.lastUpdates, [
    { pubKey: { ed25519: consensusKey(3) }, power: 30n },
    { pubKey: { ed25519: consensusKey(1) }, power: 0n },
  ]);
  assert.equal(s.validator(valoper(a.address)).status, BondStatus.BOND_STATUS_UNBONDING);
  assert.deepEqual(s.pool(), { bonded: 50n * AGORA, notBonded: 10n * AGORA });
  const bonded = s.query("Validators", q.QueryValidatorsRequest, { status: "BOND_STATUS_BONDED" }, q.QueryValidatorsResponse);
  assert.deepEqual(bonded.validators.map((v) => v.operatorAddress).sort(), [valoper(b.address), valoper(c.address)].sort());
  s.advance(11);
  assert.equal(s.validator(valoper(a.address)).status, BondStatus.BOND_STATUS_UNBONDED);
  s.checkInvariants();
  await s.destroy();
});

test("commission changes at most max_change_rate, once per 24 h of block time; min self delegation only rises", async () => {
  const s = await StakingChain.open([100n * AGORA]);
  const [alice] = s.members as [(typeof s.members)[0]];
  const val = valoper(alice.address);
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1))]);
  const edit = (commissionRate: string, minSelfDelegation = "") => ({
    typeUrl: MsgEditValidator.typeUrl,
    value: MsgEditValidator.encode(MsgEditValidator.fromPartial({
      description: { moniker: "[do-not-modify]", identity: "[do-not-modify]", website: "https://example.org", securityContact: "[do-not-modify]", details: "[do-not-modify]" },
      validatorAddress: val,
      commissionRate,
      minSelfDelegation,
    })).finish(),
  });
  const early = await s.tx(alice, [edit("110000000000000000")]);
  assert.equal(`${early.codespace} ${early.code}`, "staking 12", "within 24 h of creation");
  await s.ok(alice, [edit("")]);
  assert.equal(s.validator(val).description.website, "https://example.org");
  assert.equal(s.validator(val).description.moniker, `validator ${alice.address.slice(-4)}`);
  const lower = await s.tx(alice, [edit("", "1")]);
  assert.equal(`${lower.codespace} ${lower.code}`, "staking 17");
  await s.destroy();
});

test("slashing burns from the bonded pool, jailing takes the validator out of the set, unjailing brings it back", async () => {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA]);
  const [a, b] = s.members as [(typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(a, [createValidatorMsg(a.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(b, [createValidatorMsg(b.address, 20n * AGORA, consensusKey(2))]);
  const keeper = s.chain.app.staking;
  const base = s.chain.app.base;
  const consA = consAddressOf(keeper.mustGetValidator(base.queryContext(), fromValoper(valoper(a.address))));
  // Keeper calls as slashing will make them, in a block of their own committed like any other.
  const ctx = base.queryContext().withStore(base.store);
  const burned = keeper.slash(ctx, consA, ctx.height - 1n, 10n, 10n ** 17n);
  assert.equal(burned, AGORA, "10% of power 10");
  keeper.jail(ctx, consA);
  base.store.commit(ctx.height);
  s.chain.height = ctx.height;
  assert.deepEqual(s.advance(1), [{ pubKey: { ed25519: consensusKey(1) }, power: 0n }]);
  assert.equal(s.validator(valoper(a.address)).jailed, true);
  assert.equal(s.chain.app.bank.getSupply(base.queryContext(), "uagora"), 199n * AGORA);
  s.checkInvariants();
  const ctx2 = base.queryContext().withStore(base.store);
  keeper.unjail(ctx2, consA);
  base.store.commit(ctx2.height);
  s.chain.height = ctx2.height;
  assert.deepEqual(s.advance(1), [{ pubKey: { ed25519: consensusKey(1) }, power: 9n }]);
  s.checkInvariants();
  await s.destroy();
});

test("MsgUpdateParams is refused unless signed by the gov authority", async () => {
  const s = await StakingChain.open([100n * AGORA]);
  const [alice] = s.members as [(typeof s.members)[0]];
  const params = s.query("Params", q.QueryParamsRequest, {}, q.QueryParamsResponse).params;
  const msg = MsgUpdateParams.fromPartial({ authority: alice.address, params: { ...params, maxValidators: 5 } });
  const r = await s.tx(alice, [{ typeUrl: MsgUpdateParams.typeUrl, value: MsgUpdateParams.encode(msg).finish() }]);
  assert.equal(`${r.codespace} ${r.code}`, "sdk 4");
  assert.match(r.log, /invalid authority; expected agora1/);
  assert.equal(fromAccAddress(alice.address).length, 20);
  await s.destroy();
});
