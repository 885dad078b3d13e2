import assert from "node:assert/strict";
import { test } from "node:test";
import { QueryAccountRequest } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { MsgSendResponse } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { ResponseProcessProposal_ProposalStatus } from "cosmjs-types/tendermint/abci/types";
import { nativeSecp256k1 } from "../sdk/types/secp256k1.js";
import { genesisState, TestChain } from "./support/chain.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "./support/signing.js";

const FEE = [{ denom: "uagora", amount: "2000" }];

async function fundedChain(minGasPrices = "") {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open(undefined, "agora-test-1", minGasPrices);
  chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }]));
  chain.block([]);
  return { chain, alice, bob };
}


/** Simulate over ABCI Query, as CosmJS calls it; returns the estimated gas. */
function simulate(chain: TestChain, txBytes: Uint8Array): bigint {
  const res = chain.query("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode({ txBytes }).finish());
  assert.equal(res.code, 0, res.log);
  return SimulateResponse.decode(res.value).gasInfo!.gasUsed;
}

/** Runs body while counting the native signature verifications it triggers. */
async function countingVerifications(body: (count: () => number) => Promise<void>): Promise<void> {
  const original = nativeSecp256k1.ecdsaVerify;
  let verifications = 0;
  nativeSecp256k1.ecdsaVerify = (...args) => {
    verifications++;
    return original(...args);
  };
  try {
    await body(() => verifications);
  } finally {
    nativeSecp256k1.ecdsaVerify = original;
  }
}

function send(chain: TestChain, from: TestAccount, to: string, amount: string, o: Partial<Parameters<typeof signTx>[2]> = {}) {
  return signTx(from, [sendMsg(from.address, to, amount)], { chainId: chain.chainId, accountNumber: 0n, sequence: 0n, fee: FEE, ...o });
}

test("a signed send is checked, executed and committed: balances, fee, sequence, events and data", async () => {
  const { chain, alice, bob } = await fundedChain();
  const tx = await send(chain, alice, bob.address, "1000");
  assert.equal(chain.checkTx(tx).code, 0);
  const { results } = chain.block([tx]);
  const r = results[0]!;
  assert.equal(r.code, 0, r.log);
  assert.equal(chain.balance(alice.address), 1_000_000n - 1000n - 2000n);
  assert.equal(chain.balance(bob.address), 1000n);

  const responses = TxMsgData.decode(r.data).msgResponses;
  assert.equal(responses[0]!.typeUrl, MsgSendResponse.typeUrl);
  const attrs = (type: string) => r.events.filter((e) => e.type === type).flatMap((e) => e.attributes.map((a) => `${a.key}=${a.value}`));
  assert.ok(attrs("message").includes("action=/cosmos.bank.v1beta1.MsgSend"));
  assert.ok(attrs("message").includes(`sender=${alice.address}`));
  assert.ok(attrs("message").includes("module=bank"));
  assert.ok(attrs("tx").includes("fee=2000uagora"));
  assert.ok(attrs("tx").includes(`acc_seq=${alice.address}/0`));
  assert.ok(attrs("tx").some((a) => a.startsWith("signature=")));
  assert.ok(attrs("transfer").includes(`recipient=${bob.address}`));
  assert.ok(attrs("coin_spent").includes(`spender=${alice.address}`));
  assert.ok(attrs("coin_received").includes(`receiver=${bob.address}`));
  for (const e of r.events) for (const a of e.attributes) assert.notEqual(a.key, "", `event ${e.type} has an empty key`);

  // The next tx must use sequence 1.
  const again = await send(chain, alice, bob.address, "1", { sequence: 0n });
  const check = chain.checkTx(again);
  assert.equal(check.code, 32);
  assert.match(check.log, /account sequence mismatch, expected 1, got 0/);
  await chain.close();
});

test("CheckTx rejects a wrong chain id (4), a bad signature (4), a long memo (12) and a passed timeout height (30)", async () => {
  const { chain, alice, bob } = await fundedChain();
  const wrongChain = await send(chain, alice, bob.address, "1", { chainId: "other-chain" });
  const res = chain.checkTx(wrongChain);
  assert.equal(res.code, 4);
  assert.equal(res.codespace, "sdk");
  assert.match(res.log, /signature verification failed; please verify account number \(0\) and chain-id \(agora-test-1\)/);

  const good = await send(chain, alice, bob.address, "1");
  const tampered = Uint8Array.from(good);
  tampered[tampered.length - 5]! ^= 0x01;
  assert.equal(chain.checkTx(tampered).code, 4);

  assert.equal(chain.checkTx(await send(chain, alice, bob.address, "1", { memo: "m".repeat(257) })).code, 12);
  assert.equal(chain.checkTx(await send(chain, alice, bob.address, "1", { timeoutHeight: 1n })).code, 30);
  assert.equal(chain.checkTx(Uint8Array.from([1, 2, 3])).code, 2);
  assert.equal(chain.checkTx(new Uint8Array(1024 * 1024 + 1)).code, 21);
  assert.equal(chain.balance(alice.address), 1_000_000n, "rejected txs cost nothing");
  await chain.close();
});

test("the minimum gas price is enforced in CheckTx only (13), never in FinalizeBlock", async () => {
  const { chain, alice, bob } = await fundedChain("0.1uagora");
  const cheap = await send(chain, alice, bob.address, "5", { fee: [{ denom: "uagora", amount: "100" }], gas: 100_000n });
  const res = chain.checkTx(cheap);
  assert.equal(res.code, 13);
  assert.match(res.log, /insufficient fees; got: 100uagora required: 10000uagora/);
  const { results } = chain.block([cheap]);
  assert.equal(results[0]!.code, 0, "a proposer's block is executed whatever this node's price");
  await chain.close();
});

test("a failed message still pays its fee and bumps its sequence, and writes nothing else", async () => {
  const { chain, alice, bob } = await fundedChain();
  const overspend = await send(chain, alice, bob.address, "5000000");
  assert.equal(chain.checkTx(overspend).code, 0, "CheckTx runs the ante chain only");
  const { results } = chain.block([overspend]);
  assert.equal(results[0]!.code, 5);
  assert.match(results[0]!.log, /insufficient funds/);
  assert.equal(chain.balance(alice.address), 1_000_000n - 2000n);
  assert.equal(chain.balance(bob.address), 0n);
  const next = await send(chain, alice, bob.address, "1", { sequence: 1n });
  assert.equal(chain.block([next]).results[0]!.code, 0);
  await chain.close();
});

test("a fee larger than the balance is rejected with 5 and changes nothing", async () => {
  const { chain, alice, bob } = await fundedChain();
  const tx = await send(chain, alice, bob.address, "1", { fee: [{ denom: "uagora", amount: "2000000" }] });
  const res = chain.checkTx(tx);
  assert.equal(res.code, 5);
  assert.match(res.log, /insufficient funds to pay for fees/);
  const { results } = chain.block([tx]);
  assert.equal(results[0]!.code, 5);
  assert.equal(chain.balance(alice.address), 1_000_000n);
  await chain.close();
});

test("a missing account answers code 22 with the gRPC NotFound text CosmJS looks for", async () => {
  const { chain, bob } = await fundedChain();
  const res = chain.query("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address: bob.address }).finish());
  assert.equal(res.code, 22);
  assert.match(res.log, /rpc error: code = NotFound/);
  assert.equal(chain.balance(bob.address), 0n, "an unknown address has balance 0, never absent");
  const unknownPath = chain.query("/nope.Query/X", new Uint8Array());
  assert.equal(unknownPath.code, 6);
  await chain.close();
});

test("Simulate skips signature checks and reports the gas a send uses", async () => {
  const { chain, alice, bob } = await fundedChain();
  const unsigned = await send(chain, alice, bob.address, "1");
  const gasUsed = simulate(chain, unsigned);
  const { results } = chain.block([unsigned]);
  assert.equal(results[0]!.gasUsed, gasUsed, "simulated gas equals executed gas");
  assert.ok(gasUsed > 10_000n);
  await chain.close();
});

test("proposals: undecodable txs are rejected, PrepareProposal keeps within max bytes", async () => {
  const { chain, alice, bob } = await fundedChain();
  const tx = await send(chain, alice, bob.address, "1");
  const base = { proposedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(), height: 2n, time: { seconds: 0n, nanos: 0 }, nextValidatorsHash: new Uint8Array(), proposerAddress: new Uint8Array() };
  assert.equal(chain.app.base.processProposal({ ...base, txs: [tx] }).status, ResponseProcessProposal_ProposalStatus.ACCEPT);
  assert.equal(chain.app.base.processProposal({ ...base, txs: [tx, Uint8Array.from([9, 9, 9])] }).status, ResponseProcessProposal_ProposalStatus.REJECT);
  const size = tx.length + 3;
  const prepared = chain.app.base.prepareProposal({
    maxTxBytes: BigInt(size * 2),
    txs: [tx, tx, tx],
    localLastCommit: { round: 0, votes: [] },
    misbehavior: [],
    height: 2n,
    time: { seconds: 0n, nanos: 0 },
    nextValidatorsHash: new Uint8Array(),
    proposerAddress: new Uint8Array(),
  });
  assert.equal(prepared.txs.length, 2);
  await chain.close();
});

test("a tx verified in CheckTx is not verified again in FinalizeBlock", async () => {
  const { chain, alice, bob } = await fundedChain();
  const tx = await send(chain, alice, bob.address, "1");
  const unseen = await send(chain, alice, bob.address, "1", { sequence: 1n });
  await countingVerifications(async (verifications) => {
    assert.equal(chain.checkTx(tx).code, 0);
    assert.equal(verifications(), 1);
    assert.equal(chain.block([tx]).results[0]!.code, 0);
    assert.equal(verifications(), 1);
    assert.equal(chain.block([unseen]).results[0]!.code, 0);
    assert.equal(verifications(), 2, "a tx not seen in CheckTx is verified in FinalizeBlock");
  });
  await chain.close();
});

test("signatures are checked by libsecp256k1, not the package's slow JS fallback", async () => {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  assert.equal(require("secp256k1"), require("secp256k1/bindings"), "the secp256k1 package loaded its native binding");
  assert.equal(nativeSecp256k1, require("secp256k1/bindings"));
});

test("the same blocks applied to two fresh homes give identical app hashes at every height, and survive a reopen", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const blocks: Uint8Array[][] = [];
  for (let h = 0; h < 5; h++) {
    const txs: Uint8Array[] = [];
    for (let i = 0; i < 4; i++) {
      const seq = BigInt(h * 4 + i);
      txs.push(await signTx(alice, [sendMsg(alice.address, bob.address, String(10 + i))], { chainId: "agora-test-1", accountNumber: 0n, sequence: seq }));
    }
    blocks.push(txs);
  }
  const run = () => {
    const chain = TestChain.open();
    const hashes = [Buffer.from(chain.initChain(genesisState([{ address: alice.address, amount: 10_000_000n }]))).toString("hex")];
    for (const txs of blocks) {
      const { results, appHash } = chain.block(txs);
      assert.ok(results.every((r) => r.code === 0), results.map((r) => r.log).join(";"));
      hashes.push(Buffer.from(appHash).toString("hex"));
    }
    return { chain, hashes };
  };
  const a = run();
  const b = run();
  assert.deepEqual(a.hashes, b.hashes);
  assert.equal(new Set(a.hashes).size, a.hashes.length, "every block changed the state");
  const home = a.chain.home;
  await a.chain.close();
  await b.chain.close();
  const reopened = TestChain.open(home);
  const info = reopened.app.base.info();
  assert.equal(info.lastBlockHeight, 5n);
  assert.equal(Buffer.from(info.lastBlockAppHash).toString("hex"), a.hashes.at(-1));
  assert.equal(reopened.balance(bob.address), 5n * (10n + 11n + 12n + 13n));
  await reopened.close();
});

test("a wallet-style simulation (no fee, empty signature) estimates the signed tx's gas within 2%", async () => {
  const { chain, alice, bob } = await fundedChain();
  const signed = await send(chain, alice, bob.address, "1");
  const { TxRaw, AuthInfo } = await import("cosmjs-types/cosmos/tx/v1beta1/tx");
  const raw = TxRaw.decode(signed);
  const authInfo = AuthInfo.decode(raw.authInfoBytes);
  const simulated = TxRaw.encode({
    bodyBytes: raw.bodyBytes,
    authInfoBytes: AuthInfo.encode({ ...authInfo, fee: { amount: [], gasLimit: 0n, payer: "", granter: "" } }).finish(),
    signatures: [new Uint8Array()],
  }).finish();
  const estimate = simulate(chain, simulated);
  const used = chain.block([signed]).results[0]!.gasUsed;
  // The signed tx is larger by its fee entry; wallets multiply estimates by 1.3-1.5 for such slack.
  const diff = estimate > used ? estimate - used : used - estimate;
  assert.ok(diff * 50n <= used, `estimate ${estimate} is not within 2% of used ${used}`);
  await chain.close();
});

test("ReCheck after a block drops a mempool tx whose sequence the block used, without verifying signatures again", async () => {
  const { chain, alice, bob } = await fundedChain();
  const first = await send(chain, alice, bob.address, "1", { sequence: 0n });
  const competing = await send(chain, alice, bob.address, "2", { sequence: 0n, memo: "other" });
  const next = await send(chain, alice, bob.address, "3", { sequence: 1n });
  assert.equal(chain.checkTx(competing).code, 0);
  chain.block([first]);
  await countingVerifications(async (verifications) => {
    assert.equal(chain.checkTx(competing, true).code, 32);
    assert.equal(chain.checkTx(next).code, 0);
    chain.block([]);
    assert.equal(chain.checkTx(next, true).code, 0, "still valid after a block that did not include it");
    assert.equal(verifications(), 1, "only the new tx's CheckTx verified a signature");
  });
  await chain.close();
});

test("a message type refused by an admission check fails at CheckTx without a fee, and in a block changes nothing but is reported", async () => {
  const { chain, alice, bob } = await fundedChain();
  const { ErrUnauthorized } = await import("../sdk/types/sdk-errors.js");
  let paused = true;
  chain.app.base.msgRouter.addAdmission((_ctx, typeUrl) => {
    if (paused && typeUrl === "/cosmos.bank.v1beta1.MsgSend") throw ErrUnauthorized.wrap(`${typeUrl} is paused`);
  });
  const tx = await send(chain, alice, bob.address, "1000");
  const checked = chain.checkTx(tx);
  assert.equal(checked.code, 4);
  assert.match(checked.log, /MsgSend is paused/);

  const { results } = chain.block([tx]);
  assert.equal(results[0]!.code, 4);
  assert.equal(chain.balance(alice.address), 1_000_000n, "no fee is taken for a refused message");
  assert.equal(chain.balance(bob.address), 0n);

  paused = false;
  const { results: after } = chain.block([tx]);
  assert.equal(after[0]!.code, 0, after[0]!.log);
  assert.equal(chain.balance(bob.address), 1000n);
});
