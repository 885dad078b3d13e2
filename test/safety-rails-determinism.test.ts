import assert from "node:assert/strict";
import { after, test } from "node:test";
import { MsgResetCircuitBreaker, MsgTripCircuitBreaker } from "cosmjs-types/cosmos/circuit/v1/tx";
import { MsgGrantRole, MsgRevokeRole } from "../x/roles/types.js";
import { TestChain } from "./support/chain.js";
import { actors, actorsGenesis, anyMsg, signed, type Actor } from "./support/actors.js";
import { sendMsg } from "./support/signing.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

/** Grants with and without expiry, refused grants, a pause and a reset, sends in between. */
async function run(): Promise<string[]> {
  const people = await actors(4, 300);
  const [admin, pauser, alice, bob] = people as [Actor, Actor, Actor, Actor];
  const chain = TestChain.open();
  chains.push(chain);
  chain.initChain(actorsGenesis(people, { roles: { grants: [{ role: "admin", address: admin.address }] } }));
  const hashes: string[] = [];
  const block = async (txs: Promise<Uint8Array>[]) => hashes.push(Buffer.from(chain.block(await Promise.all(txs)).appHash).toString("hex"));
  const grant = (role: string, to: Actor, expiresAtHeight = 0n) => anyMsg(MsgGrantRole, { signer: admin.address, role, address: to.address, expiresAtHeight });

  await block([signed(chain, admin, [grant("pauser", pauser), grant("moderator", alice, 4n), grant("arbiter", bob, 9n)])]);
  await block([signed(chain, bob, [anyMsg(MsgGrantRole, { signer: bob.address, role: "moderator", address: bob.address, expiresAtHeight: 0n })])]);
  await block([signed(chain, alice, [sendMsg(alice.address, bob.address, "5")]), signed(chain, pauser, [anyMsg(MsgTripCircuitBreaker, { authority: pauser.address, msgTypeUrls: [] })])]);
  await block([signed(chain, bob, [sendMsg(bob.address, alice.address, "7")])]);
  bob.sequence--; // refused before the ante: the sequence stays unused
  await block([signed(chain, admin, [anyMsg(MsgResetCircuitBreaker, { authority: admin.address, msgTypeUrls: [] })])]);
  await block([signed(chain, admin, [anyMsg(MsgRevokeRole, { signer: admin.address, role: "arbiter", address: bob.address })])]);
  await block([]);
  return hashes;
}

test("the same role and circuit blocks give the same app hash at every height, twice", async () => {
  const first = await run();
  const second = await run();
  assert.equal(first.length, 7);
  assert.deepEqual(second, first);
});
