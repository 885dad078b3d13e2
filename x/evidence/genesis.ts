/**
 * The evidence section of genesis: cosmos.evidence.v1beta1 GenesisState's JSON (`evidence`, each
 * an Equivocation with its "@type"), and Agora's `max_age`, which should match CometBFT's
 * consensus_params.evidence (the app is not told those).
 */
import { Equivocation } from "cosmjs-types/cosmos/evidence/v1beta1/evidence";
import type { Context } from "../../sdk/types/context.js";
import { durationFromJson, durationToJson, timestampFromJson, timestampToJson, toNanos } from "../../sdk/types/time.js";
import type { EvidenceKeeper } from "./keeper.js";
import { defaultEvidenceParams } from "./types.js";

type Json = Record<string, unknown>;

export interface EvidenceGenesis {
  evidence?: Iterable<Json>;
  max_age?: { max_age_num_blocks?: string; max_age_duration?: string };
}

function maxAgeToJson(keeper: EvidenceKeeper, ctx: Context) {
  const p = keeper.getParams(ctx);
  return { max_age_num_blocks: p.maxAgeNumBlocks.toString(), max_age_duration: durationToJson(p.maxAgeDuration) };
}

export function defaultEvidenceGenesis(): EvidenceGenesis {
  const p = defaultEvidenceParams();
  return { evidence: [], max_age: { max_age_num_blocks: p.maxAgeNumBlocks.toString(), max_age_duration: durationToJson(p.maxAgeDuration) } };
}

export function initEvidenceGenesis(ctx: Context, keeper: EvidenceKeeper, genesis: EvidenceGenesis): void {
  const d = defaultEvidenceParams();
  const maxAge = genesis.max_age ?? {};
  const params = {
    ...d,
    maxAgeNumBlocks: maxAge.max_age_num_blocks === undefined ? d.maxAgeNumBlocks : BigInt(maxAge.max_age_num_blocks),
    maxAgeDuration: maxAge.max_age_duration === undefined ? d.maxAgeDuration : durationFromJson(maxAge.max_age_duration, "max_age_duration"),
  };
  if (params.maxAgeNumBlocks <= 0n || toNanos(params.maxAgeDuration) <= 0n) throw new Error("invalid evidence genesis: max_age_num_blocks and max_age_duration must be positive");
  keeper.params.set(ctx, params);
  for (const e of genesis.evidence ?? []) {
    if (e["@type"] !== Equivocation.typeUrl) throw new Error(`invalid evidence genesis: unknown evidence type ${JSON.stringify(e["@type"])}, expected ${Equivocation.typeUrl}`);
    keeper.setEvidence(ctx, {
      height: BigInt(String(e.height ?? "0")),
      time: timestampFromJson(e.time, "evidence time") ?? { seconds: 0n, nanos: 0 },
      power: BigInt(String(e.power ?? "0")),
      consensusAddress: String(e.consensus_address ?? ""),
    });
  }
}

export function exportEvidenceGenesis(ctx: Context, keeper: EvidenceKeeper): EvidenceGenesis {
  return {
    evidence: [...keeper.evidence.entries(ctx)].map(([, e]) => ({
      "@type": Equivocation.typeUrl,
      height: e.height.toString(),
      time: timestampToJson(e.time),
      power: e.power.toString(),
      consensus_address: e.consensusAddress,
    })),
    max_age: maxAgeToJson(keeper, ctx),
  };
}
