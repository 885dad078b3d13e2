/**
 * What describes a snapshot: its height and format, the sha256 of each chunk, and the app hash
 * of the state it holds. Peers exchange the chunk hashes as ABCI `metadata` (the Cosmos SDK's
 * snapshot Metadata message), and the snapshot's hash is the sha256 of those metadata bytes, so
 * a restoring node checks every chunk against what it accepted in OfferSnapshot.
 */
import { createHash } from "node:crypto";
import { Metadata } from "cosmjs-types/cosmos/store/snapshots/v1/snapshot";
import type { Snapshot as AbciSnapshot } from "cosmjs-types/tendermint/abci/types";

export interface Snapshot {
  height: bigint;
  format: number;
  chunkHashes: Buffer[];
  /** The app hash at `height`, i.e. what restoring this snapshot must produce. */
  appHash: Buffer;
}

export function sha256(bytes: Uint8Array): Buffer {
  return createHash("sha256").update(bytes).digest();
}

export function snapshotMetadata(snapshot: Pick<Snapshot, "chunkHashes">): Buffer {
  return Buffer.from(Metadata.encode({ chunkHashes: snapshot.chunkHashes }).finish());
}

export function snapshotHash(snapshot: Pick<Snapshot, "chunkHashes">): Buffer {
  return sha256(snapshotMetadata(snapshot));
}

/** The snapshot as ListSnapshots advertises it. */
export function toAbciSnapshot(snapshot: Snapshot): AbciSnapshot {
  return {
    height: snapshot.height,
    format: snapshot.format,
    chunks: snapshot.chunkHashes.length,
    hash: snapshotHash(snapshot),
    metadata: snapshotMetadata(snapshot),
  };
}

/**
 * The chunk hashes of a snapshot a peer offers, checked against its hash and chunk count;
 * throws with the reason when they do not agree.
 */
export function chunkHashesOf(offered: AbciSnapshot): Buffer[] {
  let hashes: Uint8Array[];
  try {
    hashes = Metadata.decode(offered.metadata).chunkHashes;
  } catch (err) {
    throw new Error(`snapshot metadata does not decode: ${(err as Error).message}`);
  }
  if (offered.chunks === 0) throw new Error("snapshot has no chunks");
  if (hashes.length !== offered.chunks) throw new Error(`snapshot metadata lists ${hashes.length} chunk hashes for ${offered.chunks} chunks`);
  if (hashes.some((h) => h.length !== 32)) throw new Error("snapshot metadata holds a chunk hash that is not 32 bytes");
  if (!sha256(offered.metadata).equals(offered.hash)) throw new Error("snapshot hash is not the sha256 of its metadata");
  return hashes.map((h) => Buffer.from(h));
}
