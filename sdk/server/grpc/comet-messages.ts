/**
 * CometBFT RPC answers (as @cosmjs/tendermint-rpc decodes them) turned into the protobuf
 * messages the Cosmos SDK's gRPC services answer with.
 */
import { toBech32, toHex } from "@cosmjs/encoding";
import type { comet38, ReadonlyDateWithNanoseconds, ValidatorPubkey } from "@cosmjs/tendermint-rpc";
import { TxResponse } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import type { Block as SdkBlock } from "cosmjs-types/cosmos/base/tendermint/v1beta1/types";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { PubKey as Secp256k1PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { Tx } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { Block } from "cosmjs-types/tendermint/types/block";
import type { BlockID, Header } from "cosmjs-types/tendermint/types/types";

export function timestamp(date: ReadonlyDateWithNanoseconds): Timestamp {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds: BigInt(seconds), nanos: (ms - seconds * 1000) * 1_000_000 + (date.nanoseconds ?? 0) };
}

/** RFC 3339 in whole seconds, as the SDK writes TxResponse.timestamp (Go's time.RFC3339). */
export function rfc3339Seconds(date: ReadonlyDateWithNanoseconds): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function blockId(id: comet38.BlockId | null): BlockID {
  return { hash: id?.hash ?? new Uint8Array(), partSetHeader: { total: id?.parts.total ?? 0, hash: id?.parts.hash ?? new Uint8Array() } };
}

export function header(h: comet38.Header): Header {
  return {
    version: { block: BigInt(h.version.block), app: BigInt(h.version.app) },
    chainId: h.chainId,
    height: BigInt(h.height),
    time: timestamp(h.time),
    lastBlockId: blockId(h.lastBlockId),
    lastCommitHash: h.lastCommitHash,
    dataHash: h.dataHash,
    validatorsHash: h.validatorsHash,
    nextValidatorsHash: h.nextValidatorsHash,
    consensusHash: h.consensusHash,
    appHash: h.appHash,
    lastResultsHash: h.lastResultsHash,
    evidenceHash: h.evidenceHash,
    proposerAddress: h.proposerAddress,
  };
}

/** The block as CometBFT's own proto has it; evidence is left out (the RPC gives it untyped). */
export function block(b: comet38.Block): Block {
  return {
    header: header(b.header),
    data: { txs: [...b.txs] },
    evidence: { evidence: [] },
    ...(b.lastCommit
      ? {
          lastCommit: {
            height: BigInt(b.lastCommit.height),
            round: b.lastCommit.round,
            blockId: blockId(b.lastCommit.blockId),
            signatures: b.lastCommit.signatures.map((s) => ({
              blockIdFlag: s.blockIdFlag as number,
              validatorAddress: s.validatorAddress ?? new Uint8Array(),
              timestamp: s.timestamp ? timestamp(s.timestamp) : { seconds: 0n, nanos: 0 },
              signature: s.signature ?? new Uint8Array(),
            })),
          },
        }
      : {}),
  };
}

/** The SDK's block: the same, its proposer a bech32 consensus address. */
export function sdkBlock(b: comet38.Block, consensusPrefix: string): SdkBlock {
  const { header: h, ...rest } = block(b);
  return { ...rest, header: { ...h, proposerAddress: toBech32(consensusPrefix, b.header.proposerAddress) } };
}

export function events(list: readonly comet38.Event[]): Event[] {
  return list.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: a.key, value: a.value, index: true })) }));
}

/** A tx's bytes as the Tx the SDK returns (TxRaw's fields decode as Tx's). */
export function decodeTx(bytes: Uint8Array): Tx {
  return Tx.decode(bytes);
}

export function txAny(bytes: Uint8Array): Any {
  return { typeUrl: "/cosmos.tx.v1beta1.Tx", value: Tx.encode(decodeTx(bytes)).finish() };
}

/** An included tx as the SDK's TxResponse: hash in upper-case hex, data in hex, time of its block. */
export function includedTxResponse(tx: comet38.TxResponse, blockTime: ReadonlyDateWithNanoseconds): TxResponse {
  return TxResponse.fromPartial({
    height: BigInt(tx.height),
    txhash: toHex(tx.hash).toUpperCase(),
    codespace: tx.result.codespace ?? "",
    code: tx.result.code,
    data: toHex(tx.result.data ?? new Uint8Array()).toUpperCase(),
    rawLog: tx.result.log ?? "",
    gasWanted: tx.result.gasWanted,
    gasUsed: tx.result.gasUsed,
    tx: txAny(tx.tx),
    timestamp: rfc3339Seconds(blockTime),
    events: events(tx.result.events),
  });
}

export function validatorPubkey(key: ValidatorPubkey | undefined): Any | undefined {
  if (!key) return undefined;
  return key.algorithm === "ed25519"
    ? { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: Ed25519PubKey.encode({ key: key.data }).finish() }
    : { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: Secp256k1PubKey.encode({ key: key.data }).finish() };
}
