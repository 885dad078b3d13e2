import assert from "node:assert/strict";
import { test } from "node:test";
import { createRestServer } from "../../sdk/server/rest/server.js";
import { SlashingChain, valoper } from "../../test/support/slashing.js";
import { consensusKey, createValidatorMsg } from "../../test/support/staking.js";
import { evidenceHash } from "../evidence/keeper.js";

const AGORA = 1_000_000n;

test("slashing params, signing infos and evidence answer on their gateway paths in the SDK's JSON", async () => {
  const s = await SlashingChain.open([100n * AGORA, 100n * AGORA]);
  const [a, b] = s.members as [(typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(a, [createValidatorMsg(a.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(b, [createValidatorMsg(b.address, 20n * AGORA, consensusKey(2))]);
  const infraction = s.chain.height;
  s.block([], [s.duplicateVote(valoper(b.address), infraction, 20n)]);
  const server = await createRestServer(s.chain.app.base, { rpcAddress: "tcp://127.0.0.1:1" });
  const get = async (url: string) => {
    const res = await server.inject({ method: "GET", url });
    return { status: res.statusCode, body: res.json() as Record<string, any> };
  };

  assert.deepEqual((await get("/cosmos/slashing/v1beta1/params")).body, {
    params: { signed_blocks_window: "10", min_signed_per_window: "0.500000000000000000", downtime_jail_duration: "10s", slash_fraction_double_sign: "0.050000000000000000", slash_fraction_downtime: "0.010000000000000000" },
  });
  const valconsB = s.valcons(valoper(b.address));
  const one = await get(`/cosmos/slashing/v1beta1/signing_infos/${valconsB}`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.body.val_signing_info, {
    address: valconsB,
    start_height: String(infraction),
    index_offset: "1",
    jailed_until: "9999-12-31T23:59:59Z",
    tombstoned: true,
    missed_blocks_counter: "0",
  });
  const all = await get("/cosmos/slashing/v1beta1/signing_infos");
  assert.equal(all.body.info.length, 2);
  assert.equal(all.body.pagination.total, "2");
  const missing = await get(`/cosmos/slashing/v1beta1/signing_infos/${s.valcons(valoper(b.address)).slice(0, -6)}qqqqqq`);
  assert.ok(missing.status >= 400, "a bad or unknown consensus address is the client's error");

  const evidence = await get("/cosmos/evidence/v1beta1/evidence");
  assert.deepEqual(evidence.body.evidence, [{ "@type": "/cosmos.evidence.v1beta1.Equivocation", height: String(infraction), time: evidence.body.evidence[0].time, power: "20", consensus_address: valconsB }]);
  assert.match(evidence.body.evidence[0].time, /^2023-11-14T\d\d:\d\d:\d\dZ$/);
  const stored = [...s.chain.app.evidence.evidence.entries(s.chain.app.base.queryContext())][0]![1];
  const byHash = await get(`/cosmos/evidence/v1beta1/evidence/${Buffer.from(evidenceHash(stored)).toString("hex")}`);
  assert.equal(byHash.body.evidence.consensus_address, valconsB);
  await server.close();
  await s.destroy();
});
