/** Queries offline: argument checks, `/status` against a fake node, unreachable nodes. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startFakeNode } from "./fake-node.js";
import { normalizeNode } from "./node.js";
import { queryAccount, queryBalances, queryStatus } from "./query.js";

const ADDR = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";

describe("queryStatus", () => {
  let fake: Awaited<ReturnType<typeof startFakeNode>>;
  before(async () => (fake = await startFakeNode()));
  after(() => fake.close());

  it("reads chain id, height, app hash and catching up", async () => {
    assert.deepEqual(await queryStatus({ node: fake.url }), {
      chainId: "agora-local-1",
      moniker: "val0",
      latestBlockHeight: 42,
      latestAppHash: "5F1C0DE5",
      latestBlockTime: "2025-01-01T00:00:00Z",
      catchingUp: false,
    });
  });

  it("explains an endpoint that is not a node", async () => {
    await assert.rejects(queryStatus({ node: fake.url + "/sub" }), /answered \/status with HTTP 404/);
  });

  it("explains an unreachable node", async () => {
    await assert.rejects(queryStatus({ node: "http://127.0.0.1:9" }), /^Error: cannot reach node http:\/\/127\.0\.0\.1:9/);
  });
});

describe("query argument checks", () => {
  it("rejects bad addresses and denoms before connecting", async () => {
    await assert.rejects(queryBalances({ address: "agora1bad" }), /invalid address "agora1bad"/);
    await assert.rejects(queryBalances({ address: ADDR, denom: "u!" }), /invalid --denom "u!"/);
    await assert.rejects(queryAccount({ address: "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4" }), /prefix must be agora/);
  });

  it("normalizes node URLs", () => {
    assert.equal(normalizeNode(), "http://127.0.0.1:26657");
    assert.equal(normalizeNode("tcp://127.0.0.1:26657"), "http://127.0.0.1:26657");
    assert.equal(normalizeNode("https://rpc.example.com/"), "https://rpc.example.com");
    assert.throws(() => normalizeNode("not a url"), /invalid --node "not a url"/);
  });
});
