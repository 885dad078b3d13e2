import assert from "node:assert/strict";
import { test } from "node:test";
import { genesisState, TestChain } from "./support/chain.js";
import { sendMsg, signTx, testAccount } from "./support/signing.js";
import { fromAccAddress, moduleAddress } from "../sdk/types/address.js";
import type { StoreSource } from "../sdk/collections/collections.js";

/** The next block's pending state, written directly as a bug (or a disk) might, past the keepers. */
const pendingState = (chain: TestChain): StoreSource => ({ kvStore: (name) => chain.app.base.store.getKVStore(name) });

async function chainWithPeriod(period: number) {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open(undefined, "agora-test-1", "", { invariantCheckPeriod: period });
  chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }, { address: bob.address, amount: 500n }]));
  return { chain, alice, bob };
}

test("the app registers the auth, bank, staking, distribution, slashing, governance, social and commerce invariants under <module>/<name>", async () => {
  const { chain } = await chainWithPeriod(0);
  assert.deepEqual(chain.app.invariants.routes(), [
    "auth/module-accounts",
    "bank/total-supply",
    "bank/amounts-in-bounds",
    "staking/module-accounts",
    "staking/delegator-shares",
    "distribution/nonnegative-outstanding",
    "distribution/can-withdraw",
    "distribution/reference-count",
    "distribution/module-account",
    "slashing/missed-blocks",
    "governance/module-account-deposits",
    "social/reaction-counts",
    "commerce/escrow-balance",
    "commerce/store-ratings",
  ]);
  await chain.destroy();
});

test("every invariant holds on a chain whose txs went through the keepers, fees included", async () => {
  const { chain, alice, bob } = await chainWithPeriod(1);
  chain.block([]);
  const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "1234")], { chainId: chain.chainId, accountNumber: 0n, sequence: 0n });
  assert.equal(chain.block([tx]).results[0]!.code, 0);
  for (const route of chain.app.invariants.routes()) {
    const result = chain.app.invariants.check(chain.app.base.queryContext(), route);
    assert.equal(result.broken, false, `${route}: ${result.message}`);
  }
  await chain.destroy();
});

test("a balance changed behind the bank's back halts the node at the next check, naming the invariant and the denom", async () => {
  const { chain, bob } = await chainWithPeriod(3);
  chain.block([]);
  chain.app.bank.balances.set(pendingState(chain), [fromAccAddress(bob.address), "uagora"], 501n);
  // Block 2 is not a check height: the corruption is committed unnoticed.
  chain.block([]);
  assert.throws(
    () => chain.block([]),
    (err: Error) => {
      assert.equal(err.message, "invariant bank/total-supply broken: total supply does not equal the sum of balances (uagora: supply 1000500, sum of balances 1000501)");
      return true;
    },
  );
  assert.equal(chain.app.base.store.lastCommitId().version, 2n, "the broken block 3 is never committed");
  await chain.destroy();
});

test("with the check off (period 0, the default) a broken invariant does not stop blocks", async () => {
  const { chain, bob } = await chainWithPeriod(0);
  chain.block([]);
  chain.app.bank.balances.set(pendingState(chain), [fromAccAddress(bob.address), "uagora"], 501n);
  chain.block([]);
  chain.block([]);
  assert.equal(chain.app.invariants.check(chain.app.base.queryContext(), "bank/total-supply").broken, true);
  await chain.destroy();
});

test("a negative balance breaks bank/amounts-in-bounds, and a plain account at a module address breaks auth/module-accounts", async () => {
  const { chain, bob } = await chainWithPeriod(0);
  chain.block([]);
  const state = pendingState(chain);
  chain.app.bank.balances.set(state, [fromAccAddress(bob.address), "uatom"], -5n);
  chain.app.accounts.newAccount(state, moduleAddress("fee_collector"));
  chain.block([]);
  const ctx = chain.app.base.queryContext();
  const bounds = chain.app.invariants.check(ctx, "bank/amounts-in-bounds");
  assert.equal(bounds.broken, true);
  assert.match(bounds.message, new RegExp(`balance of ${bob.address} is -5uatom`));
  const accounts = chain.app.invariants.check(ctx, "auth/module-accounts");
  assert.equal(accounts.broken, true);
  assert.match(accounts.message, /fee_collector: agora1\w+ is a plain account, not the module's/);
  await chain.destroy();
});

test("a value the invariant cannot decode breaks it instead of crashing the check", async () => {
  const { chain, bob } = await chainWithPeriod(0);
  chain.block([]);
  const { prefix, keys } = chain.app.bank.balances;
  const key = Buffer.concat([prefix, keys.encode([fromAccAddress(bob.address), "uagora"])]);
  chain.app.base.store.getKVStore("bank").set(key, new TextEncoder().encode("not a number"));
  chain.block([]);
  const result = chain.app.invariants.check(chain.app.base.queryContext(), "bank/total-supply");
  assert.equal(result.broken, true);
  assert.match(result.message, /^the state could not be checked: /);
  await chain.destroy();
});
