/** Slashing CLI offline: signing info by consensus address against a fake node, in the gateway's JSON. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as q from "cosmjs-types/cosmos/slashing/v1beta1/query";
import { startFakeNode, type AbciHandler } from "./fake-node.js";
import { querySigningInfo } from "./slashing.js";

const VALCONS = "agoravalcons19rl4cm2hmr8afy4kldpxz3fka4jguq0a7hu73c";
let fake: Awaited<ReturnType<typeof startFakeNode>>;
const answer: AbciHandler = (path, data) => {
  if (path !== "/cosmos.slashing.v1beta1.Query/SigningInfo") return { code: 18, codespace: "sdk", log: "unexpected" };
  const consAddress = q.QuerySigningInfoRequest.decode(data).consAddress;
  const valSigningInfo = { address: consAddress, startHeight: 0n, indexOffset: 0n, jailedUntil: { seconds: 253_402_300_799n, nanos: 0 }, tombstoned: true, missedBlocksCounter: 0n };
  return { value: q.QuerySigningInfoResponse.encode({ valSigningInfo }).finish() };
};
before(async () => (fake = await startFakeNode(undefined, answer)));
after(() => fake.close());

test("signing-info answers a validator's jail and tombstone by its consensus address, and refuses an operator address", async () => {
  assert.deepEqual(await querySigningInfo({ node: fake.url, consAddress: VALCONS }), {
    address: VALCONS,
    start_height: "0",
    index_offset: "0",
    jailed_until: "9999-12-31T23:59:59Z",
    tombstoned: true,
    missed_blocks_counter: "0",
  });
  await assert.rejects(querySigningInfo({ node: fake.url, consAddress: "agoravaloper19rl4cm2hmr8afy4kldpxz3fka4jguq0a2y0zae" }), /expected agoravalcons1\.\.\., as `agorad comet show-address` prints it/);
});
