/** Commerce CLI: queries through the agorad binary against a node answering from a real chain, and arguments refused offline. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import * as commerceTx from "../../../generated/proto/agora/commerce/v1/tx.js";
import { Outcome } from "../../../generated/proto/agora/commerce/v1/commerce.js";
import { Market } from "../../../test/support/commerce.js";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import * as t from "../../../x/commerce/types.js";
import { runCliAsync } from "../keys/testing.js";
import { parseDecision, resolveAppealProposal } from "./commerce.js";
import { startFakeNode } from "./fake-node.js";
import { readProposalFile } from "./gov.js";

const newDir = tempDirs("agora-commerce-cli-");

test("agorad query commerce order, orders-by-buyer and pending-disputes print the chain's answers as JSON", async () => {
  const m = await Market.open();
  const node = await startFakeNode(undefined, (path, data) => {
    const res = m.chain.query(path, data);
    return { code: res.code, codespace: res.codespace, log: res.log, value: res.value };
  });
  try {
    const { listingId } = await m.storeWithListing();
    const orderId = await m.placeOrder(listingId, 2n);
    await m.ok(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "late" });
    const run = async (...args: string[]) => {
      const res = await runCliAsync(["query", "commerce", ...args, "--node", node.url, "--output", "json"]);
      assert.equal(res.status, 0, res.stderr);
      return JSON.parse(res.stdout);
    };
    const order = (await run("order", String(orderId))).order;
    assert.deepEqual([order.order_status, order.quantity, order.escrow.amount], ["ORDER_STATUS_DISPUTED", "2", "2000"]);
    assert.equal((await run("orders-by-buyer", m.buyer.address)).orders.length, 1);
    assert.equal((await run("pending-disputes")).disputes[0].reason, "late");
    assert.equal((await run("listings-by-status", "active")).listings[0].id, String(listingId));
    const missing = await runCliAsync(["query", "commerce", "order", "99", "--node", node.url]);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /no order 99/);
  } finally {
    await node.close();
    await m.destroy();
  }
});

test("an appeal resolution is printed as a proposal.json that submit-proposal reads as MsgResolveDisputeAppeal from the gov authority", () => {
  const file = join(newDir(), "proposal.json");
  writeFileSync(file, JSON.stringify({ ...resolveAppealProposal(7n, parseDecision("split", "2500")), deposit: "10000000uagora" }));
  const msg = readProposalFile(file, "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7").messages[0]!;
  assert.equal(msg.typeUrl, t.MsgResolveDisputeAppeal.typeUrl);
  const decoded = commerceTx.MsgResolveDisputeAppeal.decode(msg.value);
  assert.deepEqual([decoded.orderId, decoded.decision], [7n, { outcome: Outcome.OUTCOME_SPLIT, buyerShareBps: 2500 }]);
  assert.throws(() => parseDecision("split"), /a split needs --buyer-share-bps between 1 and 9999/);
});

test("bad ids, prices and ratings are refused before any key or node is used", async () => {
  const cases: [string[], RegExp][] = [
    [["tx", "commerce", "order", "0", "1", "5uagora", "--from", "alice"], /invalid listing id "0"/],
    [["tx", "commerce", "create-listing", "1", "Tea", "five", "3", "--from", "alice"], /invalid amount "five": expected <integer><denom>/],
    [["tx", "commerce", "review", "1", "6", "--from", "alice"], /invalid rating "6": expected 1 to 5/],
    [["query", "commerce", "orders-by-status", "lost"], /invalid order status "lost"/],
  ];
  for (const [args, message] of cases) {
    const res = await runCliAsync([...args, "--node", "http://127.0.0.1:1"]);
    assert.notEqual(res.status, 0, args.join(" "));
    assert.match(res.stderr, message);
  }
});
