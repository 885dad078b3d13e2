/**
 * The evidence keeper: equivocations that were punished, by the hash of their encoding (as the
 * SDK's Evidence.Hash), and the max age beyond which evidence is ignored.
 */
import { Equivocation } from "cosmjs-types/cosmos/evidence/v1beta1/evidence";
import { EvidenceParams } from "cosmjs-types/tendermint/types/params";
import { sha256 } from "@noble/hashes/sha2.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import { bytesKey, protoValue } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import type { EvidenceSlashingKeeper, EvidenceStakingKeeper } from "./expected-keepers.js";
import { defaultEvidenceParams, EVIDENCE_STORE } from "./types.js";

export function evidenceHash(e: Equivocation): Uint8Array {
  return sha256(encodeProto(Equivocation, e));
}

export class EvidenceKeeper {
  private readonly schema = new Schema(EVIDENCE_STORE);
  readonly evidence = this.schema.map(0x01, "evidence", bytesKey, protoValue(Equivocation));
  readonly params = this.schema.item(0x02, "max_age", protoValue(EvidenceParams));

  constructor(
    readonly slashing: EvidenceSlashingKeeper,
    readonly staking: EvidenceStakingKeeper,
  ) {}

  getParams(ctx: StoreSource): EvidenceParams {
    return this.params.get(ctx) ?? defaultEvidenceParams();
  }

  setEvidence(ctx: StoreSource, e: Equivocation): void {
    this.evidence.set(ctx, evidenceHash(e), e);
  }
}
