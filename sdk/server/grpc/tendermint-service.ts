/** cosmos.base.tendermint.v1beta1.Service: the node's status, blocks and validators, from CometBFT's RPC. */
import { fromHex, toBech32, toHex } from "@cosmjs/encoding";
import { status } from "@grpc/grpc-js";
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
import type { comet38 } from "@cosmjs/tendermint-rpc";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { ACCOUNT_PREFIX } from "../../types/address.js";
import { block, blockId, sdkBlock, validatorPubkey } from "./comet-messages.js";
import type { CometRpc } from "./comet-rpc.js";
import { decodeRequest, type Codec } from "./request-codec.js";
import { GrpcError } from "../status.js";
import type { MethodTable } from "./unary-methods.js";

const SERVICE = "/cosmos.base.tendermint.v1beta1.Service";

export interface AppIdentity {
  /** The chain's name ("agora") and its daemon's ("agorad"). */
  name: string;
  appName: string;
  version: string;
  /** Bech32 prefix of consensus (validator) addresses, e.g. "agoravalcons". */
  consensusPrefix: string;
}

/** The app's name and version as node_info reports them, its consensus addresses' prefix. */
export function appIdentity(base: Pick<BaseApp, "info">): AppIdentity {
  const info = base.info();
  return { name: info.data, appName: `${info.data}d`, version: info.version, consensusPrefix: `${ACCOUNT_PREFIX}valcons` };
}

export function tendermintServiceMethods(rpc: CometRpc, app: AppIdentity): MethodTable {
  const method = <Q, R>(request: Codec<Q>, response: Codec<R>, handle: (q: Q) => Promise<R>) =>
    async (bytes: Uint8Array) => ({ response: response.encode(await handle(decodeRequest(request, bytes))).finish() });
  const blockResponse = (res: comet38.BlockResponse) => ({
    blockId: blockId(res.blockId),
    block: block(res.block),
    sdkBlock: sdkBlock(res.block, app.consensusPrefix),
  });
  return new Map([
    [`${SERVICE}/GetNodeInfo`, method(GetNodeInfoRequest, GetNodeInfoResponse, async () => nodeInfo(await rpc.call("status", (c) => c.status()), app))],
    [`${SERVICE}/GetSyncing`, method(GetSyncingRequest, GetSyncingResponse, async () => ({ syncing: (await rpc.call("status", (c) => c.status())).syncInfo.catchingUp }))],
    [`${SERVICE}/GetLatestBlock`, method(GetLatestBlockRequest, GetLatestBlockResponse, async () => blockResponse(await rpc.call("block", (c) => c.block())))],
    [
      `${SERVICE}/GetBlockByHeight`,
      method(GetBlockByHeightRequest, GetBlockByHeightResponse, async (q) => {
        if (q.height <= 0n) throw new GrpcError(status.INVALID_ARGUMENT, `height must be greater than 0, got ${q.height}`);
        return blockResponse(await rpc.call(`block ${q.height}`, (c) => c.block(Number(q.height))));
      }),
    ],
    [`${SERVICE}/GetLatestValidatorSet`, method(GetLatestValidatorSetRequest, GetLatestValidatorSetResponse, () => validatorSet(rpc, app, undefined))],
    [
      `${SERVICE}/GetValidatorSetByHeight`,
      method(GetValidatorSetByHeightRequest, GetValidatorSetByHeightResponse, (q) => {
        if (q.height <= 0n) throw new GrpcError(status.INVALID_ARGUMENT, `height must be greater than 0, got ${q.height}`);
        return validatorSet(rpc, app, Number(q.height));
      }),
    ],
  ]);
}

/** The validator set at `height` (the latest when undefined), all pages of it. */
async function validatorSet(rpc: CometRpc, app: AppIdentity, height: number | undefined): Promise<GetValidatorSetByHeightResponse> {
  const set = await rpc.call(height === undefined ? "validators" : `validators ${height}`, (c) => c.validatorsAll(height));
  return {
    blockHeight: BigInt(set.blockHeight),
    validators: set.validators.map((v) => ({
      address: toBech32(app.consensusPrefix, v.address),
      ...(v.pubkey ? { pubKey: validatorPubkey(v.pubkey) } : {}),
      votingPower: v.votingPower,
      proposerPriority: BigInt(v.proposerPriority ?? 0),
    })),
    pagination: { nextKey: new Uint8Array(), total: BigInt(set.total) },
  };
}

function nodeInfo(res: comet38.StatusResponse, app: AppIdentity): GetNodeInfoResponse {
  const info = res.nodeInfo;
  return {
    defaultNodeInfo: {
      protocolVersion: { p2p: BigInt(info.protocolVersion.p2p), block: BigInt(info.protocolVersion.block), app: BigInt(info.protocolVersion.app) },
      defaultNodeId: toHex(info.id),
      listenAddr: info.listenAddr,
      network: info.network,
      version: info.version,
      channels: /^([0-9a-fA-F]{2})*$/.test(info.channels) ? fromHex(info.channels) : new TextEncoder().encode(info.channels),
      moniker: info.moniker,
      other: { txIndex: info.other.get("tx_index") ?? "", rpcAddress: info.other.get("rpc_address") ?? "" },
    },
    applicationVersion: {
      name: app.name,
      appName: app.appName,
      version: app.version,
      gitCommit: "",
      buildTags: "",
      goVersion: "",
      buildDeps: [],
      cosmosSdkVersion: "",
    },
  };
}
