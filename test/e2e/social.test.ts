/**
 * x/social end to end with the real CometBFT and stock CosmJS, Agora's generated types registered
 * in a CosmJS Registry: profiles, a post, a follow and a tip, read back through ABCI queries.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DirectSecp256k1HdWallet, Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes, GasPrice, QueryClient, SigningStargateClient } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import * as q from "../../generated/proto/agora/social/v1/query.js";
import * as tx from "../../generated/proto/agora/social/v1/tx.js";
import { Devnet, DEV_MNEMONIC } from "../support/devnet.js";

const CHAIN_ID = "agora-local-1";
const registry = new Registry([
  ...defaultRegistryTypes,
  ...(["MsgSetProfile", "MsgCreatePost", "MsgFollow", "MsgTip"] as const).map((name): [string, GeneratedType] => [`/agora.social.v1.${name}`, tx[name] as unknown as GeneratedType]),
]);
let devnet: Devnet;
let dev: { address: string; client: SigningStargateClient };
let bob: { address: string; client: SigningStargateClient };

async function connect(wallet: DirectSecp256k1HdWallet) {
  const client = await SigningStargateClient.connectWithSigner(devnet.rpc, wallet, { registry, gasPrice: GasPrice.fromString("0.025uagora") });
  return { address: (await wallet.getAccounts())[0]!.address, client };
}

before(async () => {
  devnet = await Devnet.create(CHAIN_ID);
  await devnet.start();
  dev = await connect(await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora" }));
  bob = await connect(await DirectSecp256k1HdWallet.generate(12, { prefix: "agora" }));
  const funded = await dev.client.sendTokens(dev.address, bob.address, [{ denom: "uagora", amount: "5000000" }], "auto");
  assert.equal(funded.code, 0, funded.rawLog);
});

after(async () => {
  dev?.client.disconnect();
  bob?.client.disconnect();
  await devnet?.destroy();
});

async function query<R>(method: string, request: Uint8Array, response: { decode(b: Uint8Array): R }): Promise<R> {
  const comet = await connectComet(devnet.rpc);
  try {
    const res = await new QueryClient(comet).queryAbci(`/agora.social.v1.Query/${method}`, request);
    return response.decode(res.value);
  } finally {
    comet.disconnect();
  }
}

test("a wallet sets a profile and posts, a second follows and tips the post, and the chain shows it all", async () => {
  const signAndSend = async (who: typeof dev, typeUrl: string, value: unknown) => {
    const result = await who.client.signAndBroadcast(who.address, [{ typeUrl, value }], "auto");
    assert.equal(result.code, 0, result.rawLog);
    return result;
  };
  await signAndSend(dev, "/agora.social.v1.MsgSetProfile", tx.MsgSetProfile.fromPartial({ owner: dev.address, handle: "dev", displayName: "The dev account" }));
  await signAndSend(bob, "/agora.social.v1.MsgSetProfile", tx.MsgSetProfile.fromPartial({ owner: bob.address, handle: "bob" }));
  const posted = await signAndSend(dev, "/agora.social.v1.MsgCreatePost", tx.MsgCreatePost.fromPartial({ author: dev.address, content: { text: "hello from CosmJS" } }));
  const postId = BigInt(posted.events.find((e) => e.type === "social_post_created")!.attributes.find((a) => a.key === "post_id")!.value);
  await signAndSend(bob, "/agora.social.v1.MsgFollow", tx.MsgFollow.fromPartial({ follower: bob.address, followee: dev.address }));
  const before = BigInt((await dev.client.getBalance(dev.address, "uagora")).amount);
  await signAndSend(bob, "/agora.social.v1.MsgTip", tx.MsgTip.fromPartial({ sender: bob.address, postId, amount: { denom: "uagora", amount: "777" } }));

  assert.equal(BigInt((await dev.client.getBalance(dev.address, "uagora")).amount), before + 777n);
  const profile = await query("ProfileByHandle", q.QueryProfileByHandleRequest.encode({ handle: "DEV" }).finish(), q.QueryProfileByHandleResponse);
  assert.equal(profile.profile!.address, dev.address);
  const feed = await query("Feed", q.QueryFeedRequest.encode({ address: bob.address, pagination: undefined }).finish(), q.QueryFeedResponse);
  assert.deepEqual(feed.posts.map((p) => [p.post!.id, p.post!.content!.text, p.tips]), [[postId, "hello from CosmJS", [{ denom: "uagora", amount: "777" }]]]);
});
