/** Governance CLI arguments offline: proposal.json in the SDK's shape, vote options. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { parseVoteOption, parseWeightedOptions, readProposalFile } from "./gov.js";

const newDir = tempDirs("agora-gov-cli-");
const GOV = "agora10d07y265gmmuvt4z0w9aw880jnsr700jwrsvyd";
const BOB = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";

test("a proposal.json in the SDK's shape becomes a MsgSubmitProposal with its messages packed", () => {
  const file = join(newDir(), "proposal.json");
  const proposal = {
    messages: [{ "@type": "/cosmos.bank.v1beta1.MsgSend", from_address: GOV, to_address: BOB, amount: [{ denom: "uagora", amount: "5" }] }],
    metadata: "ipfs://x",
    deposit: "10000000uagora",
    title: "Pay Bob",
    summary: "Five uagora to Bob",
    expedited: true,
  };
  writeFileSync(file, JSON.stringify(proposal));
  const msg = readProposalFile(file, BOB);
  assert.equal(msg.title, "Pay Bob");
  assert.equal(msg.expedited, true);
  assert.deepEqual(msg.initialDeposit, [{ denom: "uagora", amount: "10000000" }]);
  assert.deepEqual(MsgSend.decode(msg.messages[0]!.value), { fromAddress: GOV, toAddress: BOB, amount: [{ denom: "uagora", amount: "5" }] });
});

test("a proposal.json naming a message type the chain does not handle is refused with its index", () => {
  const file = join(newDir(), "proposal.json");
  writeFileSync(file, JSON.stringify({ messages: [{ "@type": "/cosmos.nothing.v1.MsgX" }], title: "t", summary: "s" }));
  assert.throws(() => readProposalFile(file, BOB), /message 0: unknown message type \/cosmos\.nothing\.v1\.MsgX/);
});

test("vote options read as the SDK's CLI writes them", () => {
  assert.equal(parseVoteOption("no_with_veto"), VoteOption.VOTE_OPTION_NO_WITH_VETO);
  assert.throws(() => parseVoteOption("maybe"), /expected yes, no, abstain or no_with_veto/);
  assert.deepEqual(parseWeightedOptions("yes=0.6,no=0.4"), [
    { option: VoteOption.VOTE_OPTION_YES, weight: "0.6" },
    { option: VoteOption.VOTE_OPTION_NO, weight: "0.4" },
  ]);
});
