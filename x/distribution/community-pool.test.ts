import assert from "node:assert/strict";
import { test } from "node:test";
import { VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import * as q from "cosmjs-types/cosmos/distribution/v1beta1/query";
import { MsgCommunityPoolSpend, MsgFundCommunityPool } from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import { GovChain, type EncodedMsg } from "../../test/support/governance.js";
import { consensusKey, createValidatorMsg } from "../../test/support/staking.js";

const AGORA = 1_000_000n;
const enc = <T>(type: { typeUrl: string; encode(m: T): { finish(): Uint8Array } }, value: T): EncodedMsg => ({ typeUrl: type.typeUrl, value: type.encode(value).finish() });

function pool(gov: GovChain): string {
  const res = gov.chain.query("/cosmos.distribution.v1beta1.Query/CommunityPool", q.QueryCommunityPoolRequest.encode({}).finish());
  return q.QueryCommunityPoolResponse.decode(res.value).pool.map((c) => `${c.amount}${c.denom}`).join(",");
}

test("the community pool pays out only by a passed proposal, and never more than it holds", async () => {
  // Alice holds (and stakes) nearly everything, so her vote passes proposals whether power is balance or stake.
  const gov = await GovChain.open([100n * AGORA, 10n]);
  const [alice, bob] = gov.members as [(typeof gov.members)[0], (typeof gov.members)[0]];
  assert.equal((await gov.tx(alice, [createValidatorMsg(alice.address, 50n * AGORA, consensusKey(1))])).code, 0);
  const fund = await gov.tx(alice, [enc(MsgFundCommunityPool, { depositor: alice.address, amount: [{ denom: "uagora", amount: "1000" }] })]);
  assert.equal(fund.code, 0, fund.log);
  assert.equal(pool(gov), `${1000n * 10n ** 18n}uagora`);

  const spend = (amount: bigint, authority = gov.authority) => enc(MsgCommunityPoolSpend, { authority, recipient: bob.address, amount: [{ denom: "uagora", amount: amount.toString() }] });
  const direct = await gov.tx(alice, [spend(600n, alice.address)]);
  assert.equal(`${direct.codespace} ${direct.code}`, "sdk 4", "only the gov authority spends the pool");

  const id = await gov.propose(alice, [spend(600n)], 1_000n);
  await gov.vote(alice, id, VoteOption.VOTE_OPTION_YES);
  gov.advance(10);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED");
  assert.equal(gov.chain.balance(bob.address), 610n);
  assert.equal(pool(gov), `${400n * 10n ** 18n}uagora`);

  const tooMuch = await gov.propose(alice, [spend(401n)], 1_000n);
  await gov.vote(alice, tooMuch, VoteOption.VOTE_OPTION_YES);
  gov.advance(10);
  assert.equal(gov.status(tooMuch), "PROPOSAL_STATUS_FAILED", "the pool holds 400");
  assert.equal(gov.chain.balance(bob.address), 610n);
  gov.chain.app.invariants.assertAll(gov.chain.app.base.queryContext());
  await gov.destroy();
});
