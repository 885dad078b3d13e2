/**
 * The base/tendermint service's gateway paths, answered from CometBFT's RPC and rewritten into
 * the gateway's JSON: hashes and addresses as base64 (hex in the RPC), enums by name, and the
 * `sdk_block` whose proposer is a bech32 consensus address.
 */
import type { BaseApp } from "../../baseapp/baseapp.js";
import { ACCOUNT_PREFIX, toAccAddress } from "../../types/address.js";
import { CometRpc, CometRpcError, hexToBase64 } from "./comet-rpc.js";
import { GatewayError, GrpcCode, invalidArgument } from "./errors.js";
import { parseUint64 } from "./params.js";
import type { Json } from "./proto-json.js";
import type { RestRoute } from "./route.js";

const SERVICE = "cosmos.base.tendermint.v1beta1.Service.";
const VALCONS_PREFIX = `${ACCOUNT_PREFIX}valcons`;
const BLOCK_ID_FLAGS = ["BLOCK_ID_FLAG_UNKNOWN", "BLOCK_ID_FLAG_ABSENT", "BLOCK_ID_FLAG_COMMIT", "BLOCK_ID_FLAG_NIL"];

type RpcBlockId = { hash: string; parts: { total: number; hash: string } };
interface RpcBlock {
  block_id: RpcBlockId;
  block: {
    header: Record<string, unknown> & { last_block_id: RpcBlockId; proposer_address: string };
    data: { txs: string[] | null };
    evidence: { evidence: unknown[] | null };
    last_commit: { height: string; round: number; block_id: RpcBlockId; signatures: { block_id_flag: number; validator_address: string; timestamp: string; signature: string | null }[] };
  };
}
interface RpcValidators {
  block_height: string;
  validators: { address: string; pub_key: { type: string; value: string }; voting_power: string; proposer_priority: string }[];
  total: string;
}

export function tendermintRoutes(base: BaseApp, rpc: CometRpc): RestRoute[] {
  const block = (height: string | undefined) => refused(() => rpc.call<RpcBlock>("block", { height }), GrpcCode.INVALID_ARGUMENT);
  const validatorSet = async (height: string | undefined) => {
    const set = await refused(() => rpc.call<RpcValidators>("validators", { height, per_page: 100 }), GrpcCode.INVALID_ARGUMENT);
    return { body: validatorSetJson(set) };
  };
  const heightParam = { name: "height", in: "path", type: "integer", required: true } as const;
  return [
    {
      method: "GET",
      path: "/cosmos/base/tendermint/v1beta1/blocks/latest",
      operation: SERVICE + "GetLatestBlock",
      params: [],
      response: "cosmos.base.tendermint.v1beta1.GetLatestBlockResponse",
      handle: async () => ({ body: blockJson(await block(undefined)) }),
    },
    {
      method: "GET",
      path: "/cosmos/base/tendermint/v1beta1/blocks/{height}",
      operation: SERVICE + "GetBlockByHeight",
      params: [heightParam],
      response: "cosmos.base.tendermint.v1beta1.GetBlockByHeightResponse",
      handle: async (request) => ({ body: blockJson(await block(positiveHeight(request.params["height"]))) }),
    },
    {
      method: "GET",
      path: "/cosmos/base/tendermint/v1beta1/node_info",
      operation: SERVICE + "GetNodeInfo",
      params: [],
      response: "cosmos.base.tendermint.v1beta1.GetNodeInfoResponse",
      async handle() {
        const { node_info: node } = await rpc.call<{ node_info: RpcNodeInfo }>("status");
        const app = base.info();
        return {
          body: {
            default_node_info: {
              protocol_version: node.protocol_version,
              default_node_id: node.id,
              listen_addr: node.listen_addr,
              network: node.network,
              version: node.version,
              channels: hexToBase64(node.channels),
              moniker: node.moniker,
              other: node.other,
            },
            application_version: { name: app.data, app_name: "agorad", version: app.version, git_commit: "", build_tags: "", go_version: "", build_deps: [], cosmos_sdk_version: "" },
          },
        };
      },
    },
    {
      method: "GET",
      path: "/cosmos/base/tendermint/v1beta1/syncing",
      operation: SERVICE + "GetSyncing",
      params: [],
      response: "cosmos.base.tendermint.v1beta1.GetSyncingResponse",
      async handle() {
        const { sync_info } = await rpc.call<{ sync_info: { catching_up: boolean } }>("status");
        return { body: { syncing: sync_info.catching_up } };
      },
    },
    {
      method: "GET",
      path: "/cosmos/base/tendermint/v1beta1/validatorsets/latest",
      operation: SERVICE + "GetLatestValidatorSet",
      params: [],
      response: "cosmos.base.tendermint.v1beta1.GetLatestValidatorSetResponse",
      handle: () => validatorSet(undefined),
    },
    {
      method: "GET",
      path: "/cosmos/base/tendermint/v1beta1/validatorsets/{height}",
      operation: SERVICE + "GetValidatorSetByHeight",
      params: [heightParam],
      response: "cosmos.base.tendermint.v1beta1.GetValidatorSetByHeightResponse",
      handle: (request) => validatorSet(positiveHeight(request.params["height"])),
    },
  ];
}

interface RpcNodeInfo {
  protocol_version: Json;
  id: string;
  listen_addr: string;
  network: string;
  version: string;
  channels: string;
  moniker: string;
  other: Json;
}

function positiveHeight(text: string | undefined): string {
  const height = parseUint64("height", text ?? "");
  if (height < 1n) throw invalidArgument("height must be 1 or more");
  return height.toString();
}

/** The node refusing a call (a height it has not reached or has pruned) becomes `code` with its reason. */
async function refused<T>(call: () => Promise<T>, code: number): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof CometRpcError) throw new GatewayError(code, err.data);
    throw err;
  }
}

function blockIdJson(id: RpcBlockId): Json {
  return { hash: hexToBase64(id.hash), part_set_header: { total: id.parts.total, hash: hexToBase64(id.parts.hash) } };
}

const HEADER_HASHES = ["last_commit_hash", "data_hash", "validators_hash", "next_validators_hash", "consensus_hash", "app_hash", "last_results_hash", "evidence_hash"];

function headerJson(header: RpcBlock["block"]["header"], proposer: Json): Json {
  const hashes = Object.fromEntries(HEADER_HASHES.map((name) => [name, hexToBase64(String(header[name] ?? ""))]));
  return {
    // jsonpb writes the zero app version the RPC leaves out.
    version: { block: "0", app: "0", ...(header["version"] as Record<string, string>) },
    chain_id: header["chain_id"] as string,
    height: header["height"] as string,
    time: header["time"] as string,
    last_block_id: blockIdJson(header.last_block_id),
    ...hashes,
    proposer_address: proposer,
  };
}

function blockJson({ block_id, block }: RpcBlock): Json {
  const body = (proposer: Json) => ({
    header: headerJson(block.header, proposer),
    data: { txs: block.data.txs ?? [] },
    evidence: { evidence: (block.evidence.evidence ?? []) as Json[] },
    last_commit: {
      height: block.last_commit.height,
      round: block.last_commit.round,
      block_id: blockIdJson(block.last_commit.block_id),
      signatures: block.last_commit.signatures.map((s) => ({
        block_id_flag: BLOCK_ID_FLAGS[s.block_id_flag] ?? "BLOCK_ID_FLAG_UNKNOWN",
        validator_address: hexToBase64(s.validator_address),
        timestamp: s.timestamp,
        signature: s.signature,
      })),
    },
  });
  const proposer = block.header.proposer_address;
  return {
    block_id: blockIdJson(block_id),
    block: body(hexToBase64(proposer)),
    sdk_block: body(proposer ? toAccAddress(Buffer.from(proposer, "hex"), VALCONS_PREFIX) : ""),
  };
}

function validatorSetJson(set: RpcValidators): Json {
  return {
    block_height: set.block_height,
    validators: set.validators.map((v) => ({
      address: toAccAddress(Buffer.from(v.address, "hex"), VALCONS_PREFIX),
      pub_key: { "@type": pubKeyType(v.pub_key.type), key: v.pub_key.value },
      voting_power: v.voting_power,
      proposer_priority: v.proposer_priority,
    })),
    pagination: { next_key: null, total: set.total },
  };
}

function pubKeyType(aminoType: string): string {
  if (aminoType === "tendermint/PubKeySecp256k1") return "/cosmos.crypto.secp256k1.PubKey";
  return "/cosmos.crypto.ed25519.PubKey";
}
