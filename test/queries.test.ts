import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromBech32 } from "@cosmjs/encoding";
import { pino } from "pino";
import { createApp } from "../app/app.js";
import { verifyStoreProof } from "../sdk/store/proof/multistore.js";
import { genesisState, TestChain } from "./support/chain.js";
import { sendMsg, signTx, testAccount } from "./support/signing.js";

const FEE = [{ denom: "uagora", amount: "2000" }];

/** The bank module's store key of a balance: 0x02, length-prefixed address, denom (as the Cosmos SDK). */
function balanceKey(address: string, denom: string): Uint8Array {
  const bytes = fromBech32(address, 90).data;
  return Buffer.concat([Buffer.of(0x02, bytes.length), bytes, Buffer.from(denom)]);
}

test("queries answer at kept past heights, and raw store queries prove values and absences against that height's app hash", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open();
  try {
    chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }]));
    const appHashes = new Map<bigint, Uint8Array>();
    appHashes.set(1n, chain.block([]).appHash);
    for (let i = 0; i < 3; i++) {
      const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "100")], { chainId: chain.chainId, accountNumber: 0n, sequence: BigInt(i), fee: FEE });
      const { results, appHash } = chain.block([tx]);
      assert.equal(results[0]!.code, 0, results[0]!.log);
      appHashes.set(chain.height, appHash);
    }
    // Heights 2, 3, 4 each moved 100 from alice to bob.
    assert.equal(chain.balance(bob.address), 300n);
    assert.equal(chain.balance(bob.address, "uagora", 2n), 100n);
    assert.equal(chain.balance(bob.address, "uagora", 1n), 0n);
    assert.equal(chain.balance(alice.address, "uagora", 3n), 1_000_000n - 2n * 2100n);

    for (const [height, appHash] of appHashes) {
      const key = balanceKey(bob.address, "uagora");
      const res = chain.query("/store/bank/key", key, height, true);
      assert.equal(res.code, 0, res.log);
      assert.equal(res.height, height);
      const value = res.value.length ? res.value : undefined;
      assert.equal(value && Buffer.from(value).toString(), height === 1n ? undefined : String((height - 1n) * 100n));
      assert.ok(verifyStoreProof(res.proofOps!, appHash, "bank", key, value), `proof at height ${height}`);
      // The proof holds for that height's app hash only.
      if (height > 1n) assert.equal(verifyStoreProof(res.proofOps!, appHashes.get(height - 1n)!, "bank", key, value), false);
    }
    // Latest height (0 = latest), and a key no one holds.
    const absent = balanceKey(bob.address, "uatom");
    const res = chain.query("/store/bank/key", absent, 0n, true);
    assert.equal(res.height, 4n);
    assert.equal(res.value.length, 0);
    assert.ok(verifyStoreProof(res.proofOps!, appHashes.get(4n)!, "bank", absent, undefined));
    // Without prove: the value alone.
    assert.equal(chain.query("/store/bank/key", balanceKey(bob.address, "uagora")).proofOps, undefined);

    // Clear errors.
    const future = chain.query("/cosmos.bank.v1beta1.Query/Balance", new Uint8Array(), 9n);
    assert.equal(future.code, 18);
    assert.match(future.log, /cannot query that height: version 9 is not committed yet: the latest is 4/);
    const grpcProof = chain.query("/cosmos.bank.v1beta1.Query/Balance", new Uint8Array(), 0n, true);
    assert.match(grpcProof.log, /proofs are given for raw store queries only/);
    assert.match(chain.query("/store/nope/key", absent).log, /no store named nope/);
    assert.match(chain.query("/store/bank/key", new Uint8Array()).log, /needs the key/);
  } finally {
    await chain.destroy();
  }
});

test("a pruned height gives a clear error; kept ones still answer", async () => {
  const alice = await testAccount(1);
  const home = mkdtempSync(join(tmpdir(), "agora-pruned-"));
  const app = createApp({ home, chainId: "agora-test-1", logger: pino({ level: "silent" }), pruning: { keepRecent: 2, interval: 1 } });
  try {
    app.base.initChain({ time: { seconds: 1n, nanos: 0 }, chainId: "agora-test-1", validators: [], appStateBytes: Buffer.from(JSON.stringify(genesisState([{ address: alice.address, amount: 5n }]))), initialHeight: 1n });
    for (let h = 1n; h <= 5n; h++) {
      app.base.finalizeBlock({ txs: [], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height: h, time: { seconds: h, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20) });
      app.base.commit();
    }
    const at = (height: bigint) => app.base.query({ path: "/store/bank/key", data: balanceKey(alice.address, "uagora"), height, prove: false });
    assert.equal(Buffer.from(at(4n).value).toString(), "5");
    const pruned = at(3n);
    assert.equal(pruned.code, 18);
    assert.match(pruned.log, /version 3 is pruned or was never here: the earliest kept version is 4/);
  } finally {
    await app.base.store.close();
    rmSync(home, { recursive: true, force: true });
  }
});
