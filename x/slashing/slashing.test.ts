import assert from "node:assert/strict";
import { test } from "node:test";
import * as sq from "cosmjs-types/cosmos/slashing/v1beta1/query";
import { MsgUpdateParams } from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import { BondStatus } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { SYNTHETIC_GENESIS_SECONDS } from "../../sdk/simulation/block-request.js";
import { SlashingChain, unjailMsg, valoper } from "../../test/support/slashing.js";
import { consensusKey, createValidatorMsg, delegateMsg, undelegateMsg } from "../../test/support/staking.js";

const AGORA = 1_000_000n;

/** Two validators: A with 10 AGORA (power 10), B with 20 AGORA (power 20). */
async function twoValidators(appState: Record<string, Record<string, unknown>> = {}) {
  const s = await SlashingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA], appState);
  const [a, b, carol] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(a, [createValidatorMsg(a.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(b, [createValidatorMsg(b.address, 20n * AGORA, consensusKey(2))]);
  return { s, a, b, carol, valA: valoper(a.address), valB: valoper(b.address) };
}

test("a validator offline past the allowed misses of its window is slashed 1%, jailed and leaves the set; unjail is refused until the jail time has passed", async () => {
  const { s, a, valA, valB } = await twoValidators();
  const bondedAt = s.signingInfo(valA).startHeight;
  const supply = s.supply();
  s.offline.add(valA);
  s.lastUpdates = [];
  // Window 10, at least 5 to sign: jailed in the first block past the window with more than 5 missed.
  let jailedAt = 0n;
  while (s.lastUpdates.length === 0) {
    s.block();
    if (s.lastUpdates.length) jailedAt = s.chain.height;
    assert.ok(s.chain.height < bondedAt + 20n, "jailed within the window");
  }
  assert.equal(jailedAt, bondedAt + 11n);
  assert.deepEqual(s.lastUpdates, [{ pubKey: { ed25519: consensusKey(1) }, power: 0n }], "power 0 to CometBFT");
  const v = s.validator(valA);
  assert.equal(v.jailed, true);
  assert.equal(v.status, BondStatus.BOND_STATUS_UNBONDING);
  assert.equal(v.tokens, (10n * AGORA - AGORA / 10n).toString(), "1% of power 10 burned");
  assert.equal(s.supply(), supply - AGORA / 10n);
  const info = s.signingInfo(valA);
  assert.deepEqual(info.jailedUntil, { seconds: SYNTHETIC_GENESIS_SECONDS + jailedAt + 10n, nanos: 0 });
  assert.equal(info.missedBlocksCounter, 0n, "the window starts over");
  assert.equal(info.indexOffset, 0n);
  assert.equal(s.signingInfo(valB).missedBlocksCounter, 0n, "the signer missed nothing");
  s.checkInvariants();

  s.offline.delete(valA);
  const early = await s.tx(a, [unjailMsg(valA)]);
  assert.equal(`${early.codespace} ${early.code}`, "slashing 4", early.log);
  assert.match(early.log, /jailed until/);
  s.advance(8);
  await s.ok(a, [unjailMsg(valA)]);
  assert.deepEqual(s.lastUpdates, [{ pubKey: { ed25519: consensusKey(1) }, power: 9n }], "back in the set with its remaining power");
  assert.equal(s.validator(valA).jailed, false);
  assert.equal(s.signingInfo(valA).startHeight, s.chain.height, "its new window starts when it is bonded again");
  const again = await s.tx(a, [unjailMsg(valA)]);
  assert.equal(`${again.codespace} ${again.code}`, "slashing 5", "not jailed");
  s.checkInvariants();
  await s.destroy();
});

test("a validator that misses no more than the window allows stays in the set", async () => {
  const { s, valA } = await twoValidators();
  // Miss 5 of every 10: the most the window allows.
  for (let i = 0; i < 30; i++) {
    if (i % 2 === 0) s.offline.add(valA);
    else s.offline.delete(valA);
    s.block();
  }
  assert.equal(s.validator(valA).jailed, false);
  assert.ok(s.signingInfo(valA).missedBlocksCounter <= 5n);
  s.checkInvariants();
  await s.destroy();
});

test("unjail is refused to one who is no validator and while self-delegation is below the minimum", async () => {
  const s = await SlashingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const [a, b, carol] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  const valA = valoper(a.address);
  await s.ok(a, [createValidatorMsg(a.address, 10n * AGORA, consensusKey(1), { minSelfDelegation: (5n * AGORA).toString() })]);
  await s.ok(b, [createValidatorMsg(b.address, 20n * AGORA, consensusKey(2))]);
  const nobody = await s.tx(carol, [unjailMsg(valoper(carol.address))]);
  assert.equal(`${nobody.codespace} ${nobody.code}`, "slashing 2");
  s.offline.add(valA);
  s.advance(12);
  s.offline.delete(valA);
  assert.equal(s.validator(valA).jailed, true);
  await s.ok(a, [undelegateMsg(a.address, valA, 6n * AGORA)]);
  s.advance(10);
  const low = await s.tx(a, [unjailMsg(valA)]);
  assert.equal(`${low.codespace} ${low.code}`, "slashing 7", low.log);
  await s.ok(a, [delegateMsg(a.address, valA, 2n * AGORA)]);
  await s.ok(a, [unjailMsg(valA)]);
  assert.equal(s.validator(valA).jailed, false);
  s.checkInvariants();
  await s.destroy();
});

test("MsgUpdateParams is refused unless signed by the gov authority; the Params query answers the genesis values", async () => {
  const { s, a } = await twoValidators();
  const { params } = s.query("/cosmos.slashing.v1beta1.Query/Params", sq.QueryParamsRequest, {}, sq.QueryParamsResponse);
  assert.equal(params.signedBlocksWindow, 10n);
  assert.equal(Buffer.from(params.minSignedPerWindow).toString(), "500000000000000000", "LegacyDec bytes: the units as text");
  assert.deepEqual(params.downtimeJailDuration, { seconds: 10n, nanos: 0 });
  const msg = MsgUpdateParams.fromPartial({ authority: a.address, params: { ...params, signedBlocksWindow: 5n } });
  const r = await s.tx(a, [{ typeUrl: MsgUpdateParams.typeUrl, value: MsgUpdateParams.encode(msg).finish() }]);
  assert.equal(`${r.codespace} ${r.code}`, "sdk 4");
  assert.match(r.log, /invalid authority; expected agora1/);
  await s.destroy();
});

test("a missed blocks counter that disagrees with the window breaks slashing/missed-blocks", async () => {
  const { s, valA } = await twoValidators();
  s.offline.add(valA);
  s.advance(3);
  s.checkInvariants();
  const base = s.chain.app.base;
  const ctx = base.queryContext().withStore(base.store);
  const keeper = s.chain.app.slashing;
  const [consAddress, info] = [...keeper.signingInfos.entries(ctx)].find(([, i]) => i.missedBlocksCounter > 0n)!;
  keeper.setSigningInfo(ctx, consAddress, { ...info, missedBlocksCounter: info.missedBlocksCounter + 1n });
  const result = s.chain.app.invariants.check(ctx, "slashing/missed-blocks");
  assert.equal(result.broken, true);
  assert.match(result.message, /missed_blocks_counter 4, its window marks 3 missed/);
  await s.destroy();
});
