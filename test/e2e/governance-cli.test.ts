/**
 * Governance from the command line on a real devnet: a proposal granting `pauser` is submitted,
 * funded, voted through and executed; the new pauser then pauses MsgSend with `agorad tx circuit
 * trip`, and a bank send is refused with the circuit breaker's error.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { moduleAddress, toAccAddress } from "../../sdk/types/address.js";
import { agoradCli, agoradFailure, Devnet } from "../support/devnet.js";
import { GOV_TEST_PARAMS } from "../support/governance.js";

const MSG_SEND = "/cosmos.bank.v1beta1.MsgSend";

test("a proposal voted through the CLI makes a user pauser, whose circuit trip stops bank sends", async () => {
  const devnet = await Devnet.create();
  try {
    const cli = (...args: string[]) => agoradCli(devnet.home, [...args, "--node", devnet.rpc, "--keyring-backend", "test", "--output", "json"]);
    const query = async <T>(...args: string[]) => JSON.parse(await agoradCli(devnet.home, ["query", ...args, "--node", devnet.rpc, "--output", "json"])) as T;

    await agoradCli(devnet.home, ["keys", "add", "user", "--keyring-backend", "test"]);
    const user = (await agoradCli(devnet.home, ["keys", "show", "user", "--address", "--keyring-backend", "test"])).trim();
    await agoradCli(devnet.home, ["genesis", "add-genesis-account", "user", "1000000000uagora", "--keyring-backend", "test"]);
    // Deposits of 1000uagora and 10 s periods, so the vote ends within the test.
    devnet.editAppState((state) => void (state.governance!.params = { ...(state.governance!.params as object), ...GOV_TEST_PARAMS }));
    await devnet.start();

    const proposal = join(devnet.home, "proposal.json");
    const grant = { "@type": "/agora.roles.v1.MsgGrantRole", signer: toAccAddress(moduleAddress("gov")), role: "pauser", address: user };
    writeFileSync(proposal, JSON.stringify({ messages: [grant], deposit: "400uagora", title: "A pauser", summary: "The user may pause message types." }));
    await cli("tx", "gov", "submit-proposal", proposal, "--from", "dev");
    assert.equal((await query<{ status: string }>("gov", "proposal", "1")).status, "PROPOSAL_STATUS_DEPOSIT_PERIOD");
    await cli("tx", "gov", "deposit", "1", "600uagora", "--from", "user");
    // Voting power is stake: the devnet's validator holds all of it, so its vote decides.
    await cli("tx", "gov", "vote", "1", "yes", "--from", "validator");
    assert.deepEqual(await query("gov", "tally", "1"), { yes_count: "10000000000", abstain_count: "0", no_count: "0", no_with_veto_count: "0" });

    // The voting period ends 10 s of block time after the deposit; a stalled chain fails here.
    let passed = await query<{ status: string; messages: unknown[] }>("gov", "proposal", "1");
    for (let tries = 0; passed.status === "PROPOSAL_STATUS_VOTING_PERIOD" && tries < 120; tries++) {
      await new Promise((r) => setTimeout(r, 500));
      passed = await query("gov", "proposal", "1");
    }
    assert.equal(passed.status, "PROPOSAL_STATUS_PASSED", JSON.stringify(passed));
    assert.deepEqual(passed.messages, [grant]);
    assert.deepEqual(await query("roles", "has", "pauser", user), { role: "pauser", address: user, has_role: true, expires_at_height: "0" });

    await cli("tx", "circuit", "trip", MSG_SEND, "--from", "user");
    assert.deepEqual(await query("circuit", "disabled"), { disabled_list: [MSG_SEND] });
    const refused = await agoradFailure(devnet.home, ["tx", "bank", "send", "dev", user, "1uagora", "--node", devnet.rpc, "--keyring-backend", "test"]);
    const paused = `${MSG_SEND.replace(/\./g, "\\.")} is paused by the circuit breaker;`;
    assert.match(refused, new RegExp(`^Error: the chain refused the tx when simulating its gas \\(code 2\\), nothing was broadcast: ${paused}`));
    // Without simulation the node's CheckTx refuses it.
    const fixedGas = ["--gas", "200000", "--node", devnet.rpc, "--keyring-backend", "test"];
    assert.match(await agoradFailure(devnet.home, ["tx", "bank", "send", "dev", user, "1uagora", ...fixedGas]), new RegExp(`code 2 \\(codespace: circuit\\).*${paused}`));
  } finally {
    await devnet.destroy();
  }
});
