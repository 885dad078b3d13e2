import assert from "node:assert/strict";
import { test } from "node:test";
import { Equivocation } from "cosmjs-types/cosmos/evidence/v1beta1/evidence";
import * as eq from "cosmjs-types/cosmos/evidence/v1beta1/query";
import * as q from "cosmjs-types/cosmos/staking/v1beta1/query";
import { SlashingChain, unjailMsg, valoper } from "../../test/support/slashing.js";
import { consensusKey, createValidatorMsg, delegateMsg, undelegateMsg } from "../../test/support/staking.js";
import { evidenceHash } from "./keeper.js";

const AGORA = 1_000_000n;

async function twoValidators(appState: Record<string, Record<string, unknown>> = {}) {
  const s = await SlashingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA], appState);
  const [a, b, carol] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(a, [createValidatorMsg(a.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(b, [createValidatorMsg(b.address, 20n * AGORA, consensusKey(2))]);
  return { s, a, b, carol, valA: valoper(a.address) };
}

function allEvidence(s: SlashingChain): Equivocation[] {
  return s.query("/cosmos.evidence.v1beta1.Query/AllEvidence", eq.QueryAllEvidenceRequest, {}, eq.QueryAllEvidenceResponse).evidence.map((any) => Equivocation.decode(any.value));
}

test("double-sign evidence slashes 5% of the stake at the infraction, unbonding begun since included, jails for ever and tombstones; later evidence is ignored", async () => {
  const { s, a, carol, valA } = await twoValidators();
  await s.ok(carol, [delegateMsg(carol.address, valA, 10n * AGORA)]);
  const infraction = s.chain.height;
  s.advance(1);
  await s.ok(carol, [undelegateMsg(carol.address, valA, 4n * AGORA)]);
  const supply = s.supply();
  s.lastUpdates = [];
  s.block([], [s.duplicateVote(valA, infraction, 20n)]);

  assert.deepEqual(s.lastUpdates, [{ pubKey: { ed25519: consensusKey(1) }, power: 0n }], "out of the set at once");
  // 5% of power 20 is 1 AGORA: 0.2 from carol's unbonding entry (begun after the infraction), 0.8 from the validator.
  assert.equal(s.validator(valA).tokens, (16n * AGORA - (8n * AGORA) / 10n).toString());
  const unbonding = s.query("/cosmos.staking.v1beta1.Query/UnbondingDelegation", q.QueryUnbondingDelegationRequest, { delegatorAddr: carol.address, validatorAddr: valA }, q.QueryUnbondingDelegationResponse);
  assert.equal(unbonding.unbond.entries[0]!.balance, (4n * AGORA - (2n * AGORA) / 10n).toString());
  assert.equal(s.supply(), supply - AGORA);
  const info = s.signingInfo(valA);
  assert.equal(info.tombstoned, true);
  assert.equal(info.jailedUntil.seconds, 253_402_300_799n, "9999-12-31T23:59:59Z");
  const stored = allEvidence(s);
  assert.deepEqual(stored, [{ height: infraction, time: s.duplicateVote(valA, infraction, 20n).time, power: 20n, consensusAddress: s.valcons(valA) }]);
  const byHash = s.query("/cosmos.evidence.v1beta1.Query/Evidence", eq.QueryEvidenceRequest, { evidenceHash: new Uint8Array(), hash: Buffer.from(evidenceHash(stored[0]!)).toString("hex") }, eq.QueryEvidenceResponse);
  assert.deepEqual(Equivocation.decode(byHash.evidence!.value), stored[0]);
  s.checkInvariants();

  const tokens = s.validator(valA).tokens;
  s.block([], [s.duplicateVote(valA, s.chain.height - 1n, 16n)]);
  assert.equal(s.validator(valA).tokens, tokens, "a tombstoned validator is not slashed again");
  assert.equal(allEvidence(s).length, 1);
  s.advance(30);
  const refused = await s.tx(a, [unjailMsg(valA)]);
  assert.equal(`${refused.codespace} ${refused.code}`, "slashing 4", refused.log);
  assert.match(refused.log, /tombstoned/);
  s.checkInvariants();
  await s.destroy();
});

test("evidence older than max_age in both blocks and time is ignored", async () => {
  const { s, valA } = await twoValidators({ evidence: { max_age: { max_age_num_blocks: "5", max_age_duration: "5s" } } });
  const infraction = s.chain.height;
  s.advance(6);
  const tokens = s.validator(valA).tokens;
  s.block([], [s.duplicateVote(valA, infraction, 10n)]);
  assert.equal(s.validator(valA).tokens, tokens);
  assert.equal(s.validator(valA).jailed, false);
  assert.equal(s.signingInfo(valA).tombstoned, false);
  assert.deepEqual(allEvidence(s), []);
  const missing = s.chain.query("/cosmos.evidence.v1beta1.Query/Evidence", eq.QueryEvidenceRequest.encode({ evidenceHash: new Uint8Array(), hash: "ab".repeat(32) }).finish());
  assert.equal(`${missing.codespace} ${missing.code}`, "sdk 38");
  await s.destroy();
});
