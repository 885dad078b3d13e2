import assert from "node:assert/strict";
import { test } from "node:test";
import { timestampToJson } from "../../sdk/types/time.js";
import { TestChain } from "../../test/support/chain.js";
import { SlashingChain, valoper } from "../../test/support/slashing.js";
import { consensusKey, createValidatorMsg } from "../../test/support/staking.js";

const AGORA = 1_000_000n;

/** The same traffic: A jailed for downtime, B missing a few blocks, C tombstoned for double signing. */
async function traffic(s: SlashingChain): Promise<void> {
  const [a, b, c] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  for (const [i, m] of [a, b, c].entries()) await s.ok(m, [createValidatorMsg(m.address, BigInt(10 + 10 * i) * AGORA, consensusKey(i + 1))]);
  s.offline.add(valoper(a.address));
  s.advance(6);
  s.offline.add(valoper(b.address));
  s.block([], [s.duplicateVote(valoper(c.address), s.chain.height - 1n, 30n)]);
  s.advance(2);
  s.offline.delete(valoper(b.address));
  s.advance(5);
}

test("the same blocks give the same app hash on two chains", async () => {
  const one = await SlashingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const two = await SlashingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  await traffic(one);
  await traffic(two);
  assert.equal(Buffer.from(one.chain.app.base.info().lastBlockAppHash).toString("hex"), Buffer.from(two.chain.app.base.info().lastBlockAppHash).toString("hex"));
  await one.destroy();
  await two.destroy();
});

test("exported slashing and evidence state (SDK JSON) initializes a fresh chain to the same app hash and exports again unchanged", async () => {
  const s = await SlashingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA]);
  await traffic(s);
  const [a, b, c] = s.members.map((m) => valoper(m.address)) as [string, string, string];
  const exported = JSON.parse(JSON.stringify(s.chain.app.modules.exportGenesis(s.chain.app.base.queryContext()))) as Record<string, any>;
  const slashing = exported.slashing;
  assert.deepEqual(slashing.params, { signed_blocks_window: "10", min_signed_per_window: "0.500000000000000000", downtime_jail_duration: "10s", slash_fraction_double_sign: "0.050000000000000000", slash_fraction_downtime: "0.010000000000000000" });
  const infoOf = (operator: string) => slashing.signing_infos.find((i: { address: string }) => i.address === s.valcons(operator));
  assert.equal(infoOf(a).validator_signing_info.jailed_until, timestampToJson(s.signingInfo(a).jailedUntil));
  assert.match(infoOf(a).validator_signing_info.jailed_until, /^2023-11-14T22:\d\d:\d\dZ$/, "RFC 3339, as the SDK's JSON");
  assert.equal(infoOf(c).validator_signing_info.tombstoned, true);
  assert.equal(infoOf(c).validator_signing_info.jailed_until, "9999-12-31T23:59:59Z");
  const missedOfB = slashing.missed_blocks.find((m: { address: string }) => m.address === s.valcons(b)).missed_blocks;
  assert.equal(missedOfB.length, 3);
  assert.equal(infoOf(b).validator_signing_info.missed_blocks_counter, "3");
  assert.ok(missedOfB.every((m: { missed: boolean }) => m.missed));
  assert.equal(exported.evidence.evidence.length, 1);
  assert.equal(exported.evidence.evidence[0]["@type"], "/cosmos.evidence.v1beta1.Equivocation");
  assert.equal(exported.evidence.evidence[0].consensus_address, s.valcons(c));

  const fresh = TestChain.open();
  const initHash = Buffer.from(fresh.initChain(exported)).toString("hex");
  assert.equal(initHash, Buffer.from(s.chain.app.base.info().lastBlockAppHash).toString("hex"));
  fresh.block([]);
  assert.deepEqual(JSON.parse(JSON.stringify(fresh.app.modules.exportGenesis(fresh.app.base.queryContext()))), exported, "exporting again gives the same genesis");
  await fresh.destroy();
  await s.destroy();
});
