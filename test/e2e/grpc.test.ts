/**
 * End to end over gRPC against `agorad start` and the real CometBFT: a wallet's whole round trip
 * (account, broadcast, lookup by hash and by event) and the node's blocks and status.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { toBech32, toHex } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, calculateFee } from "@cosmjs/stargate";
import { status } from "@grpc/grpc-js";
import { sha256 } from "@cosmjs/crypto";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import {
  GetBlockByHeightRequest,
  GetBlockByHeightResponse,
  GetLatestBlockRequest,
  GetLatestBlockResponse,
  GetLatestValidatorSetRequest,
  GetLatestValidatorSetResponse,
  GetNodeInfoRequest,
  GetNodeInfoResponse,
  GetSyncingRequest,
  GetSyncingResponse,
  GetValidatorSetByHeightRequest,
  GetValidatorSetByHeightResponse,
} from "cosmjs-types/cosmos/base/tendermint/v1beta1/query";
import {
  BroadcastMode,
  BroadcastTxRequest,
  BroadcastTxResponse,
  GetBlockWithTxsRequest,
  GetBlockWithTxsResponse,
  GetTxRequest,
  GetTxResponse,
  GetTxsEventRequest,
  GetTxsEventResponse,
} from "cosmjs-types/cosmos/tx/v1beta1/service";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { FileDescriptorProto } from "cosmjs-types/google/protobuf/descriptor";
import { Devnet, DEV_MNEMONIC } from "../support/devnet.js";
import { grpcFailure, RawGrpcClient, reflectionRequest } from "../support/grpc-client.js";

const CHAIN_ID = "agora-local-1";
const TX = "/cosmos.tx.v1beta1.Service";
const TM = "/cosmos.base.tendermint.v1beta1.Service";
let devnet: Devnet;
let grpc: RawGrpcClient;
let dev: string;
let signer: SigningStargateClient;

before(async () => {
  devnet = await Devnet.create(CHAIN_ID);
  await devnet.start();
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora" });
  dev = (await wallet.getAccounts())[0]!.address;
  signer = await SigningStargateClient.offline(wallet);
  grpc = new RawGrpcClient(devnet.grpc);
});

after(async () => {
  grpc?.close();
  signer?.disconnect();
  await devnet?.destroy();
});

async function call<Q, R>(path: string, request: { encode(q: Q): { finish(): Uint8Array } }, q: Q, response: { decode(b: Uint8Array): R }): Promise<R> {
  return response.decode((await grpc.call(path, request.encode(q).finish())).response);
}

async function waitForTx(hash: string): Promise<GetTxResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(`${TX}/GetTx`, GetTxRequest, { hash }, GetTxResponse);
    } catch (err) {
      if ((err as { code?: number }).code !== status.NOT_FOUND || attempt > 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

test("a send signed offline is broadcast over gRPC, then found by its hash and by its sender", async () => {
  const account = await call("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest, { address: dev }, QueryAccountResponse);
  const { accountNumber, sequence } = BaseAccount.decode(account.account!.value);
  const recipient = toBech32("agora", new Uint8Array(20).fill(7));
  const send = { typeUrl: MsgSend.typeUrl, value: { fromAddress: dev, toAddress: recipient, amount: [{ denom: "uagora", amount: "777" }] } };
  const fee = calculateFee(200_000, GasPrice.fromString("0.025uagora"));
  const txBytes = TxRaw.encode(await signer.sign(dev, [send], fee, "over grpc", { accountNumber, sequence: Number(sequence), chainId: CHAIN_ID })).finish();

  const broadcast = await call(`${TX}/BroadcastTx`, BroadcastTxRequest, { txBytes, mode: BroadcastMode.BROADCAST_MODE_SYNC }, BroadcastTxResponse);
  assert.equal(broadcast.txResponse!.code, 0, broadcast.txResponse!.rawLog);
  const hash = toHex(sha256(txBytes)).toUpperCase();
  assert.equal(broadcast.txResponse!.txhash, hash);

  const found = await waitForTx(hash);
  assert.equal(found.txResponse!.code, 0);
  assert.equal(found.txResponse!.txhash, hash);
  assert.ok(found.txResponse!.height > 0n);
  assert.match(found.txResponse!.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  assert.equal(found.tx!.body!.memo, "over grpc");
  assert.deepEqual(MsgSend.decode(found.tx!.body!.messages[0]!.value).amount, [{ denom: "uagora", amount: "777" }]);

  const bySender = await call(`${TX}/GetTxsEvent`, GetTxsEventRequest, GetTxsEventRequest.fromPartial({ query: `message.sender='${dev}'` }), GetTxsEventResponse);
  assert.equal(bySender.total, 1n);
  assert.equal(bySender.txResponses[0]!.txhash, hash);
  assert.ok(bySender.txResponses[0]!.events.some((e) => e.type === "transfer"));

  const withTxs = await call(`${TX}/GetBlockWithTxs`, GetBlockWithTxsRequest, { height: found.txResponse!.height }, GetBlockWithTxsResponse);
  assert.deepEqual(withTxs.txs.map((tx) => tx.body!.memo), ["over grpc"]);
  assert.equal(withTxs.block!.header.height, found.txResponse!.height);

  // The same tx again: CometBFT's cache refuses it, answered with the SDK's code for that.
  const again = await call(`${TX}/BroadcastTx`, BroadcastTxRequest, { txBytes, mode: BroadcastMode.BROADCAST_MODE_SYNC }, BroadcastTxResponse);
  assert.deepEqual([again.txResponse!.codespace, again.txResponse!.code, again.txResponse!.txhash], ["sdk", 19, hash]);
});

test("an unknown tx hash is NOT_FOUND and an unsupported broadcast mode INVALID_ARGUMENT", async () => {
  const missing = await grpcFailure(call(`${TX}/GetTx`, GetTxRequest, { hash: "AB".repeat(32) }, GetTxResponse));
  assert.equal(missing.code, status.NOT_FOUND);
  const block = await grpcFailure(
    call(`${TX}/BroadcastTx`, BroadcastTxRequest, { txBytes: Uint8Array.of(1), mode: BroadcastMode.BROADCAST_MODE_BLOCK }, BroadcastTxResponse),
  );
  assert.equal(block.code, status.INVALID_ARGUMENT);
  assert.match(block.details, /use BROADCAST_MODE_SYNC or BROADCAST_MODE_ASYNC/);
});

test("the tendermint service answers the node's status, blocks and validators", async () => {
  const info = await call(`${TM}/GetNodeInfo`, GetNodeInfoRequest, {}, GetNodeInfoResponse);
  assert.equal(info.defaultNodeInfo!.network, CHAIN_ID);
  assert.equal(info.defaultNodeInfo!.moniker, "e2e");
  assert.equal(info.applicationVersion!.appName, "agorad");

  assert.equal((await call(`${TM}/GetSyncing`, GetSyncingRequest, {}, GetSyncingResponse)).syncing, false);

  const latest = await call(`${TM}/GetLatestBlock`, GetLatestBlockRequest, {}, GetLatestBlockResponse);
  const height = latest.block!.header.height;
  assert.ok(height >= 3n);
  assert.equal(latest.block!.header.chainId, CHAIN_ID);
  assert.equal(latest.blockId!.hash.length, 32);
  assert.match(latest.sdkBlock!.header.proposerAddress, /^agoravalcons1/);

  const earlier = await call(`${TM}/GetBlockByHeight`, GetBlockByHeightRequest, { height: 2n }, GetBlockByHeightResponse);
  assert.equal(earlier.block!.header.height, 2n);
  // Block 3 names block 2 as its parent: the hashes agree with what the node committed.
  const third = await call(`${TM}/GetBlockByHeight`, GetBlockByHeightRequest, { height: 3n }, GetBlockByHeightResponse);
  assert.deepEqual(third.block!.header.lastBlockId.hash, earlier.blockId!.hash);

  const future = await grpcFailure(call(`${TM}/GetBlockByHeight`, GetBlockByHeightRequest, { height: height + 1000n }, GetBlockByHeightResponse));
  assert.equal(future.code, status.INVALID_ARGUMENT);

  const validators = await call(`${TM}/GetLatestValidatorSet`, GetLatestValidatorSetRequest, {}, GetLatestValidatorSetResponse);
  assert.equal(validators.validators.length, 1);
  assert.equal(validators.validators[0]!.pubKey!.typeUrl, "/cosmos.crypto.ed25519.PubKey");
  assert.ok(validators.validators[0]!.votingPower > 0n);
  const atTwo = await call(`${TM}/GetValidatorSetByHeight`, GetValidatorSetByHeightRequest, { height: 2n }, GetValidatorSetByHeightResponse);
  assert.equal(atTwo.blockHeight, 2n);
  assert.deepEqual(atTwo.validators, validators.validators);
  const none = await grpcFailure(call(`${TM}/GetValidatorSetByHeight`, GetValidatorSetByHeightRequest, { height: 0n }, GetValidatorSetByHeightResponse));
  assert.equal(none.code, status.INVALID_ARGUMENT);
});

test("reflection lists the node's services and describes each, as grpcurl list and describe show them", async () => {
  const listed = (await reflectionRequest(devnet.grpc, { listServices: "*" })).listServicesResponse!.service.map((s) => s.name);
  for (const service of ["cosmos.bank.v1beta1.Query", "cosmos.tx.v1beta1.Service", "cosmos.base.tendermint.v1beta1.Service", "grpc.reflection.v1.ServerReflection"]) {
    assert.ok(listed.includes(service), `${service} in ${listed.join(", ")}`);
  }
  for (const service of listed) {
    const answer = await reflectionRequest(devnet.grpc, { fileContainingSymbol: service });
    assert.equal(answer.errorResponse, undefined, `describe ${service}: ${answer.errorResponse?.errorMessage} (run \`make build\`)`);
    const file = FileDescriptorProto.decode(answer.fileDescriptorResponse!.fileDescriptorProto[0]!);
    assert.ok(file.service.some((s) => `${file.package}.${s.name}` === service), `${service} declared in ${file.name}`);
  }
});
