import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { status } from "@grpc/grpc-js";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { QueryAccountRequest } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { GetLatestBlockRequest } from "cosmjs-types/cosmos/base/tendermint/v1beta1/query";
import { genesisState, TestChain } from "../../../test/support/chain.js";
import { grpcFailure, RawGrpcClient, reflectionRequest } from "../../../test/support/grpc-client.js";
import { FileDescriptorProto } from "cosmjs-types/google/protobuf/descriptor";
import { sendMsg, signTx, testAccount, type TestAccount } from "../../../test/support/signing.js";
import { GrpcServer } from "./server.js";

const BALANCE = "/cosmos.bank.v1beta1.Query/Balance";
const FEE = [{ denom: "uagora", amount: "2000" }];

let chain: TestChain;
let server: GrpcServer;
let client: RawGrpcClient;
let alice: TestAccount;
let bob: TestAccount;

before(async () => {
  alice = await testAccount(1);
  bob = await testAccount(2);
  chain = TestChain.open();
  chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }]));
  chain.block([]);
  // Heights 2 and 3 each send bob 100.
  for (const sequence of [0n, 1n]) {
    const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "100")], { chainId: chain.chainId, accountNumber: 0n, sequence, fee: FEE });
    assert.equal(chain.block([tx]).results[0]!.code, 0);
  }
  // No CometBFT runs here: port 9 (discard) refuses connections.
  server = new GrpcServer(chain.app.base, {
    cometRpc: "http://127.0.0.1:9",
    app: { name: "agora", appName: "agorad", version: "test", consensusPrefix: "agoravalcons" },
  });
  const port = await server.listen("127.0.0.1:0");
  client = new RawGrpcClient(`127.0.0.1:${port}`);
});

after(async () => {
  client.close();
  await server.close();
  await chain.destroy();
});

const balanceOf = (address: string) => QueryBalanceRequest.encode({ address, denom: "uagora" }).finish();

test("a balance reads at the latest height, and the answer names that height", async () => {
  const { response, headers } = await client.call(BALANCE, balanceOf(bob.address));
  assert.equal(QueryBalanceResponse.decode(response).balance?.amount, "200");
  assert.deepEqual(headers.get("x-cosmos-block-height"), ["3"]);
});

test("x-cosmos-block-height reads a balance as it was at an earlier height", async () => {
  const { response, headers } = await client.call(BALANCE, balanceOf(bob.address), { "x-cosmos-block-height": "2" });
  assert.equal(QueryBalanceResponse.decode(response).balance?.amount, "100");
  assert.deepEqual(headers.get("x-cosmos-block-height"), ["2"]);
});

test("a height the node does not have is INVALID_ARGUMENT saying so", async () => {
  const err = await grpcFailure(client.call(BALANCE, balanceOf(bob.address), { "x-cosmos-block-height": "1000" }));
  assert.equal(err.code, status.INVALID_ARGUMENT);
  assert.match(err.details, /cannot query that height/);
  assert.match(err.details, /1000/);
});

test("a height header that is not a non-negative integer is INVALID_ARGUMENT", async () => {
  for (const height of ["-1", "two", "1.5"]) {
    const err = await grpcFailure(client.call(BALANCE, balanceOf(bob.address), { "x-cosmos-block-height": height }));
    assert.equal(err.code, status.INVALID_ARGUMENT, height);
    assert.match(err.details, /x-cosmos-block-height must be one non-negative integer height/);
  }
});

test("a malformed address is INVALID_ARGUMENT with the SDK's codespace and code", async () => {
  const err = await grpcFailure(client.call(BALANCE, balanceOf("agora1notanaddress")));
  assert.equal(err.code, status.INVALID_ARGUMENT);
  assert.match(err.details, /^codespace sdk code 7: .*invalid address/);
});

test("a method no service has is UNIMPLEMENTED", async () => {
  const err = await grpcFailure(client.call("/cosmos.bank.v1beta1.Query/NoSuchMethod", new Uint8Array()));
  assert.equal(err.code, status.UNIMPLEMENTED);
});

test("Simulate estimates a signed send's gas without committing it", async () => {
  const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "100")], { chainId: chain.chainId, accountNumber: 0n, sequence: 2n, fee: FEE });
  const { response } = await client.call("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode(SimulateRequest.fromPartial({ txBytes: tx })).finish());
  const simulated = SimulateResponse.decode(response);
  assert.ok(simulated.gasInfo!.gasUsed > 0n);
  assert.ok(simulated.result!.events.some((e) => e.type === "transfer"));
  const { response: after } = await client.call(BALANCE, balanceOf(bob.address));
  assert.equal(QueryBalanceResponse.decode(after).balance?.amount, "200");
});

test("a Simulate of a tx with a wrong sequence fails with the ante handler's code", async () => {
  const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "100")], { chainId: chain.chainId, accountNumber: 0n, sequence: 7n, fee: FEE });
  const err = await grpcFailure(client.call("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode(SimulateRequest.fromPartial({ txBytes: tx })).finish()));
  assert.match(err.details, /^codespace sdk code 32: .*incorrect account sequence/);
});

test("without a CometBFT RPC to read blocks from, the tendermint service says it is unavailable", async () => {
  const err = await grpcFailure(client.call("/cosmos.base.tendermint.v1beta1.Service/GetLatestBlock", GetLatestBlockRequest.encode({}).finish()));
  assert.equal(err.code, status.UNAVAILABLE);
  assert.match(err.details, /CometBFT RPC at http:\/\/127\.0\.0\.1:9 does not answer/);
});

/** The files a grpcurl describe of `symbol` gets: the one declaring it first, then what it needs. */
async function describe(address: string, request: Record<string, string>): Promise<FileDescriptorProto[]> {
  const answer = await reflectionRequest(address, request);
  assert.equal(answer.errorResponse, undefined, `${JSON.stringify(request)}: ${answer.errorResponse?.errorMessage}`);
  return answer.fileDescriptorResponse!.fileDescriptorProto.map((bytes) => FileDescriptorProto.decode(bytes));
}

const methodsOf = (file: FileDescriptorProto, service: string) => file.service.find((s) => s.name === service)?.method.map((m) => m.name) ?? [];

test("reflection lists every service served and describes each, as grpcurl describe shows them", async () => {
  assert.equal(server.reflectionWarning, undefined, "generated/cosmos-protos is missing: run `make build` first");
  const address = `127.0.0.1:${server.port}`;
  const listed = (await reflectionRequest(address, { listServices: "*" })).listServicesResponse!.service.map((s) => s.name);
  for (const service of [...server.services, "grpc.reflection.v1.ServerReflection"]) {
    assert.ok(listed.includes(service), `${service} in ${listed.join(", ")}`);
    const [file] = await describe(address, { fileContainingSymbol: service });
    assert.ok(file!.service.some((s) => `${file!.package}.${s.name}` === service), `${service} declared in ${file!.name}`);
  }
  // Only what is served is listed, not every service the loaded files declare (tendermint.abci.ABCI).
  assert.deepEqual([...listed].sort(), [...server.services, "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"].sort());

  const [bank] = await describe(address, { fileContainingSymbol: "cosmos.bank.v1beta1.Query" });
  assert.equal(bank!.name, "cosmos/bank/v1beta1/query.proto");
  assert.ok(methodsOf(bank!, "Query").includes("Balance"));
  const [tendermint] = await describe(address, { fileContainingSymbol: "cosmos.base.tendermint.v1beta1.Service" });
  assert.ok(methodsOf(tendermint!, "Service").includes("GetLatestBlock"));
  const [tx] = await describe(address, { fileContainingSymbol: "cosmos.tx.v1beta1.Service" });
  assert.ok(methodsOf(tx!, "Service").includes("BroadcastTx"));
  // Agora's own services come from proto/agora, compiled alongside.
  const [stream] = await describe(address, { fileContainingSymbol: "agora.stream.v1.Stream" });
  assert.equal(stream!.name, "agora/stream/v1/stream.proto");
  assert.ok(methodsOf(stream!, "Stream").includes("SubscribeBlocks"));
  const [social] = await describe(address, { fileContainingSymbol: "agora.social.v1.Query" });
  assert.equal(social!.name, "agora/social/v1/query.proto");
  assert.ok(methodsOf(social!, "Query").includes("Feed"));
});

test("a described message names its fields and the files its types come from, so grpcurl can link it", async () => {
  const address = `127.0.0.1:${server.port}`;
  const [query] = await describe(address, { fileContainingSymbol: "cosmos.bank.v1beta1.QueryBalanceRequest" });
  const request = query!.messageType.find((m) => m.name === "QueryBalanceRequest")!;
  assert.deepEqual(request.field.map((f) => [f.name, f.number]), [["address", 1], ["denom", 2]]);
  const balance = query!.messageType.find((m) => m.name === "QueryBalanceResponse")!.field.find((f) => f.name === "balance")!;
  assert.equal(balance.typeName, ".cosmos.base.v1beta1.Coin");
  assert.ok(query!.dependency.includes("cosmos/base/v1beta1/coin.proto"), query!.dependency.join(", "));
  const [coin] = await describe(address, { fileByFilename: "cosmos/base/v1beta1/coin.proto" });
  assert.ok(coin!.messageType.some((m) => m.name === "Coin"));
});

test("describing a symbol no service has is NOT_FOUND", async () => {
  const answer = await reflectionRequest(`127.0.0.1:${server.port}`, { fileContainingSymbol: "cosmos.nothing.v1.Query" });
  assert.equal(answer.errorResponse?.errorCode, status.NOT_FOUND);
});

test("without the compiled descriptors the services are still listed, describe is NOT_FOUND, and the warning says how to make them", async () => {
  const bare = new GrpcServer(chain.app.base, {
    cometRpc: "http://127.0.0.1:9",
    app: { name: "agora", appName: "agorad", version: "test", consensusPrefix: "agoravalcons" },
    descriptorSet: "/nonexistent/descriptor-set.binpb",
  });
  try {
    const address = `127.0.0.1:${await bare.listen("127.0.0.1:0")}`;
    assert.match(bare.reflectionWarning!, /\/nonexistent\/descriptor-set\.binpb is missing; run `make build` \(or scripts\/cosmos-protos\.sh\)/);
    const listed = (await reflectionRequest(address, { listServices: "*" })).listServicesResponse!.service.map((s) => s.name);
    assert.ok(listed.includes("cosmos.bank.v1beta1.Query"), listed.join(", "));
    const undescribed = await reflectionRequest(address, { fileContainingSymbol: "cosmos.bank.v1beta1.Query" });
    assert.equal(undescribed.errorResponse?.errorCode, status.NOT_FOUND);
    const [reflection] = await describe(address, { fileContainingSymbol: "grpc.reflection.v1.ServerReflection" });
    assert.deepEqual(reflection!.service.map((s) => s.name), ["ServerReflection"]);
  } finally {
    await bare.close();
  }
});

test("an account the chain never saw is NOT_FOUND", async () => {
  const stranger = await testAccount(99);
  const err = await grpcFailure(client.call("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address: stranger.address }).finish()));
  assert.equal(err.code, status.NOT_FOUND);
  assert.match(err.details, new RegExp(`account ${stranger.address} not found`));
});
