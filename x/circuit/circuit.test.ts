import assert from "node:assert/strict";
import { fromAccAddress } from "../../sdk/types/address.js";
import { after, test } from "node:test";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { DisabledListResponse, QueryDisabledListRequest } from "cosmjs-types/cosmos/circuit/v1/query";
import { MsgAuthorizeCircuitBreaker, MsgResetCircuitBreaker, MsgTripCircuitBreaker } from "cosmjs-types/cosmos/circuit/v1/tx";
import { toAccAddress } from "../../sdk/types/address.js";
import { TestChain } from "../../test/support/chain.js";
import { actors, actorsGenesis, anyMsg, dispatchNested, nextBlockContext, signed, type Actor } from "../../test/support/actors.js";
import { sendMsg } from "../../test/support/signing.js";
import { MsgGrantRole } from "../roles/types.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

const SEND = MsgSend.typeUrl;

/** admin holds admin, pauser holds pauser, user holds nothing. */
async function pausableChain(extraGenesis: Record<string, unknown> = {}) {
  const [admin, pauser, user] = (await actors(3)) as [Actor, Actor, Actor];
  const chain = TestChain.open();
  chains.push(chain);
  const roles = { grants: [{ role: "admin", address: admin.address }, { role: "pauser", address: pauser.address }] };
  chain.initChain(actorsGenesis([admin, pauser, user], { roles, ...extraGenesis }));
  chain.block([]);
  return { chain, admin, pauser, user, gov: toAccAddress(chain.app.accounts.moduleAddress("gov")) };
}

function trip(signer: string, msgTypeUrls: string[] = []) {
  return anyMsg(MsgTripCircuitBreaker, { authority: signer, msgTypeUrls });
}
function reset(signer: string, msgTypeUrls: string[] = []) {
  return anyMsg(MsgResetCircuitBreaker, { authority: signer, msgTypeUrls });
}

function disabledList(chain: TestChain): string[] {
  const res = chain.query("/cosmos.circuit.v1.Query/DisabledList", QueryDisabledListRequest.encode({}).finish());
  assert.equal(res.code, 0, res.log);
  return DisabledListResponse.decode(res.value).disabledList;
}

test("a pauser pauses MsgSend: refused at CheckTx without a fee and in a block, then resumed by the admin", async () => {
  const { chain, admin, pauser, user } = await pausableChain();
  const tripped = chain.block([await signed(chain, pauser, [trip(pauser.address, [SEND])])]).results[0]!;
  assert.equal(tripped.code, 0, tripped.log);
  assert.ok(tripped.events.some((e) => e.type === "circuit_breaker_tripped"));
  assert.deepEqual(disabledList(chain), [SEND]);

  const send = await signed(chain, user, [sendMsg(user.address, admin.address, "10")]);
  const checked = chain.checkTx(send);
  assert.equal(checked.codespace, "circuit");
  assert.equal(checked.code, 2);
  assert.match(checked.log, /^\/cosmos\.bank\.v1beta1\.MsgSend is paused by the circuit breaker; .*MsgResetCircuitBreaker/);

  const inBlock = chain.block([send]).results[0]!;
  assert.equal(inBlock.codespace, "circuit");
  assert.match(inBlock.log, /is paused by the circuit breaker/);
  assert.equal(chain.balance(user.address), 1_000_000n, "a refused message costs no fee");
  user.sequence--; // the refused tx never reached the ante, so its sequence is still unused

  const resumed = chain.block([await signed(chain, admin, [reset(admin.address, [SEND])])]).results[0]!;
  assert.equal(resumed.code, 0, resumed.log);
  assert.deepEqual(disabledList(chain), []);
  const after = chain.block([await signed(chain, user, [sendMsg(user.address, admin.address, "10")])]).results[0]!;
  assert.equal(after.code, 0, after.log);
});

test("a non-pauser cannot trip the breaker", async () => {
  const { chain, user } = await pausableChain();
  const res = chain.block([await signed(chain, user, [trip(user.address, [SEND])])]).results[0]!;
  assert.equal(res.code, 4);
  assert.match(res.log, new RegExp(`${user.address} does not hold role pauser and is not the governance authority`));
  assert.deepEqual(disabledList(chain), []);
});

test("a reset by a non-admin is refused, even by the pauser who tripped it", async () => {
  const { chain, pauser, user } = await pausableChain();
  chain.block([await signed(chain, pauser, [trip(pauser.address, [SEND])])]);
  for (const who of [pauser, user]) {
    const res = chain.block([await signed(chain, who, [reset(who.address, [SEND])])]).results[0]!;
    assert.equal(res.code, 4);
    assert.match(res.log, new RegExp(`${who.address} does not hold role admin and is not the governance authority`));
  }
  assert.deepEqual(disabledList(chain), [SEND]);
});

test("a paused type inside a nested dispatch (as a passed proposal runs it) is refused", async () => {
  const { chain, pauser, user, gov } = await pausableChain();
  chain.block([await signed(chain, pauser, [trip(pauser.address, [SEND])])]);
  const nestedSend = { typeUrl: SEND, value: MsgSend.fromPartial({ fromAddress: user.address, toAddress: pauser.address, amount: [{ denom: "uagora", amount: "1" }] }) };
  assert.throws(() => dispatchNested(chain, nestedSend), (err: Error & { codespace?: string }) => err.codespace === "circuit" && /MsgSend is paused by the circuit breaker/.test(err.message));

  // The authority's own reset, nested as in a proposal, is never paused and resumes the type.
  const ctx = nextBlockContext(chain);
  const before = chain.app.bank.getBalance(ctx, fromAccAddress(pauser.address), "uagora");
  dispatchNested(chain, { typeUrl: MsgResetCircuitBreaker.typeUrl, value: { authority: gov, msgTypeUrls: [] } }, ctx);
  dispatchNested(chain, nestedSend, ctx);
  assert.equal(chain.app.bank.getBalance(ctx, fromAccAddress(pauser.address), "uagora"), before + 1n);
});

test("tripping with no type URLs pauses every type but governance, the breaker and roles; an empty reset resumes them all", async () => {
  const { chain, admin, pauser, user } = await pausableChain();
  // Every routed type is one write: more gas than signTx's default.
  const tripped = chain.block([await signed(chain, pauser, [trip(pauser.address)], 1_000_000n)]).results[0]!;
  assert.equal(tripped.code, 0, tripped.log);
  const paused = disabledList(chain);
  assert.ok(paused.includes(SEND));
  assert.ok(!paused.some((url) => url.startsWith("/cosmos.circuit.v1.") || url.startsWith("/agora.roles.v1.") || url.startsWith("/cosmos.gov.")));

  // Roles still work during the pause (revoking a leaked key is the usual response).
  const grant = anyMsg(MsgGrantRole, { signer: admin.address, role: "pauser", address: user.address, expiresAtHeight: 0n });
  assert.equal(chain.block([await signed(chain, admin, [grant])]).results[0]!.code, 0);

  assert.equal(chain.block([await signed(chain, admin, [reset(admin.address)])]).results[0]!.code, 0);
  assert.deepEqual(disabledList(chain), []);
});

test("the breaker's own messages, governance and unknown types cannot be listed for a pause", async () => {
  const { chain, pauser } = await pausableChain();
  const own = chain.checkTx(await signed(chain, pauser, [trip(pauser.address, [MsgResetCircuitBreaker.typeUrl])]));
  assert.equal(own.codespace, "circuit");
  assert.match(own.log, /can never be paused/);
  pauser.sequence--;
  const governance = chain.checkTx(await signed(chain, pauser, [trip(pauser.address, ["/cosmos.gov.v1.MsgVote"])]));
  assert.match(governance.log, /\/cosmos\.gov\.v1\.MsgVote can never be paused/);
  pauser.sequence--;
  const unknown = chain.block([await signed(chain, pauser, [trip(pauser.address, ["/cosmos.bank.v1beta1.MsgSnd"])])]).results[0]!;
  assert.match(unknown.log, /no message type \/cosmos\.bank\.v1beta1\.MsgSnd on this chain/);
});

test("MsgAuthorizeCircuitBreaker is refused with a pointer to the pauser role", async () => {
  const { chain, admin, user } = await pausableChain();
  const msg = anyMsg(MsgAuthorizeCircuitBreaker, { granter: admin.address, grantee: user.address, permissions: { level: 1, limitTypeUrls: [SEND] } });
  const res = chain.checkTx(await signed(chain, admin, [msg]));
  assert.equal(res.codespace, "circuit");
  assert.match(res.log, /grant the pauser role with \/agora\.roles\.v1\.MsgGrantRole/);
});

test("circuit genesis exports the paused types and a chain started from it refuses them", async () => {
  const { chain, user, admin } = await pausableChain({ circuit: { account_permissions: [], disabled_type_urls: [SEND] } });
  assert.deepEqual(disabledList(chain), [SEND]);
  const exported = JSON.parse(JSON.stringify(chain.app.modules.exportGenesis(chain.app.base.queryContext())));
  assert.deepEqual(exported.circuit, { account_permissions: [], disabled_type_urls: [SEND] });

  const copy = TestChain.open();
  chains.push(copy);
  copy.initChain(exported);
  copy.block([]);
  assert.deepEqual(disabledList(copy), [SEND]);
  assert.equal(copy.checkTx(await signed(copy, user, [sendMsg(user.address, admin.address, "1")])).codespace, "circuit");

  const bad = TestChain.open();
  chains.push(bad);
  assert.throws(() => bad.initChain({ ...exported, circuit: { account_permissions: [{ address: user.address }], disabled_type_urls: [] } }), /grant the pauser role in the roles section/);
});
